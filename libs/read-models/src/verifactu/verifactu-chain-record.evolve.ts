import { isVerifactuChainEvent, VerifactuChainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { VerifactuChainRecordRow } from './verifactu-chain-record.entity';

export type RecordedChainEvent = RecordedEvent<
  VerifactuChainEvent['type'],
  VerifactuChainEvent['data']
>;

export const isRecordedChainEvent = (event: RecordedEvent): event is RecordedChainEvent =>
  isVerifactuChainEvent(event);

/** The record's row: written once, from its event. Pure. */
export function evolveChainRecordRow(
  current: VerifactuChainRecordRow | null,
  event: RecordedChainEvent,
): VerifactuChainRecordRow | null {
  if (current !== null) return null;
  const record = event.data;
  const registration = record.kind === 'registration' ? record : null;
  return {
    recordId: record.recordId,
    issuerId: record.issuerId,
    sequence: Number(event.revision),
    kind: record.kind,
    invoiceId: record.invoiceId,
    documentId: registration?.documentId ?? null,
    numSerie: record.invoice.numSerie,
    issueDate: record.invoice.issueDate,
    tipoFactura: registration?.tipoFactura ?? null,
    importeTotalCents: registration?.importeTotalCents ?? null,
    huella: record.huella,
    generatedAt: record.generatedAt,
    record,
    position: Number(event.position),
  };
}
