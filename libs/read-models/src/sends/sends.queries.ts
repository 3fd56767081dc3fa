import { SendChannel } from '@app/domain';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import { SendRow, SendStatus } from './send.entity';

/** One message of the sends tab ("Envíos"), as `GET /customers/:id/sends` lists it. */
export interface SendItem {
  messageId: string;
  channel: SendChannel;
  recipient: string;
  template: string;
  subject: string;
  status: SendStatus;
  attempts: number;
  lastError: string | null;
  source: string;
  queuedAt: string;
  sentAt: string | null;
  failedAt: string | null;
  nextAttemptAt: string | null;
}

export interface SendFilters extends Paging {
  status?: SendStatus;
  channel?: SendChannel;
}

/** `GET /customers/:id/sends`: the customer's messages, newest first. */
export async function customerSends(
  source: ReadModelSource,
  customerId: string,
  filters: SendFilters = {},
): Promise<Page<SendItem>> {
  const { page, pageSize, offset } = normalizePaging(filters);
  if (!isUuid(customerId)) return { items: [], total: 0, page, pageSize };
  const [rows, total] = await managerOf(source)
    .getRepository(SendRow)
    .findAndCount({
      where: {
        customerId,
        ...(filters.status === undefined ? {} : { status: filters.status }),
        ...(filters.channel === undefined ? {} : { channel: filters.channel }),
      },
      order: { queuedPosition: 'DESC' },
      skip: offset,
      take: pageSize,
    });
  return { items: rows.map(sendItemOf), total, page, pageSize };
}

const sendItemOf = (row: SendRow): SendItem => ({
  messageId: row.messageId,
  channel: row.channel,
  recipient: row.recipient,
  template: row.template,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  source: row.sourceType,
  queuedAt: row.queuedAt,
  sentAt: row.sentAt,
  failedAt: row.failedAt,
  nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt : null,
});

/**
 * Messages the delivery worker may take at `at`: queued, due, under no live lease (as far as
 * this read model knows: each message's stream decides), oldest first.
 */
export async function sendsDue(
  source: ReadModelSource,
  at: string,
  limit: number,
): Promise<string[]> {
  const rows: { message_id: string }[] = await managerOf(source).query(
    `SELECT message_id FROM sends
     WHERE status = 'queued' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
     ORDER BY next_attempt_at, queued_position LIMIT $2`,
    [at, limit],
  );
  return rows.map((row) => row.message_id);
}
