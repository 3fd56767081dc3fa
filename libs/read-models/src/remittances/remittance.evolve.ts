import { RemittanceCreated } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { RemittanceRow } from './remittance.entity';

export type RecordedRemittanceEvent = RecordedEvent<'RemittanceCreated', RemittanceCreated['data']>;

export const isRecordedRemittanceEvent = (event: RecordedEvent): event is RecordedRemittanceEvent =>
  event.type === 'RemittanceCreated';

/** The remittance's row: written once, from the event that created it. Pure. */
export function evolveRemittanceRow(
  current: RemittanceRow | null,
  event: RecordedRemittanceEvent,
): RemittanceRow | null {
  if (current !== null) return null;
  const { data } = event;
  return {
    id: data.remittanceId,
    issuerId: data.issuerId,
    collectionDate: data.collectionDate,
    dueUntil: data.dueUntil,
    painVersion: data.painVersion,
    messageId: data.messageId,
    createdAt: data.createdAt,
    effects: data.transactions.length,
    totalCents: data.totalCents,
    creditor: data.creditor,
    transactions: data.transactions,
    excluded: data.excluded,
    lastRevision: Number(event.revision),
    position: Number(event.position),
  };
}
