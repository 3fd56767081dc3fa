import { randomUUID } from 'node:crypto';
import { portalPasswordSecretKey, SendsScheduler, SQL_DATABASE } from '@app/application';
import { SqlDatabase } from '@app/database';
import { sendStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { LocalSmtpServer } from '../libs/application/src/sends/testing/local-smtp-server';
import { BillingFixtures, operator, recentMonths } from './support/billing-fixtures';
import { countEvents, startTestApp, TestApp } from './support/test-app';

const [CURRENT] = recentMonths(1);

interface SendItem {
  messageId: string;
  channel: string;
  recipient: string;
  template: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  source: string;
  sentAt: string | null;
}

describe('Sends (rule 25): the invoice, the payment receipt and the portal password reach the customer, as the settings and consents allow', () => {
  let smtp: LocalSmtpServer;
  let testApp: TestApp;
  let given: BillingFixtures;
  let store: EventStore;
  let database: SqlDatabase;
  let scheduler: SendsScheduler;
  const http = () => given.http();

  beforeAll(async () => {
    smtp = await LocalSmtpServer.start();
    testApp = await startTestApp({
      ISSUER_LEGAL_NAME: 'Fibra Norte SL',
      ISSUER_NIF: 'B76365782',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Fibra Norte <facturas@fibranorte.example>',
      SENDS_RETRY_INITIAL_MS: '1',
      SENDS_RETRY_MAX_MS: '5',
    });
    given = new BillingFixtures(testApp);
    store = testApp.app.get(EVENT_STORE);
    database = testApp.app.get(SQL_DATABASE);
    scheduler = testApp.app.get(SendsScheduler);
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  /** Waits until the read models show every event written so far. */
  const settle = async () => {
    const head = Number((await store.lastCommittedPosition()) ?? 0n);
    await http()
      .get('/api/customers')
      .set({ ...operator, 'X-Min-Position': String(head) })
      .expect(200);
  };
  /** Rounds until nothing is left to do: queue, project, deliver, project. */
  const deliverAll = async (rounds = 3) => {
    await settle();
    for (let round = 0; round < rounds; round += 1) {
      await scheduler.runRound();
      await settle();
    }
  };
  const sendsOf = async (customerId: string, query = ''): Promise<SendItem[]> =>
    (await http().get(`/api/customers/${customerId}/sends${query}`).set(operator).expect(200)).body
      .items;

  /** A customer billed in `series`, with the contact e-mail, settings and contacts given. */
  const customer = async (
    series: string,
    options: {
      email: string | null;
      settings: Record<string, unknown>;
      contacts?: { name: string; email: string; consents: Record<string, boolean> }[];
    },
  ) => {
    const { customerId } = await given.billedContract(series);
    if (options.email !== null)
      await given.track(
        await http()
          .patch(`/api/customers/${customerId}`)
          .set(operator)
          .send({ email: options.email })
          .expect(200),
      );
    await given.track(
      await http()
        .put(`/api/customers/${customerId}/billing-settings`)
        .set(operator)
        .send(options.settings)
        .expect(200),
    );
    for (const contact of options.contacts ?? [])
      await given.post(`/customers/${customerId}/contacts`, contact, 201);
    return customerId;
  };

  let consenting: string;
  let withoutSetting: string;
  let withoutAddress: string;
  let invoiceNumber: string;
  let invoiceId: string;

  it('e-mails the issued invoice, its PDF attached, to the customer, the e-mails to notify and the contacts who consented', async () => {
    consenting = await customer('SNDA', {
      email: 'ana@cliente.example',
      settings: {
        sendInvoiceEmail: true,
        sendPaymentEmail: true,
        notifyEmails: ['contabilidad@cliente.example'],
      },
      contacts: [
        { name: 'Marta', email: 'marta@cliente.example', consents: { email: true } },
        { name: 'Luis', email: 'luis@cliente.example', consents: { email: false, sms: true } },
      ],
    });
    withoutSetting = await customer('SNDB', {
      email: 'bea@cliente.example',
      settings: { sendInvoiceEmail: false },
      contacts: [{ name: 'Eva', email: 'eva@cliente.example', consents: { email: true } }],
    });
    withoutAddress = await customer('SNDC', {
      email: null,
      settings: { sendInvoiceEmail: true },
      contacts: [{ name: 'Pío', email: 'pio@cliente.example', consents: { email: false } }],
    });
    const run = await given.post(
      '/billing/runs',
      { period: CURRENT, customerIds: [consenting, withoutSetting, withoutAddress] },
      201,
    );
    expect(run.body.issued).toHaveLength(3);
    await deliverAll();

    const invoices = await http()
      .get(`/api/customers/${consenting}/invoices`)
      .set(given.readAfterWrites())
      .expect(200);
    invoiceNumber = invoices.body.items[0].formatted;
    invoiceId = invoices.body.items[0].id;
    const recipients = [
      'ana@cliente.example',
      'contabilidad@cliente.example',
      'marta@cliente.example',
    ];
    for (const address of recipients) {
      const received = smtp.to(address);
      expect(received).toHaveLength(1);
      expect(received[0].mail.subject).toBe(`Factura ${invoiceNumber}`);
      expect(received[0].mail.from?.text).toContain('facturas@fibranorte.example');
      const [pdf] = received[0].mail.attachments;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    }
    expect(smtp.received).toHaveLength(3);

    const sends = await sendsOf(consenting);
    expect(sends.map((send) => send.recipient).sort()).toEqual(recipients.sort());
    for (const send of sends)
      expect(send).toMatchObject({
        channel: 'email',
        template: 'invoice-issued',
        subject: `Factura ${invoiceNumber}`,
        status: 'sent',
        attempts: 1,
        lastError: null,
        source: 'InvoiceIssued',
      });
  });

  it('sends nothing without sendInvoiceEmail, nor without an address that consented', async () => {
    for (const address of ['bea@cliente.example', 'eva@cliente.example', 'pio@cliente.example'])
      expect(smtp.to(address)).toEqual([]);
    expect(await sendsOf(withoutSetting)).toEqual([]);
    expect(await sendsOf(withoutAddress)).toEqual([]);
  });

  it('queues each message once: the triggers read again from the start (a crash before their checkpoint) change nothing', async () => {
    const before = await countEvents(testApp);
    await database.query("DELETE FROM projection_checkpoints WHERE name = 'sends-triggers'");
    await deliverAll(2);
    expect(await countEvents(testApp)).toBe(before);
    expect(smtp.received).toHaveLength(3);
  });

  it('a payment receipt the server refuses at first is tried again, with backoff, and then sent', async () => {
    smtp.failNext(1);
    await given.post(
      `/invoices/${invoiceId}/payments`,
      { amountCents: 500, method: 'transfer' },
      201,
    );
    await deliverAll(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deliverAll(2);
    const receipts = (await sendsOf(consenting)).filter(
      (send) => send.template === 'payment-receipt',
    );
    expect(receipts).toHaveLength(3);
    expect(receipts.every((send) => send.status === 'sent')).toBe(true);
    expect(receipts.map((send) => send.attempts).sort()).toEqual([1, 1, 2]);
    const retried = receipts.find((send) => send.attempts === 2) as SendItem;
    expect(retried.lastError).toContain('451');
    const events = await store.readStream(sendStream(retried.messageId));
    expect(events.map((event) => event.type)).toEqual([
      'MessageQueued',
      'MessageDeliveryClaimed',
      'MessageDeliveryAttemptFailed',
      'MessageDeliveryClaimed',
      'MessageSent',
    ]);
    const failed = events[2].data as { failedAt: string; nextAttemptAt: string };
    expect(Date.parse(failed.nextAttemptAt) - Date.parse(failed.failedAt)).toBe(1);
    const mails = smtp.received.filter((received) =>
      received.mail.subject?.startsWith('Recibo de su pago'),
    );
    expect(mails).toHaveLength(3);
    expect(mails[0].mail.text).toContain('5.00 €');
  });

  it('filters by status and channel, and answers 404 for an unknown customer', async () => {
    expect(await sendsOf(consenting, '?status=failed')).toEqual([]);
    expect(await sendsOf(consenting, '?channel=sms')).toEqual([]);
    expect(await sendsOf(consenting, '?status=sent&channel=email')).toHaveLength(6);
    await http().get(`/api/customers/${randomUUID()}/sends`).set(operator).expect(404);
    await http().get(`/api/customers/${consenting}/sends?status=lost`).set(operator).expect(400);
  });

  it('carries the regenerated portal password (rule 26) to the customer only, who logs in with it: never in the log nor the tab, forgotten once sent', async () => {
    const regeneration = await http()
      .post(`/api/customers/${consenting}/portal-password`)
      .set(operator)
      .expect(200);
    given.track(regeneration);
    const secretKey = portalPasswordSecretKey(regeneration.body.regenerationId as string);
    expect((await (await scheduler.secrets()).heldKeys()).includes(secretKey)).toBe(true);
    await deliverAll(3);

    const [received] = smtp
      .to('ana@cliente.example')
      .filter((r) => r.mail.subject?.includes('portal'));
    const password = /\b([A-HJ-NP-Za-km-z2-9]{14})\b/.exec(received.mail.text ?? '')?.[1];
    expect(password).toBeDefined();
    const session = await http()
      .post('/api/portal/sessions')
      .send({ email: 'ana@cliente.example', password })
      .expect(201);
    expect(session.body.customerId).toBe(consenting);
    expect(smtp.to('marta@cliente.example').some((r) => r.mail.text?.includes(password!))).toBe(
      false,
    );
    const [send] = (await sendsOf(consenting)).filter(
      (item) => item.template === 'portal-password',
    );
    expect(send).toMatchObject({ status: 'sent', recipient: 'ana@cliente.example' });
    const { rows: inLog } = await database.query<{ count: string }>(
      'SELECT count(*) AS count FROM es_events WHERE data::text LIKE $1 OR metadata::text LIKE $1',
      [`%${password}%`],
    );
    expect(Number(inLog[0].count)).toBe(0);
    const { rows: held } = await database.query('SELECT * FROM send_secrets');
    expect(held).toEqual([]);
  });
});
