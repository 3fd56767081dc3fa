import { ERASED, isSendEvent, SEND_EVENT_TYPES, SendEvent, sendSubjectOf } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { EntityManager } from 'typeorm';
import { Projection } from '../projection';

type Recorded<E> = RecordedEvent & E;

/**
 * The sends tab (rule 25): each message enters `queued`; its delivery events move it on.
 * Each event is one statement that skips rows already past its position, so a replayed batch
 * changes nothing. The customer's erasure blanks recipients and errors (the log's are sealed).
 */
export const sendsProjection = (): Projection => ({
  name: 'sends',
  handles: [...SEND_EVENT_TYPES, 'CustomerPersonalDataErased'],
  tables: ['sends'],
  rebuild: { indexesReadOn: { CustomerPersonalDataErased: ['sends_by_customer'] } },
  async applyBatch(events, manager) {
    for (const event of events) {
      if (isSendEvent(event)) await messageMoved(event as Recorded<SendEvent>, manager);
      else if (event.type === 'CustomerPersonalDataErased')
        await manager.query(
          `UPDATE sends SET recipient = $2, last_error = CASE WHEN last_error IS NULL THEN NULL ELSE $2 END
           WHERE customer_id = $1`,
          [(event.data as { customerId: string }).customerId, ERASED],
        );
    }
  },
});

async function messageMoved(event: Recorded<SendEvent>, manager: EntityManager): Promise<void> {
  const position = String(event.position);
  switch (event.type) {
    case 'MessageQueued': {
      const message = event.data;
      await manager.query(
        `INSERT INTO sends (message_id, customer_id, channel, recipient, template, subject, status,
           attempts, source_type, queued_at, next_attempt_at, queued_position, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $8, $8, $9, $9)
         ON CONFLICT (message_id) DO NOTHING`,
        [
          message.messageId,
          message.customerId,
          message.channel,
          message.recipient,
          message.template,
          sendSubjectOf(message.template, message.params),
          message.source.type,
          message.queuedAt,
          position,
        ],
      );
      return;
    }
    case 'MessageDeliveryClaimed':
      await manager.query(
        `UPDATE sends SET attempts = $2, lease_until = $3, last_position = $4
         WHERE message_id = $1 AND last_position < $4`,
        [event.data.messageId, event.data.attempt, event.data.leaseUntil, position],
      );
      return;
    case 'MessageDeliveryAttemptFailed':
      await manager.query(
        `UPDATE sends SET last_error = $2, next_attempt_at = $3, lease_until = NULL,
           last_position = $4
         WHERE message_id = $1 AND last_position < $4`,
        [event.data.messageId, event.data.error, event.data.nextAttemptAt, position],
      );
      return;
    case 'MessageSent':
      await manager.query(
        `UPDATE sends SET status = 'sent', sent_at = $2, attempts = GREATEST(attempts, $3),
           next_attempt_at = NULL, lease_until = NULL, last_position = $4
         WHERE message_id = $1 AND last_position < $4`,
        [event.data.messageId, event.data.sentAt, event.data.attempt, position],
      );
      return;
    case 'MessageFailed':
      await manager.query(
        `UPDATE sends SET status = 'failed', failed_at = $2, attempts = $3, last_error = $4,
           next_attempt_at = NULL, lease_until = NULL, last_position = $5
         WHERE message_id = $1 AND last_position < $5 AND status <> 'sent'`,
        [
          event.data.messageId,
          event.data.failedAt,
          event.data.attempts,
          event.data.error,
          position,
        ],
      );
      return;
  }
}
