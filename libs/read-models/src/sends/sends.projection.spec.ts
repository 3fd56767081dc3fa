import { ERASED, personalDataErasureBlockers, SendEvent, sendStream } from '@app/domain';
import { randomUUID } from 'node:crypto';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { customerErasureFactsFromReadModels } from '../contracts';
import { sendProjections } from '.';
import { customerSends, sendsDue } from './sends.queries';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T10:00:05.000Z';
const T2 = '2026-03-01T10:01:05.000Z';

describe(`The sends read model (rule 25) on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('sends', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const project = () => log.project(sendProjections());
  const write = async (messageId: string, events: SendEvent[]) => {
    const result = await log.store.append(sendStream(messageId), events);
    log.lastPosition = result.position;
  };
  const queued = (messageId: string, customerId: string, recipient: string): SendEvent => ({
    type: 'MessageQueued',
    data: {
      messageId,
      customerId,
      channel: 'email',
      recipient,
      template: 'invoice-issued',
      params: { invoiceId: 'invoice-1', number: 'F2026-000001' },
      idempotencyKey: `invoice-issued:invoice-1:email:${messageId}`,
      source: { eventId: 'event-1', type: 'InvoiceIssued', stream: 'invoice-invoice-1' },
      queuedAt: T0,
    },
  });
  const rows = async (customerId: string) =>
    (await customerSends(log.dataSource, customerId, { pageSize: 100 })).items.map((item) => [
      item.recipient,
      item.subject,
      item.status,
      item.attempts,
      item.lastError,
      item.nextAttemptAt,
    ]);

  it('follows each message: queued, due, an attempt failed (due again later), sent', async () => {
    const customerId = await log.register(1);
    const [first, second] = [randomUUID(), randomUUID()];
    await write(first, [queued(first, customerId, 'ana@example.com')]);
    await write(second, [
      queued(second, customerId, 'marta@example.com'),
      {
        type: 'MessageDeliveryClaimed',
        data: { messageId: second, customerId, attempt: 1, claimedAt: T0, leaseUntil: T1 },
      },
      {
        type: 'MessageDeliveryAttemptFailed',
        data: {
          messageId: second,
          customerId,
          attempt: 1,
          error: '451 try again later',
          failedAt: T0,
          nextAttemptAt: T2,
        },
      },
    ]);
    await project();
    expect(await rows(customerId)).toEqual([
      ['marta@example.com', 'Factura F2026-000001', 'queued', 1, '451 try again later', T2],
      ['ana@example.com', 'Factura F2026-000001', 'queued', 0, null, T0],
    ]);
    expect(await sendsDue(log.dataSource, T1, 10)).toEqual([first]);
    expect(await sendsDue(log.dataSource, T2, 10)).toEqual([first, second]);

    await write(first, [
      {
        type: 'MessageDeliveryClaimed',
        data: { messageId: first, customerId, attempt: 1, claimedAt: T1, leaseUntil: T2 },
      },
    ]);
    await project();
    expect(await sendsDue(log.dataSource, T1, 10)).toEqual([]);
    await write(first, [
      {
        type: 'MessageSent',
        data: { messageId: first, customerId, attempt: 1, sentAt: T1, providerMessageId: null },
      },
    ]);
    await project();
    expect((await customerSends(log.dataSource, customerId, { status: 'sent' })).items).toEqual([
      expect.objectContaining({ recipient: 'ana@example.com', sentAt: T1, nextAttemptAt: null }),
    ]);
    expect(await sendsDue(log.dataSource, T2, 10)).toEqual([second]);
  });

  it('seals the recipient in the log, and forgets it with the customer’s erasure', async () => {
    const customerId = await log.register(2);
    const messageId = randomUUID();
    await write(messageId, [queued(messageId, customerId, 'secreta@example.com')]);
    const raw = await log.dataSource.query(
      'SELECT count(*)::int AS n FROM es_events WHERE data::text LIKE $1',
      ['%secreta@example.com%'],
    );
    expect(raw[0].n).toBe(0);
    await project();
    expect((await rows(customerId))[0][0]).toBe('secreta@example.com');
    await log.project();
    const facts = await customerErasureFactsFromReadModels(log.dataSource, customerId);
    await log.run('EraseCustomerPersonalData', {
      customerId,
      blockers: personalDataErasureBlockers(facts),
    });
    await project();
    expect((await rows(customerId))[0][0]).toBe(ERASED);
  });

  it('a rebuild from the log gives the same rows', async () => {
    const customerId = await log.register(3);
    const messageId = randomUUID();
    await write(messageId, [
      queued(messageId, customerId, 'ana@example.com'),
      {
        type: 'MessageDeliveryClaimed',
        data: { messageId, customerId, attempt: 1, claimedAt: T0, leaseUntil: T1 },
      },
      {
        type: 'MessageFailed',
        data: { messageId, customerId, attempts: 1, error: '550 no such user', failedAt: T1 },
      },
    ]);
    await project();
    const before = await rows(customerId);
    expect(before[0]).toEqual([
      'ana@example.com',
      'Factura F2026-000001',
      'failed',
      1,
      '550 no such user',
      null,
    ]);
    await log.dataSource.query('DELETE FROM sends');
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'sends'");
    await log.rebuild(sendProjections());
    expect(await rows(customerId)).toEqual(before);
  });
});
