import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  dunningStream,
  RegisteredCustomer,
  sendDecider,
  SendRetryPolicy,
  sendStream,
} from '@app/domain';
import { RecordedEvent, untilTheLogShowsWhatIsCommitted } from '@app/event-store';
import { CustomerLog, databaseName } from '@app/read-models/customers/testing/customer-log';
import { sendProjections } from '@app/read-models';
import { loadState } from '../commands/load-state';
import { messageIdOf } from './message-drafts';
import { SendDelivery } from './send-delivery';
import { SendSecrets } from './send-secrets';
import { SendTriggerReactor } from './send-trigger-reactor';
import { portalPasswordMessage } from './send-triggers';
import { LocalSmsGateway } from './testing/local-sms-gateway';
import { OutboxFileTransport } from './transports/outbox-file-transport';
import { SmsGatewayTransport } from './transports/sms-gateway-transport';

const RETRY: SendRetryPolicy = { initialDelayMs: 60_000, maxDelayMs: 600_000, maxAttempts: 3 };
const LEASE_MS = 120_000;

describe(`Delivering sends (rule 25) on ${databaseName}`, () => {
  let log: CustomerLog;
  let gateway: LocalSmsGateway;
  let outbox: string;
  let clock: number;
  const now = () => new Date(clock);
  const advance = (ms: number) => {
    clock += ms;
  };

  beforeEach(async () => {
    log = await CustomerLog.open('send_delivery', { sealPersonalData: true });
    gateway = await LocalSmsGateway.start();
    outbox = await mkdtemp(join(tmpdir(), 'sends-delivery-'));
    clock = Date.parse('2026-03-01T10:00:00.000Z');
  });
  afterEach(async () => {
    await gateway.close();
    await rm(outbox, { recursive: true, force: true });
    await log.close();
  });

  const delivery = async (invoicePdf = async () => null) =>
    new SendDelivery(
      log.store,
      log.dataSource,
      {
        email: new OutboxFileTransport(outbox, 'facturas@example.com'),
        sms: new SmsGatewayTransport(gateway.url),
      },
      { secrets: await SendSecrets.open(log.db.db), invoicePdf },
      { retry: RETRY, leaseMs: LEASE_MS, now },
    );
  /**
   * PostgreSQL hides events behind older open transactions (other specs' on a shared server):
   * waits until the log shows every committed event, as a later round of the reactor would.
   */
  const logShowsAll = async () =>
    expect(await untilTheLogShowsWhatIsCommitted(log.store, { timeoutMs: 20_000 })).toBe(true);
  /** One reactor round once the log shows all that was written. */
  const runOnce = async (reactor: SendTriggerReactor) => {
    await logShowsAll();
    return reactor.runOnce();
  };
  const project = async () => {
    await logShowsAll();
    log.lastPosition = (await log.store.headPosition()) ?? 0n;
    await log.project(sendProjections());
  };
  const states = async (messageIds: string[]) =>
    Promise.all(
      messageIds.map(
        async (id) => (await loadState(log.store, sendStream(id), sendDecider)).status,
      ),
    );

  /** A customer with an e-mail, and a contact who consented to SMS only, in debt. */
  async function customerInDebt() {
    const customerId = await log.register(1, { email: 'ana@example.com' });
    await log.run('AddContactPerson', {
      customerId,
      contactId: randomUUID(),
      name: 'Luis',
      email: 'luis@example.com',
      phone: '+34600111222',
      consents: { sms: true },
    });
    await log.store.append(dunningStream(customerId), [
      {
        type: 'DunningStepApplied',
        data: {
          customerId,
          step: 'reminder',
          asOf: '2026-03-01',
          daysOverdue: 10,
          overdueInvoiceIds: [randomUUID()],
          owedCents: 4235,
        },
      },
    ]);
    return customerId;
  }

  it('a dunning step goes by e-mail to the customer and by SMS to the contact who consented; a refused SMS is tried again after its backoff', async () => {
    await customerInDebt();
    const reactor = new SendTriggerReactor(log.store, log.db.db, undefined, { now });
    expect(await runOnce(reactor)).toBe(2);
    expect(await runOnce(reactor)).toBe(0);
    await project();
    gateway.failNext(1);
    const worker = await delivery();
    const first = await worker.deliverDue();
    expect([...first.values()].sort()).toEqual(['failed attempt', 'sent']);
    expect(await readdir(outbox)).toHaveLength(1);
    await project();

    advance(59_000);
    expect((await worker.deliverDue()).size).toBe(0);
    advance(1_000);
    const second = await worker.deliverDue();
    expect([...second.values()]).toEqual(['sent']);
    expect(gateway.received).toEqual([
      expect.objectContaining({ to: '+34600111222', text: expect.stringContaining('42.35 €') }),
    ]);
    expect(await states([...first.keys()])).toEqual(['sent', 'sent']);
  });

  it('a message another worker claimed waits for its lease, then is sent again as the next attempt (at least once)', async () => {
    const customerId = await customerInDebt();
    await runOnce(new SendTriggerReactor(log.store, log.db.db, undefined, { now }));
    await logShowsAll();
    const queued = await log.store.readAll({ eventTypes: ['MessageQueued'] });
    const sms = queued.find((event) => (event.data as { channel: string }).channel === 'sms')
      ?.data as { messageId: string };
    expect(sms?.messageId).toEqual(expect.any(String));
    // Another worker claimed the SMS, then died before recording anything.
    await log.store.append(sendStream(sms.messageId), [
      {
        type: 'MessageDeliveryClaimed',
        data: {
          messageId: sms.messageId,
          customerId,
          attempt: 1,
          claimedAt: now().toISOString(),
          leaseUntil: new Date(clock + LEASE_MS).toISOString(),
        },
      },
    ]);
    await project();
    const worker = await delivery();
    expect([...(await worker.deliverDue()).values()]).toEqual(['sent']);
    expect(await worker.deliver(sms.messageId)).toBe('not due');
    expect(gateway.received).toEqual([]);

    advance(LEASE_MS);
    expect(await worker.deliver(sms.messageId)).toBe('sent');
    expect(gateway.received).toHaveLength(1);
    const stream = await log.store.readStream(sendStream(sms.messageId));
    expect(
      stream.map((event) => [event.type, (event.data as { attempt?: number }).attempt]),
    ).toEqual([
      ['MessageQueued', undefined],
      ['MessageDeliveryClaimed', 1],
      ['MessageDeliveryClaimed', 2],
      ['MessageSent', 2],
    ]);
  });

  it('sends nothing for a triggering event older than the age limit (a log written before sends existed), and sends what is recent', async () => {
    const trigger = {
      CustomerRegistered: {
        customerIdOf: (event: RecordedEvent) => (event.data as { customerId: string }).customerId,
        messagesFor: (event: RecordedEvent, customer: RegisteredCustomer) =>
          portalPasswordMessage(customer, `welcome-${customer.customerId}`),
      },
    };
    // The clock reads 2026-03-01T10:00Z: one registered 8 days before, one an hour before.
    const old = await log.register(
      7,
      { email: 'antes@example.com' },
      { at: '2026-02-21T10:00:00.000Z' },
    );
    const recent = await log.register(
      8,
      { email: 'despues@example.com' },
      { at: '2026-03-01T09:00:00.000Z' },
    );
    const reactor = new SendTriggerReactor(log.store, log.db.db, trigger, {
      now,
      maxEventAgeMs: 7 * 24 * 3_600_000,
    });
    expect(await runOnce(reactor)).toBe(1);
    expect(reactor.staleEvents).toBe(1);
    expect(await states([messageIdOf(`portal-password:welcome-${old}`)])).toEqual(['none']);
    expect(await states([messageIdOf(`portal-password:welcome-${recent}`)])).toEqual(['queued']);
  });

  it("parks a triggering event whose customer's data breaks its reaction, queues everyone else's, and queues it once the fault is gone", async () => {
    const poisoned = await log.register(5, { email: 'rota@example.com' });
    const healthy = await log.register(6, { email: 'sana@example.com' });
    let broken = true;
    const reactor = new SendTriggerReactor(
      log.store,
      log.db.db,
      {
        CustomerRegistered: {
          customerIdOf: (event) => (event.data as { customerId: string }).customerId,
          messagesFor: (event, customer) => {
            if (broken && customer.customerId === poisoned)
              throw new Error('a template cannot render this customer');
            return portalPasswordMessage(customer, `welcome-${customer.customerId}`);
          },
        },
      },
      { now },
    );
    expect(await runOnce(reactor)).toBe(1);
    const parked = await log.dataSource.query(
      'SELECT stream_id, error_message, attempts FROM projection_parked_events WHERE projection = $1',
      ['sends-triggers'],
    );
    expect(parked).toEqual([
      expect.objectContaining({
        error_message: 'a template cannot render this customer',
        attempts: 1,
      }),
    ]);
    expect(await states([messageIdOf(`portal-password:welcome-${healthy}`)])).toEqual(['queued']);
    expect(await states([messageIdOf(`portal-password:welcome-${poisoned}`)])).toEqual(['none']);

    expect(await runOnce(reactor)).toBe(0);
    expect((await reactor.parkedPositions()).length).toBe(1);
    broken = false;
    expect(await runOnce(reactor)).toBe(1);
    expect(await reactor.parkedPositions()).toEqual([]);
    expect(await states([messageIdOf(`portal-password:welcome-${poisoned}`)])).toEqual(['queued']);
  });

  it('gives a portal password up at once when its secret is no longer held, and forgets a held one once sent', async () => {
    const customerId = await log.register(2, { email: 'eva@example.com' });
    const secrets = await SendSecrets.open(log.db.db);
    await secrets.hold('portal-password:regen-1', customerId, { password: 'S3creta!' });
    const reactor = new SendTriggerReactor(
      log.store,
      log.db.db,
      {
        CustomerRegistered: {
          customerIdOf: (event) => (event.data as { customerId: string }).customerId,
          messagesFor: (event, customer) => [
            ...portalPasswordMessage(customer, 'regen-1'),
            ...portalPasswordMessage(customer, 'regen-never-held'),
          ],
        },
      },
      { now },
    );
    expect(await runOnce(reactor)).toBe(2);
    await project();
    const outcomes = await (await delivery()).deliverDue();
    expect(outcomes.get(messageIdOf('portal-password:regen-1'))).toBe('sent');
    expect(outcomes.get(messageIdOf('portal-password:regen-never-held'))).toBe('given up');
    await expect(secrets.read('portal-password:regen-1')).rejects.toThrow(/no secret/);
    const raw = await log.dataSource.query(
      "SELECT count(*)::int AS n FROM es_events WHERE data::text LIKE '%S3creta!%'",
    );
    expect(raw[0].n).toBe(0);
  });

  it('forgets a secret left behind by a worker that died after recording its message sent', async () => {
    const customerId = await log.register(4, { email: 'olga@example.com' });
    const secrets = await SendSecrets.open(log.db.db);
    await secrets.hold('portal-password:regen-2', customerId, { password: 'Otra!' });
    await secrets.hold('portal-password:regen-3', customerId, { password: 'Aun-no!' });
    await runOnce(
      new SendTriggerReactor(
        log.store,
        log.db.db,
        {
          CustomerRegistered: {
            customerIdOf: (event) => (event.data as { customerId: string }).customerId,
            messagesFor: (event, customer) => portalPasswordMessage(customer, 'regen-2'),
          },
        },
        { now },
      ),
    );
    const messageId = messageIdOf('portal-password:regen-2');
    await log.store.append(sendStream(messageId), [
      {
        type: 'MessageSent',
        data: {
          messageId,
          customerId,
          attempt: 1,
          sentAt: now().toISOString(),
          providerMessageId: null,
        },
      },
    ]);
    const worker = await delivery();
    expect(await worker.releaseSecretsOfFinishedMessages()).toBe(1);
    expect(await secrets.heldKeys()).toEqual(['portal-password:regen-3']);
  });

  it('leaves an invoice e-mail unclaimed while its invoice is not in the read model', async () => {
    await log.register(3, { email: 'ivan@example.com' });
    const reactor = new SendTriggerReactor(
      log.store,
      log.db.db,
      {
        CustomerRegistered: {
          customerIdOf: (event) => (event.data as { customerId: string }).customerId,
          messagesFor: () => [
            {
              channel: 'email',
              recipient: 'ivan@example.com',
              template: 'invoice-issued',
              params: {
                invoiceId: randomUUID(),
                number: 'F-1',
                total: '1.00',
                dueDate: '2026-03-10',
              },
              idempotencyKey: 'invoice-issued:test',
            },
          ],
        },
      },
      { now },
    );
    await runOnce(reactor);
    await project();
    const outcomes = await (await delivery()).deliverDue();
    expect([...outcomes.values()]).toEqual(['not ready']);
    expect(await states([messageIdOf('invoice-issued:test')])).toEqual(['queued']);
    const stream = await log.store.readStream(sendStream(messageIdOf('invoice-issued:test')));
    expect(stream.map((event) => event.type)).toEqual(['MessageQueued']);
  });
});
