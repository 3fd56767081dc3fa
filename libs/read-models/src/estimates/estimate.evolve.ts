import { ERASED, ESTIMATE_EVENT_TYPES, ESTIMATE_STREAM_PREFIX, EstimateEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { EstimateRow } from './estimate.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedEstimateEvent = Recorded<EstimateEvent>;

export const isRecordedEstimateEvent = (event: RecordedEvent): event is RecordedEstimateEvent =>
  (ESTIMATE_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(ESTIMATE_STREAM_PREFIX);

/** The estimate's row after one event of its stream. Pure. */
export function evolveEstimateRow(
  current: EstimateRow | null,
  event: RecordedEstimateEvent,
): EstimateRow | null {
  const version = Number(event.revision) + 1;
  if (event.type === 'EstimateCreated') {
    const { estimateId, customerId, lines, totals, validUntil, notes, createdAt } = event.data;
    return {
      id: estimateId,
      customerId,
      state: 'outstanding',
      lines,
      lineCount: lines.length,
      ...totals,
      validUntil,
      notes,
      rejectionReason: null,
      contractId: null,
      subscriptionIds: [],
      fulfilled: false,
      version,
      createdAt,
      answeredAt: null,
      updatedAt: createdAt,
    };
  }
  if (current === null) return null;
  switch (event.type) {
    case 'EstimateAccepted': {
      const { contractId, subscriptions, acceptedAt } = event.data;
      return {
        ...current,
        state: 'accepted',
        contractId,
        subscriptionIds: subscriptions.map((plan) => plan.subscriptionId),
        version,
        answeredAt: acceptedAt,
        updatedAt: acceptedAt,
      };
    }
    case 'EstimateRejected': {
      const { reason, rejectedAt } = event.data;
      return {
        ...current,
        state: 'rejected',
        rejectionReason: reason,
        version,
        answeredAt: rejectedAt,
        updatedAt: rejectedAt,
      };
    }
    case 'EstimateFulfilled':
      return { ...current, fulfilled: true, version, updatedAt: event.data.fulfilledAt };
  }
}

/**
 * The row once its customer's personal data is erased: the lines and free text read as the
 * log's events now do (sealed under the destroyed key), so the live row and a rebuilt one
 * agree. The totals, in clear, stay.
 */
export const erasedEstimateRow = (row: EstimateRow): EstimateRow => ({
  ...row,
  lines: [],
  notes: row.notes === null ? null : ERASED,
  rejectionReason: row.rejectionReason === null ? null : ERASED,
});
