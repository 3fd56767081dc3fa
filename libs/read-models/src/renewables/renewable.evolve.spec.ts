import { lapsedEvent, registered, renewed } from '@app/domain/renewable/testing/renewable.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolveRenewableRow, RecordedRenewableEvent } from './renewable.evolve';
import { renewableHistoryEntryFor } from './renewable.history-entries';
import { renewableView } from './renewable.queries';

const log = recordedStream('renewable-ren-1', [
  registered(),
  renewed(),
  lapsedEvent(),
]) as RecordedRenewableEvent[];

describe('the renewables row (seed 003)', () => {
  it('is the registered renewable, active, due on its first boundary, at version 1', () => {
    const row = foldRow(evolveRenewableRow, log.slice(0, 1));
    expect(row).toMatchObject({
      id: 'ren-1',
      customerId: 'cus-1',
      productCode: 'DOM-ES',
      periodEvery: 1,
      periodUnit: 'month',
      nextRenewalOn: '2026-02-28',
      periodsRenewed: 0,
      lastRenewedOn: null,
      status: 'active',
      version: 1,
    });
    expect(renewableView(row!).period).toEqual({ every: 1, unit: 'month' });
  });

  it('moves on one period when renewed, recording the day, then lapses', () => {
    expect(foldRow(evolveRenewableRow, log.slice(0, 2))).toMatchObject({
      status: 'renewed',
      nextRenewalOn: '2026-03-31',
      periodsRenewed: 1,
      lastRenewedOn: '2027-01-25',
      version: 2,
    });
    expect(foldRow(evolveRenewableRow, log)).toMatchObject({
      status: 'lapsed',
      lapsedOn: '2027-01-25',
      nextRenewalOn: '2026-03-31',
      version: 3,
    });
  });

  it('ignores a step on a renewable it never saw registered', () => {
    expect(evolveRenewableRow(null, log[1])).toBeNull();
  });

  it('writes one history line per event, under renewables, for the customer', () => {
    expect(log.map((event) => renewableHistoryEntryFor(event)?.summary)).toEqual([
      'Renewable registered: DOM-ES, every 1 month',
      'Renewable renewed on 2027-01-25; next renewal 2026-03-31',
      'Renewable lapsed on 2027-01-25',
    ]);
    expect(renewableHistoryEntryFor(log[0])).toMatchObject({
      customerId: 'cus-1',
      changes: [{ field: 'renewables', before: null }],
    });
  });
});
