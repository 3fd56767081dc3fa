import { allReadModelProjections } from '../contracts';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { paymentDescription, paymentMethodOfDescription } from './account-statement.projection';
import { customerPayments, monthInstants, totalsByMethod } from './customer-payments.queries';
import { customerInvoiceSummary } from './invoice-summary.queries';
import { issueInvoice, MARCH_TOTAL, recordPayment, runInvoice } from './testing/invoice-log';

describe('Payments tab helpers', () => {
  it("bounds a month at Madrid's midnights, winter and summer time alike", () => {
    expect(monthInstants('2025-03')).toEqual({
      from: '2025-02-28T23:00:00.000Z',
      to: '2025-03-31T22:00:00.000Z',
    });
    expect(monthInstants('2025-12')).toEqual({
      from: '2025-11-30T23:00:00.000Z',
      to: '2025-12-31T23:00:00.000Z',
    });
  });

  it("reads back the method a payment line's description names, and nothing else", () => {
    expect(paymentMethodOfDescription(paymentDescription('card'))).toBe('card');
    expect(paymentMethodOfDescription('Payment (bitcoin)')).toBeNull();
    expect(paymentMethodOfDescription('Direct debit collected')).toBeNull();
  });

  it('sums by method, the largest amount first', () => {
    const payment = (method: 'cash' | 'card', amountCents: number) =>
      ({ method, amountCents }) as Parameters<typeof totalsByMethod>[0][number];
    expect(
      totalsByMethod([payment('cash', 100), payment('card', 500), payment('cash', 150)]),
    ).toEqual([
      { method: 'card', count: 1, amountCents: 500 },
      { method: 'cash', count: 2, amountCents: 250 },
    ]);
  });
});

describe(`Invoice summary and payments read on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('invoice_summary_payments');
    customerId = await log.register(1);
  });
  afterEach(() => log.close());

  const project = () => log.project(allReadModelProjections());
  const effect = (invoiceId: string, type: string, extra = {}) =>
    runInvoice(log, type as 'CollectEffect', { invoiceId, effectId: 'eff-1', ...extra } as never);

  it('lists payments and collected direct debits (returns marked), and the blocks per status', async () => {
    const debited = await issueInvoice(log, customerId);
    const paidByTransfer = await issueInvoice(log, customerId, { issueDate: '2024-12-01' });
    await effect(debited, 'CreateDirectDebitEffect');
    await effect(debited, 'CollectEffect', { collectedAt: '2025-03-15T08:00:00.000Z' });
    await effect(debited, 'ReturnEffect', { reason: 'AM04', returnedAt: '2025-03-20' });
    await recordPayment(log, paidByTransfer, MARCH_TOTAL, '2025-02-28T23:30:00.000Z');
    await project();

    const payments = await customerPayments(log.dataSource, customerId, {}, '2025-03-25');
    expect(payments.items).toEqual([
      expect.objectContaining({
        id: 'eff-1',
        kind: 'direct-debit',
        method: 'direct_debit',
        amountCents: MARCH_TOTAL,
        date: '2025-03-15',
        invoice: { id: debited, number: expect.stringMatching(/^F2025/) },
        returnedAt: '2025-03-20',
      }),
      // 23:30 UTC on 28 February is already 1 March in Madrid.
      expect.objectContaining({
        kind: 'payment',
        method: 'transfer',
        date: '2025-03-01',
        invoice: expect.objectContaining({ id: paidByTransfer }),
        returnedAt: null,
      }),
    ]);
    expect(payments.thisMonth).toEqual({
      month: '2025-03',
      byMethod: [
        { method: 'direct_debit', count: 1, amountCents: MARCH_TOTAL },
        { method: 'transfer', count: 1, amountCents: MARCH_TOTAL },
      ],
    });
    expect(
      (await customerPayments(log.dataSource, customerId, {}, '2025-04-02')).thisMonth.byMethod,
    ).toEqual([]);

    const summary = await customerInvoiceSummary(log.dataSource, customerId, '2025-03-25');
    const none = { count: 0, amountCents: 0 };
    expect(summary.thisYear).toEqual({
      year: 2025,
      pending: { count: 1, amountCents: MARCH_TOTAL },
      overdue: { count: 1, amountCents: MARCH_TOTAL },
      paid: none,
      partial: none,
      total: { count: 1, amountCents: MARCH_TOTAL },
    });
    expect(summary.allTime).toMatchObject({
      paid: { count: 1, amountCents: MARCH_TOTAL },
      total: { count: 2, amountCents: 2 * MARCH_TOTAL },
    });
  });
});
