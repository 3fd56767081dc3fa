import { openTestReadModels, testDatabaseName, TestReadModels } from '../testing/test-read-models';
import { InvoiceRow } from '../invoices/invoice.entity';
import { debtAgeing } from './collections.queries';

const AS_OF = '2026-06-30';
let invoiceNumber = 0;

/** An invoice of `customerId` due `daysAgo` days before AS_OF, owing `outstandingCents`. */
function invoice(customerId: string, daysAgo: number, outstandingCents: number): InvoiceRow {
  const due = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - daysAgo * 86_400_000)
    .toISOString()
    .slice(0, 10);
  invoiceNumber += 1;
  return Object.assign(new InvoiceRow(), {
    id: `00000000-0000-4000-8000-${String(invoiceNumber).padStart(12, '0')}`,
    customerId,
    contractId: 'contract',
    series: 'A',
    number: invoiceNumber,
    formatted: `A-${invoiceNumber}`,
    periodFrom: due,
    periodTo: due,
    cyclePeriod: due.slice(0, 7),
    issueDate: due,
    dueDate: due,
    customerSnapshot: {},
    issuer: null,
    maskedIban: null,
    paymentMethod: 'transfer',
    lines: [],
    netCents: outstandingCents,
    vatCents: 0,
    totalCents: outstandingCents,
    creditedCents: 0,
    paidCents: 0,
    outstandingCents,
    availableCreditCents: 0,
    pendingEffectsCents: 0,
    payments: [],
    cancelledAt: null,
    cancellationReason: null,
    lastRevision: 1,
    issuedAt: new Date(`${due}T09:00:00Z`),
    updatedAt: new Date(`${due}T09:00:00Z`),
  });
}

describe(`Debt ageing (rule 20), summed by the database, on ${testDatabaseName}`, () => {
  let readModels: TestReadModels;

  beforeAll(async () => {
    readModels = await openTestReadModels('debt_ageing');
    await readModels.dataSource.getRepository(InvoiceRow).save([
      // The buckets' edges: 30 days is 0–30, 31 is 31–60, 60/61, 90/91.
      invoice('cust-a', 30, 100),
      invoice('cust-a', 31, 200),
      invoice('cust-a', 60, 300),
      invoice('cust-a', 61, 400),
      invoice('cust-a', 90, 500),
      invoice('cust-a', 91, 600),
      invoice('cust-b', 1, 5_000),
      invoice('cust-c', 200, 2_100),
      invoice('cust-d', 10, 2_100),
      // Not overdue on AS_OF (due that very day), and paid: neither counts.
      invoice('cust-e', 0, 9_999),
      invoice('cust-f', 40, 0),
    ]);
  });
  afterAll(() => readModels.close());

  it('puts each overdue invoice in its bucket by days past due, most owed first', async () => {
    const ageing = await debtAgeing(readModels.dataSource, AS_OF);
    expect(ageing.customers.map((c) => c.customerId)).toEqual([
      'cust-b',
      'cust-a',
      'cust-c',
      'cust-d',
    ]);
    expect(ageing.customers[1]).toEqual({
      customerId: 'cust-a',
      buckets: { '0-30': 100, '31-60': 500, '61-90': 900, '90+': 600 },
      totalCents: 2_100,
    });
    expect(ageing.totals).toEqual({
      '0-30': 100 + 5_000 + 2_100,
      '31-60': 500,
      '61-90': 900,
      '90+': 600 + 2_100,
      totalCents: 11_300,
      customers: 4,
    });
  });

  it('keeps the top customers only when asked, the totals still counting every one', async () => {
    const top = await debtAgeing(readModels.dataSource, AS_OF, { top: 2 });
    expect(top.customers.map((c) => c.customerId)).toEqual(['cust-b', 'cust-a']);
    expect(top.totals.customers).toBe(4);
    expect(top.totals.totalCents).toBe(11_300);
  });

  it('answers zeros on a day before any invoice fell due', async () => {
    const early = await debtAgeing(readModels.dataSource, '2020-01-01');
    expect(early.customers).toEqual([]);
    expect(early.totals).toEqual({
      '0-30': 0,
      '31-60': 0,
      '61-90': 0,
      '90+': 0,
      totalCents: 0,
      customers: 0,
    });
  });
});
