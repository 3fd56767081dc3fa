import { BillingLine, totalsOf, withVat } from '../../billing/billing.lines';
import { CommandMeta } from '../../shared/decider';
import { InvoiceCommand, InvoiceCommandType, IssueInvoice } from '../invoice.commands';
import { InvoiceEvent, InvoiceIssued, OfInvoice } from '../invoice.events';

export const INVOICE_ID = 'invoice-under-test';
export const INVOICE_CUSTOMER_ID = 'customer-of-invoice';
export const INVOICE_CONTRACT_ID = 'contract-of-invoice';
export const SERIES = 'F2025';
export const INVOICE_NUMBER = 42;
export const FORMATTED = 'F2025-000042';
export const ISSUE_DATE = '2025-03-01';
export const DUE_DATE = '2025-03-15';
export const INVOICE_NOW = '2025-03-05T10:30:00.000Z';
export const invoiceMeta: CommandMeta = { at: INVOICE_NOW };

/** The contract signature's IBAN (valid, mod-97), the customer file's is another (R4). */
export const CHARGED_IBAN = 'ES9121000418450200051332';

export const invoiceIds: OfInvoice = {
  invoiceId: INVOICE_ID,
  customerId: INVOICE_CUSTOMER_ID,
  contractId: INVOICE_CONTRACT_ID,
};

/** A line of the March cycle, `amountCents` net, with its own 21 % VAT (R11). */
export const line = (
  amountCents: number,
  overrides: Partial<Omit<BillingLine, 'vatCents' | 'totalCents'>> = {},
): BillingLine => {
  const { vatRatePercent = 21, ...rest } = overrides;
  return withVat(
    {
      subscriptionId: 'sub-fibre',
      kind: 'tariff',
      description: 'Fibra 300 Mb',
      period: { from: '2025-03-01', to: '2025-04-01' },
      days: 31,
      daysInPeriod: 31,
      amountCents,
      ...rest,
    },
    vatRatePercent,
  );
};

/** Fibre at 30.00 and a router at 5.00, 21 % VAT: 36.30 + 6.05 = 42.35 EUR. */
export const INVOICE_LINES: BillingLine[] = [
  line(3000, { unitPriceCents: 3000 }),
  line(500, { kind: 'extra-charge', description: 'Router rental' }),
];
export const INVOICE_TOTAL = 4235;

/** What the customer file said when the invoice was issued (R15). */
export const SNAPSHOT = {
  legalName: 'Ana García López',
  taxId: '12345678Z',
  address: {
    street: 'Calle Mayor 1',
    city: 'Madrid',
    neighbourhood: null,
    province: 'Madrid',
    postalCode: '28013',
    country: 'ES',
  },
};

type DataOf<T extends InvoiceCommandType> = Extract<InvoiceCommand, { type: T }>['data'];

/** A command for the invoice under test, stamped with `INVOICE_NOW`. */
export function invoiceCommand<T extends InvoiceCommandType>(
  type: T,
  data: Omit<DataOf<T>, 'invoiceId'> & { invoiceId?: string },
): Extract<InvoiceCommand, { type: T }> {
  return {
    type,
    data: { invoiceId: INVOICE_ID, ...data },
    metadata: invoiceMeta,
  } as unknown as Extract<InvoiceCommand, { type: T }>;
}

/** Invoice F2025-000042 of March, by direct debit, for `INVOICE_LINES`. */
export const issueCommand = (overrides: Partial<IssueInvoice['data']> = {}): IssueInvoice =>
  invoiceCommand('IssueInvoice', {
    series: SERIES,
    number: INVOICE_NUMBER,
    customerId: INVOICE_CUSTOMER_ID,
    contractId: INVOICE_CONTRACT_ID,
    billingPeriod: { from: '2025-03-01', to: '2025-04-01' },
    cyclePeriod: '2025-03',
    customer: SNAPSHOT,
    iban: CHARGED_IBAN,
    paymentMethod: 'direct_debit',
    lines: INVOICE_LINES,
    totals: totalsOf(INVOICE_LINES),
    issueDate: ISSUE_DATE,
    dueDate: DUE_DATE,
    ...overrides,
  });

/** The invoice `issueCommand` issues. */
export const invoiceIssued = (overrides: Partial<InvoiceIssued['data']> = {}): InvoiceIssued => ({
  type: 'InvoiceIssued',
  data: {
    ...invoiceIds,
    series: SERIES,
    number: INVOICE_NUMBER,
    formatted: FORMATTED,
    billingPeriod: { from: '2025-03-01', to: '2025-04-01' },
    cyclePeriod: '2025-03',
    customer: SNAPSHOT,
    iban: CHARGED_IBAN,
    paymentMethod: 'direct_debit',
    lines: INVOICE_LINES,
    totals: totalsOf(INVOICE_LINES),
    issueDate: ISSUE_DATE,
    dueDate: DUE_DATE,
    ...overrides,
  },
});

type EventData<T extends InvoiceEvent['type']> = Omit<
  Extract<InvoiceEvent, { type: T }>['data'],
  keyof OfInvoice
>;

/** An event of the invoice under test. */
export const invoiceEvent = <T extends InvoiceEvent['type']>(
  type: T,
  data: EventData<T>,
): Extract<InvoiceEvent, { type: T }> =>
  ({ type, data: { ...invoiceIds, ...data } }) as unknown as Extract<InvoiceEvent, { type: T }>;

/** A credit of `amountCents` net (21 % VAT on top), rectifying number `number`. */
export const creditNoteGranted = (
  amountCents: number,
  overrides: Partial<EventData<'CreditNoteGranted'>> = {},
) => {
  const lines = [line(amountCents, { description: 'Correction' })];
  return invoiceEvent('CreditNoteGranted', {
    creditNoteId: 'cn-1',
    series: 'RF2025',
    number: 1,
    formatted: 'RF2025-000001',
    rectifies: FORMATTED,
    reason: 'Service outage',
    lines,
    totals: totalsOf(lines),
    grantedAt: INVOICE_NOW,
    migrationId: null,
    ...overrides,
  });
};

export const paymentRecorded = (amountCents: number, paymentId = 'pay-1') =>
  invoiceEvent('PaymentRecorded', {
    paymentId,
    amountCents,
    method: 'transfer',
    paidAt: '2025-03-10T09:00:00.000Z',
  });

export const effectCreated = (amountCents = INVOICE_TOTAL, effectId = 'eff-1') =>
  invoiceEvent('DirectDebitEffectCreated', {
    effectId,
    amountCents,
    iban: CHARGED_IBAN,
    dueDate: DUE_DATE,
    createdAt: '2025-03-02T09:00:00.000Z',
  });

export const effectCollected = (amountCents = INVOICE_TOTAL, effectId = 'eff-1') =>
  invoiceEvent('EffectCollected', {
    effectId,
    amountCents,
    collectedAt: '2025-03-15T09:00:00.000Z',
  });

export const effectReturned = (
  amountCents = INVOICE_TOTAL,
  effectId = 'eff-1',
  wasCollected = true,
) =>
  invoiceEvent('EffectReturned', {
    effectId,
    amountCents,
    reason: 'AM04 insufficient funds',
    returnedAt: '2025-03-20T09:00:00.000Z',
    wasCollected,
  });
