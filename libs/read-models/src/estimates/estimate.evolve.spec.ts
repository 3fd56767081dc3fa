import { EstimateEvent } from '@app/domain';
import {
  ANSWER_AT,
  CREATED_AT,
  ESTIMATE_CUSTOMER_ID,
  estimateAccepted,
  estimateCreated,
  estimateRejected,
  QUOTED_LINES,
} from '@app/domain/estimate/testing/estimate.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { erasedEstimateRow, evolveEstimateRow, RecordedEstimateEvent } from './estimate.evolve';
import { estimateHistoryEntryFor } from './estimate.history-entries';
import { estimateStatusOn } from './estimate.queries';

const fulfilled: EstimateEvent = {
  type: 'EstimateFulfilled',
  data: {
    estimateId: 'est-1',
    customerId: ESTIMATE_CUSTOMER_ID,
    contractId: 'con-1',
    subscriptionIds: ['sub-1', 'sub-2'],
    fulfilledAt: ANSWER_AT,
  },
};

const accepted = recordedStream('estimate-est-1', [
  estimateCreated({ notes: 'Call first' }),
  estimateAccepted,
  fulfilled,
]) as RecordedEstimateEvent[];

const rejected = recordedStream('estimate-est-1', [
  estimateCreated(),
  estimateRejected,
]) as RecordedEstimateEvent[];

describe('the estimates row (rule 29)', () => {
  it('is the quoted estimate, outstanding, at version 1, with its lines and totals', () => {
    expect(foldRow(evolveEstimateRow, accepted.slice(0, 1))).toEqual({
      id: 'est-1',
      customerId: ESTIMATE_CUSTOMER_ID,
      state: 'outstanding',
      lines: QUOTED_LINES,
      lineCount: 2,
      netCents: 10999,
      vatCents: 2310,
      totalCents: 13309,
      validUntil: '2026-03-31',
      notes: 'Call first',
      rejectionReason: null,
      contractId: null,
      subscriptionIds: [],
      fulfilled: false,
      version: 1,
      createdAt: CREATED_AT,
      answeredAt: null,
      updatedAt: CREATED_AT,
    });
  });

  it('records the acceptance with its contract and subscriptions, then that they exist', () => {
    expect(foldRow(evolveEstimateRow, accepted.slice(0, 2))).toMatchObject({
      state: 'accepted',
      contractId: 'con-1',
      subscriptionIds: ['sub-1', 'sub-2'],
      fulfilled: false,
      answeredAt: ANSWER_AT,
      version: 2,
    });
    expect(foldRow(evolveEstimateRow, accepted)).toMatchObject({ fulfilled: true, version: 3 });
  });

  it('records the rejection and its reason', () => {
    expect(foldRow(evolveEstimateRow, rejected)).toMatchObject({
      state: 'rejected',
      rejectionReason: 'Too expensive',
      version: 2,
    });
  });

  it('reads expired when outstanding past validUntil, and only then', () => {
    const row = foldRow(evolveEstimateRow, accepted.slice(0, 1))!;
    expect(estimateStatusOn(row, '2026-03-31')).toBe('outstanding');
    expect(estimateStatusOn(row, '2026-04-01')).toBe('expired');
    expect(estimateStatusOn(foldRow(evolveEstimateRow, rejected)!, '2030-01-01')).toBe('rejected');
  });

  it('erased, keeps its amounts and states but no lines or free text', () => {
    const erased = erasedEstimateRow(foldRow(evolveEstimateRow, rejected)!);
    expect(erased).toMatchObject({
      lines: [],
      rejectionReason: '[erased]',
      notes: null,
      totalCents: 13309,
      state: 'rejected',
    });
  });

  it('gives each event a history line naming amounts and states, never free text', () => {
    const summaries = accepted.map((event) => estimateHistoryEntryFor(event)!.summary);
    expect(summaries).toEqual([
      'Estimate created: 133.09 EUR, valid until 2026-03-31',
      'Estimate accepted: contract con-1 with 2 subscription(s)',
      'Estimate fulfilled: contract drafted, 2 subscription(s) requested',
    ]);
    expect(JSON.stringify(accepted.map(estimateHistoryEntryFor))).not.toContain('Call first');
    expect(estimateHistoryEntryFor(rejected[1])!.summary).toBe('Estimate rejected');
  });
});
