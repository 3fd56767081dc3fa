import {
  isVerifactuChainEvent,
  isVerifactuSubmissionEvent,
  VERIFACTU_CHAIN_EVENT_TYPES,
  VERIFACTU_SUBMISSION_EVENT_TYPES,
  VerifactuChainEvent,
  VerifactuSubmissionEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import { Projection } from '../projection';

type Recorded<E> = RecordedEvent & E;

/**
 * Rule 22's outbox: each chain record enters `pending`; its submission's events move it on
 * (`sent`, `accepted`, `rejected`, `error`). Events are applied in log order, each by one
 * statement that skips rows already past its position, so a replayed batch changes nothing.
 */
export const verifactuOutboxProjection = (): Projection => ({
  name: 'verifactu-outbox',
  handles: [...VERIFACTU_CHAIN_EVENT_TYPES, ...VERIFACTU_SUBMISSION_EVENT_TYPES],
  tables: ['verifactu_outbox'],
  async applyBatch(events, manager) {
    for (const event of events) {
      if (isVerifactuChainEvent(event))
        await recordEntered(event as Recorded<VerifactuChainEvent>, manager);
      else if (isVerifactuSubmissionEvent(event))
        await submissionMoved(event as Recorded<VerifactuSubmissionEvent>, manager);
    }
  },
});

async function recordEntered(event: Recorded<VerifactuChainEvent>, manager: EntityManager) {
  const record = event.data;
  await manager.query(
    `INSERT INTO verifactu_outbox (record_id, issuer_id, issuer_nif, num_serie, issue_date, kind,
       tipo_factura, generated_at, chain_position, status, attempts, updated_at, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, $10, $9)
     ON CONFLICT (record_id) DO NOTHING`,
    [
      record.recordId,
      record.issuerId,
      record.invoice.issuerNif,
      record.invoice.numSerie,
      record.invoice.issueDate,
      record.kind,
      record.kind === 'registration' ? record.tipoFactura : null,
      record.generatedAt,
      String(event.position),
      event.metadata.occurredAt,
    ],
  );
}

async function submissionMoved(event: Recorded<VerifactuSubmissionEvent>, manager: EntityManager) {
  const position = String(event.position);
  switch (event.type) {
    case 'VerifactuSubmissionPrepared':
      await manager.query(
        `UPDATE verifactu_outbox SET submission_id = $1, status = 'pending', attempts = 0,
           error_code = NULL, error_description = NULL, updated_at = $2, last_position = $3
         WHERE record_id = ANY($4) AND last_position < $3`,
        [
          event.data.submissionId,
          event.data.preparedAt,
          position,
          event.data.records.map((record) => record.recordId),
        ],
      );
      return;
    case 'VerifactuSubmissionSent':
      await manager.query(
        `UPDATE verifactu_outbox SET status = 'sent', attempts = $2, updated_at = $3,
           last_position = $4
         WHERE submission_id = $1 AND last_position < $4`,
        [event.data.submissionId, event.data.attempt, event.data.sentAt, position],
      );
      return;
    case 'VerifactuSubmissionFailed':
      await manager.query(
        `UPDATE verifactu_outbox SET status = 'error', error_code = NULL, error_description = $2,
           updated_at = $3, last_position = $4
         WHERE submission_id = $1 AND last_position < $4`,
        [
          event.data.submissionId,
          `${event.data.error} (sent again from ${event.data.nextAttemptAt})`,
          event.data.failedAt,
          position,
        ],
      );
      return;
    case 'VerifactuSubmissionAnswered':
      for (const verdict of event.data.records)
        await manager.query(
          `UPDATE verifactu_outbox SET status = $3, error_code = $4, error_description = $5,
             updated_at = $6, last_position = $7
           WHERE record_id = $1 AND submission_id = $2 AND last_position < $7`,
          [
            verdict.recordId,
            event.data.submissionId,
            verdict.status,
            verdict.errorCode,
            verdict.errorDescription,
            event.data.answeredAt,
            position,
          ],
        );
      return;
  }
}
