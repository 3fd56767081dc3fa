import {
  foldEvents,
  InvoiceEvent,
  invoiceDecider,
  invoiceStatus,
  invoiceStream,
  outstandingCents,
  paidCents,
  availableCreditCents,
  pendingEffectsCents,
  creditedCents,
} from '@app/domain';
import { allReadModelProjections } from '../contracts';
import { findCustomerFile, searchCustomers } from '../customers/customer-file.queries';
import { customerHistory } from '../customers/customer-history.queries';
import { exportCustomersCsv } from '../customers/customers-export.csv';
import { CustomerLog, databaseName, IBAN, IBAN_MASKED } from '../customers/testing/customer-log';
import { customerAccount, customerInvoices, findInvoice } from './invoice.queries';
import { invoiceProjections } from '.';
import {
  DUE_DATE,
  grantCreditNote,
  issueInvoice,
  MARCH_LINES,
  MARCH_TOTAL,
  recordPayment,
  runInvoice,
} from './testing/invoice-log';

const BEFORE_DUE = '2025-03-10';
const AFTER_DUE = '2025-03-16';

describe(`Invoice read models on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('invoice_read_models');
    customerId = await log.register(1);
  });
  afterEach(() => log.close());

  const project = () => log.project(allReadModelProjections());
  const invoiceOf = async (id: string, today = BEFORE_DUE) =>
    (await findInvoice(log.dataSource, id, today))!;
  const raw = async (table: string) =>
    JSON.stringify(await log.dataSource.query(`SELECT * FROM ${table}`));
  const effect = (invoiceId: string, type: string, effectId = 'eff-1', extra = {}) =>
    runInvoice(log, type as 'CollectEffect', { invoiceId, effectId, ...extra } as never);

  /** The domain's own figures for the invoice's events, read back from the log. */
  async function domainFigures(invoiceId: string, today: string) {
    const events = await log.store.readStream(invoiceStream(invoiceId));
    const state = foldEvents(invoiceDecider, events as unknown as InvoiceEvent[]);
    return {
      status: invoiceStatus(state, today),
      creditedCents: creditedCents(state),
      paidCents: paidCents(state),
      outstandingCents: outstandingCents(state),
      availableCreditCents: availableCreditCents(state),
      pendingEffectsCents: pendingEffectsCents(state),
    };
  }
  const viewFigures = async (invoiceId: string, today: string) => {
    const { status, creditedCents, paidCents, outstandingCents, availableCreditCents } =
      await invoiceOf(invoiceId, today);
    const { pendingEffectsCents } = await invoiceOf(invoiceId, today);
    return {
      status,
      creditedCents,
      paidCents,
      outstandingCents,
      availableCreditCents,
      pendingEffectsCents,
    };
  };
  async function expectDomainAgrees(invoiceId: string) {
    for (const today of [BEFORE_DUE, DUE_DATE, AFTER_DUE]) {
      expect(await viewFigures(invoiceId, today)).toEqual(await domainFigures(invoiceId, today));
      const { items } = await customerInvoices(log.dataSource, customerId, {
        status: (await domainFigures(invoiceId, today)).status,
        today,
      });
      expect(items.map((item) => item.id)).toContain(invoiceId);
    }
  }

  describe('when an invoice is issued', () => {
    it('shows its number, snapshot, lines and totals, with the IBAN only masked', async () => {
      const invoiceId = await issueInvoice(log, customerId, {}, { at: '2025-03-01T08:00:00.000Z' });
      await project();

      expect(await invoiceOf(invoiceId)).toMatchObject({
        id: invoiceId,
        customerId,
        series: 'F2025',
        formatted: expect.stringMatching(/^F2025-0+\d+$/),
        billingPeriod: { from: '2025-03-01', to: '2025-04-01' },
        cyclePeriod: '2025-03',
        issueDate: '2025-03-01',
        dueDate: DUE_DATE,
        status: 'pending',
        customer: { legalName: 'Ana García López', taxId: '12345678Z' },
        maskedIban: IBAN_MASKED,
        paymentMethod: 'direct_debit',
        lines: MARCH_LINES,
        totals: { netCents: 3500, vatCents: 735, totalCents: MARCH_TOTAL },
        creditedCents: 0,
        paidCents: 0,
        outstandingCents: MARCH_TOTAL,
        availableCreditCents: 0,
        creditNotes: [],
        payments: [],
        effects: [],
        lastRevision: 0,
        issuedAt: '2025-03-01T08:00:00.000Z',
      });
      expect((await invoiceOf(invoiceId, AFTER_DUE)).status).toBe('overdue');
      await expectDomainAgrees(invoiceId);
    });

    it('keeps the snapshot when the customer is renamed later (R15)', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await log.run('RenameCustomer', { customerId, givenName: 'Renamed' });
      await project();
      expect((await findCustomerFile(log.dataSource, customerId))!.givenName).toBe('Renamed');
      expect((await invoiceOf(invoiceId)).customer.legalName).toBe('Ana García López');
    });

    it('answers null for an unknown invoice', async () => {
      await project();
      expect(await findInvoice(log.dataSource, 'nope')).toBeNull();
    });
  });

  describe('credit notes and payments', () => {
    it('lists credit notes with their lines, and turns partial, paid, then in credit', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await grantCreditNote(log, invoiceId, 500, 7, { reason: 'Outage' });
      await recordPayment(log, invoiceId, 1000);
      await project();

      const partial = await invoiceOf(invoiceId);
      expect(partial).toMatchObject({
        status: 'partial',
        creditedCents: 605,
        paidCents: 1000,
        outstandingCents: MARCH_TOTAL - 605 - 1000,
        lastRevision: 2,
      });
      expect(partial.creditNotes).toEqual([
        expect.objectContaining({
          invoiceId,
          series: expect.any(String),
          number: 7,
          rectifies: partial.formatted,
          reason: 'Outage',
          totals: { netCents: 500, vatCents: 105, totalCents: 605 },
          migrationId: null,
          grantedAt: '2025-03-05T10:00:00.000Z',
        }),
      ]);
      expect(partial.creditNotes[0].lines).toHaveLength(1);
      expect(partial.payments).toEqual([
        expect.objectContaining({ amountCents: 1000, method: 'transfer' }),
      ]);
      expect((await invoiceOf(invoiceId, AFTER_DUE)).status).toBe('overdue');
      await expectDomainAgrees(invoiceId);

      await recordPayment(log, invoiceId, MARCH_TOTAL - 605 - 1000);
      await project();
      expect((await invoiceOf(invoiceId, AFTER_DUE)).status).toBe('paid');
      await expectDomainAgrees(invoiceId);

      // A credit after it was paid leaves money owed back to the customer.
      await grantCreditNote(log, invoiceId, 1000, 8);
      await project();
      expect(await invoiceOf(invoiceId)).toMatchObject({
        status: 'paid',
        outstandingCents: 0,
        availableCreditCents: 1210,
      });
      await expectDomainAgrees(invoiceId);
    });
  });

  describe('direct-debit effects', () => {
    it('follows an effect from pending to collected to returned, IBAN masked', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await effect(invoiceId, 'CreateDirectDebitEffect');
      await project();
      expect(await invoiceOf(invoiceId)).toMatchObject({
        status: 'pending',
        pendingEffectsCents: MARCH_TOTAL,
        effects: [
          {
            id: 'eff-1',
            invoiceId,
            amountCents: MARCH_TOTAL,
            dueDate: DUE_DATE,
            status: 'pending',
            maskedIban: IBAN_MASKED,
            collectedAt: null,
            returnedAt: null,
            returnReason: null,
          },
        ],
      });
      expect((await findCustomerFile(log.dataSource, customerId))!.counts).toMatchObject({
        invoices: 1,
        pendingEffects: 1,
      });
      await expectDomainAgrees(invoiceId);

      await effect(invoiceId, 'CollectEffect', 'eff-1', { collectedAt: '2025-03-15' });
      await project();
      expect(await invoiceOf(invoiceId)).toMatchObject({
        status: 'paid',
        paidCents: MARCH_TOTAL,
        pendingEffectsCents: 0,
        effects: [{ status: 'collected', collectedAt: '2025-03-15' }],
      });
      await expectDomainAgrees(invoiceId);

      await effect(invoiceId, 'ReturnEffect', 'eff-1', {
        reason: 'AM04 insufficient funds',
        returnedAt: '2025-03-20',
      });
      await project();
      expect(await invoiceOf(invoiceId, AFTER_DUE)).toMatchObject({
        status: 'overdue',
        paidCents: 0,
        outstandingCents: MARCH_TOTAL,
        effects: [
          { status: 'returned', returnedAt: '2025-03-20', returnReason: 'AM04 insufficient funds' },
        ],
      });
      await expectDomainAgrees(invoiceId);

      for (const table of [
        'invoices',
        'pending_effects',
        'invoice_transactions',
        'customer_history',
      ])
        expect(await raw(table)).not.toContain(IBAN);
    });

    it('returns a pending effect without it ever counting as paid', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await effect(invoiceId, 'CreateDirectDebitEffect');
      await effect(invoiceId, 'ReturnEffect', 'eff-1', { reason: 'MD06' });
      await project();
      expect(await invoiceOf(invoiceId)).toMatchObject({
        status: 'pending',
        paidCents: 0,
        pendingEffectsCents: 0,
      });
      expect((await customerAccount(log.dataSource, customerId, BEFORE_DUE)).balanceCents).toBe(
        MARCH_TOTAL,
      );
      await expectDomainAgrees(invoiceId);
    });
  });

  describe('customerInvoices', () => {
    it('lists newest first, filters by the status on `today`, and pages', async () => {
      const paid = await issueInvoice(log, customerId, {
        issueDate: '2025-02-01',
        dueDate: '2025-02-15',
      });
      await recordPayment(log, paid, MARCH_TOTAL);
      const partial = await issueInvoice(log, customerId, { issueDate: '2025-03-01' });
      await recordPayment(log, partial, 100);
      const pending = await issueInvoice(log, customerId, { issueDate: '2025-03-02' });
      const other = await log.register(2);
      await issueInvoice(log, other);
      await project();

      const all = await customerInvoices(log.dataSource, customerId, { today: BEFORE_DUE });
      expect(all.items.map((item) => [item.id, item.status])).toEqual([
        [pending, 'pending'],
        [partial, 'partial'],
        [paid, 'paid'],
      ]);
      expect(all.total).toBe(3);
      const byStatus = async (
        status: 'pending' | 'partial' | 'paid' | 'overdue' | 'draft',
        today: string,
      ) =>
        (await customerInvoices(log.dataSource, customerId, { status, today })).items.map(
          (i) => i.id,
        );
      expect(await byStatus('partial', BEFORE_DUE)).toEqual([partial]);
      expect(await byStatus('pending', BEFORE_DUE)).toEqual([pending]);
      expect(await byStatus('paid', AFTER_DUE)).toEqual([paid]);
      expect(await byStatus('overdue', AFTER_DUE)).toEqual([pending, partial]);
      expect(await byStatus('draft', AFTER_DUE)).toEqual([]);
      const page2 = await customerInvoices(log.dataSource, customerId, {
        page: 2,
        pageSize: 2,
        today: BEFORE_DUE,
      });
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.items.map((item) => item.id)).toEqual([paid]);
    });
  });

  describe('customerAccount', () => {
    it('adds up balance, debt, credit and pending effects, transactions newest first', async () => {
      const credited = await issueInvoice(log, customerId, { dueDate: '2025-03-31' });
      await recordPayment(log, credited, MARCH_TOTAL);
      await grantCreditNote(log, credited, 1000, 1); // 12.10 owed back
      const debited = await issueInvoice(log, customerId);
      await effect(debited, 'CreateDirectDebitEffect', 'eff-9', { amountCents: 2000 });
      const overdue = await issueInvoice(log, customerId);
      await recordPayment(log, overdue, 235);
      await project();

      const account = await customerAccount(log.dataSource, customerId, AFTER_DUE);
      expect(account).toMatchObject({
        customerId,
        unpaidInvoices: 2,
        unpaidBalanceCents: MARCH_TOTAL + MARCH_TOTAL - 235,
        overdueInvoices: 2,
        availableCreditCents: 1210,
        pendingEffectsCents: 2000,
        pendingEffects: [
          { id: 'eff-9', amountCents: 2000, status: 'pending', maskedIban: IBAN_MASKED },
        ],
      });
      expect(account.balanceCents).toBe(account.unpaidBalanceCents - account.availableCreditCents);
      expect(account.transactions.map((t) => [t.kind, t.amountCents])).toEqual([
        ['payment', -235],
        ['invoice', MARCH_TOTAL],
        ['effect-created', 0],
        ['invoice', MARCH_TOTAL],
        ['credit-note', -1210],
        ['payment', -MARCH_TOTAL],
        ['invoice', MARCH_TOTAL],
      ]);
      expect(account.transactions[0].balanceAfterCents).toBe(account.balanceCents);
      expect(account.transactions.at(-1)!.balanceAfterCents).toBe(MARCH_TOTAL);

      const file = (await findCustomerFile(log.dataSource, customerId))!;
      expect(file.account).toEqual({
        unpaidInvoices: 2,
        unpaidBalanceCents: account.unpaidBalanceCents,
        availableCreditCents: 1210,
      });
      expect(file.counts).toMatchObject({ invoices: 3, pendingEffects: 1 });
      const [listed] = (await searchCustomers(log.dataSource, { hasDebt: true })).items;
      expect(listed).toMatchObject({ id: customerId, unpaidInvoices: 2 });
      expect(await exportCustomersCsv(log.dataSource, { hasDebt: true })).toContain(
        `,2,${((MARCH_TOTAL * 2 - 235) / 100).toFixed(2)},`,
      );
    });

    it('answers an empty account for a customer without invoices', async () => {
      await project();
      expect(await customerAccount(log.dataSource, customerId, BEFORE_DUE)).toEqual({
        customerId,
        balanceCents: 0,
        unpaidInvoices: 0,
        unpaidBalanceCents: 0,
        overdueInvoices: 0,
        availableCreditCents: 0,
        pendingEffectsCents: 0,
        pendingEffects: [],
        transactions: [],
      });
    });
  });

  describe('history tab', () => {
    it('gets one line per invoice event, IBANs masked', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await grantCreditNote(log, invoiceId, 500, 1);
      await recordPayment(log, invoiceId, 1000);
      await effect(invoiceId, 'CreateDirectDebitEffect');
      await effect(invoiceId, 'CollectEffect');
      await effect(invoiceId, 'ReturnEffect', 'eff-1', { reason: 'AM04' });
      await project();
      const { items } = await customerHistory(log.dataSource, customerId, { pageSize: 100 });
      const invoiceLines = items.filter((item) => item.stream === invoiceStream(invoiceId));
      expect(invoiceLines.map((item) => item.eventType)).toEqual([
        'EffectReturned',
        'EffectCollected',
        'DirectDebitEffectCreated',
        'PaymentRecorded',
        'CreditNoteGranted',
        'InvoiceIssued',
      ]);
      expect(invoiceLines.at(-1)!.summary).toMatch(
        /^Invoice F2025-\d+ issued for 2025-03: 42.35 EUR$/,
      );
      expect(invoiceLines.at(-1)!.changes).toContainEqual({
        field: 'iban',
        before: null,
        after: IBAN_MASKED,
      });
      expect(invoiceLines[0].summary).toBe('Direct debit of 26.30 EUR returned: AM04');
    });
  });

  describe('idempotency', () => {
    it('changes nothing when every event is applied again', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await grantCreditNote(log, invoiceId, 500, 1);
      await recordPayment(log, invoiceId, 1000);
      await effect(invoiceId, 'CreateDirectDebitEffect');
      await effect(invoiceId, 'CollectEffect');
      await effect(invoiceId, 'ReturnEffect', 'eff-1', { reason: 'AM04' });
      await project();
      const tables = [
        'invoices',
        'invoice_credit_notes',
        'invoice_transactions',
        'pending_effects',
      ];
      const snapshot = async () => Promise.all(tables.map(raw));
      const before = await snapshot();

      const events = await log.store.readStream(invoiceStream(invoiceId));
      for (const projection of invoiceProjections())
        for (const event of [...events, ...events.slice(2)])
          await log.dataSource.transaction((manager) => projection.applyBatch([event], manager));
      expect(await snapshot()).toEqual(before);
    });

    it('writes only the new events of a batch that also holds events already applied', async () => {
      const invoiceId = await issueInvoice(log, customerId);
      await grantCreditNote(log, invoiceId, 500, 1);
      await project();
      await recordPayment(log, invoiceId, 1000);
      await effect(invoiceId, 'CreateDirectDebitEffect');
      await effect(invoiceId, 'CollectEffect');
      const tables = [
        'invoices',
        'invoice_credit_notes',
        'invoice_transactions',
        'pending_effects',
      ];
      const ordered = (table: string) =>
        log.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`) as Promise<unknown[]>;
      const events = await log.store.readStream(invoiceStream(invoiceId));
      for (const projection of invoiceProjections())
        await log.dataSource.transaction((manager) => projection.applyBatch(events, manager));
      const mixed = await Promise.all(tables.map(ordered));

      // The same read models applied from empty, every event once.
      await log.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
      await log.dataSource.query(
        "DELETE FROM projection_checkpoints WHERE name IN ('invoices', 'account-statement')",
      );
      await project();
      expect(mixed).toEqual(await Promise.all(tables.map(ordered)));
      expect((mixed[2] as unknown[]).length).toBe(events.length);
    });
  });
});
