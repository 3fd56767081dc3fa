import { CustomerEvent } from '@app/domain';
import { customerHistoryEntryFor, erasedHistoryLine } from '../customers/customer.history-entries';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import {
  erasedInterestRow,
  evolveInterestRow,
  RecordedInterestEvent,
} from './customer-interest.evolve';

const AT = '2026-03-02T10:00:00.000Z';
const events: CustomerEvent[] = [
  {
    type: 'InterestRecorded',
    data: {
      customerId: 'cus-1',
      interestId: 'int-1',
      product: 'Fibra 1 Gb',
      tariffId: null,
      contactId: 'p-1',
      contactName: 'Luis Ruiz',
      shownOn: '2026-03-01',
      notes: 'Before summer',
      recordedAt: AT,
    },
  },
  {
    type: 'InterestEdited',
    data: {
      customerId: 'cus-1',
      interestId: 'int-1',
      changes: [{ field: 'notes', before: 'Before summer', after: 'In June' }],
      editedAt: AT,
    },
  },
  { type: 'InterestRemoved', data: { customerId: 'cus-1', interestId: 'int-1', removedAt: AT } },
];
const log = recordedStream('customer-cus-1', events) as unknown as RecordedInterestEvent[];

describe('the interests row (seed 003)', () => {
  it('is the recorded interest, then edited field by field, then flagged removed', () => {
    expect(foldRow(evolveInterestRow, log.slice(0, 1))).toMatchObject({
      id: 'int-1',
      customerId: 'cus-1',
      contactName: 'Luis Ruiz',
      notes: 'Before summer',
      removed: false,
      lastRevision: 0,
    });
    expect(foldRow(evolveInterestRow, log.slice(0, 2))).toMatchObject({
      notes: 'In June',
      shownOn: '2026-03-01',
      lastRevision: 1,
    });
    expect(foldRow(evolveInterestRow, log)).toMatchObject({ removed: true, lastRevision: 2 });
  });

  it('keeps no contact name or notes once erased, the rest as it was', () => {
    const row = foldRow(evolveInterestRow, log.slice(0, 2))!;
    expect(erasedInterestRow(row)).toEqual({ ...row, contactName: null, notes: null });
  });

  it("keeps of an interest's history line, once erased, nothing personal", () => {
    const lines = log.map((event) => customerHistoryEntryFor(event)!);
    expect(lines.map((line) => line.summary)).toEqual([
      'Interest recorded: Fibra 1 Gb',
      'Interest edited',
      'Interest removed',
    ]);
    const erased = lines.map((line, index) =>
      erasedHistoryLine({ eventType: events[index].type, ...line }),
    );
    expect(JSON.stringify(erased)).not.toMatch(/Luis Ruiz|Before summer|In June/);
    expect(erased[0].changes).toEqual([
      {
        field: 'interests',
        before: null,
        after: {
          interestId: 'int-1',
          product: 'Fibra 1 Gb',
          tariffId: null,
          contactId: 'p-1',
          shownOn: '2026-03-01',
        },
      },
    ]);
  });
});
