import { BillingLine, InvoiceIssuerSnapshot, totalsOf, withVat } from '@app/domain';
import type { CreditNoteView } from '@app/read-models';
import { InvoiceForDocument } from '../invoice-document.model';

/** A December line of `amountCents` net at `vatRatePercent`. */
export const decemberLine = (
  description: string,
  amountCents: number,
  vatRatePercent = 21,
): BillingLine =>
  withVat(
    {
      subscriptionId: 'sub-fibre',
      kind: 'tariff',
      description,
      period: { from: '2026-12-01', to: '2027-01-01' },
      days: 31,
      daysInPeriod: 31,
      amountCents,
    },
    vatRatePercent,
  );

export const issuer: InvoiceIssuerSnapshot = {
  issuerId: 'issuer-1',
  legalName: 'Telecomunicaciones Añón S.L.',
  nif: 'B12345674',
  address: {
    street: 'Calle Mayor 1',
    city: 'Logroño',
    neighbourhood: null,
    province: 'La Rioja',
    postalCode: '26001',
    country: 'ES',
  },
};

/** 1,234.56 net at 21 % and 3.33 at 10 %: 1,497.48 in all. */
export const invoiceLines: BillingLine[] = [
  decemberLine('Fibra 600 Mb — cuota de diciembre', 100000),
  decemberLine('Línea móvil adicional', 23456),
  decemberLine('Alquiler de router (tipo reducido)', 333, 10),
];

export const invoice: InvoiceForDocument = {
  id: 'invoice-1',
  customerId: 'customer-1',
  contractId: 'contract-1',
  series: 'FA',
  number: 1,
  formatted: 'FA-000001',
  billingPeriod: { from: '2026-12-01', to: '2027-01-01' },
  cyclePeriod: '2026-12',
  issueDate: '2026-12-01',
  dueDate: '2026-12-15',
  status: 'pending',
  customer: {
    legalName: 'José Peñalver Muñoz',
    taxId: '12345678Z',
    address: {
      street: 'Avenida de la Constitución 5, 3º B',
      city: 'Cádiz',
      neighbourhood: null,
      province: 'Cádiz',
      postalCode: '11001',
      country: 'ES',
    },
  },
  issuer: null,
  maskedIban: 'ES91 **** **** **** **** 1332',
  paymentMethod: 'direct_debit',
  totals: totalsOf(invoiceLines),
  creditedCents: 0,
  paidCents: 0,
  outstandingCents: totalsOf(invoiceLines).totalCents,
  availableCreditCents: 0,
  pendingEffectsCents: totalsOf(invoiceLines).totalCents,
  lastRevision: 2,
  issuedAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  lines: invoiceLines,
};

const creditLines: BillingLine[] = [
  { ...decemberLine('Abono: 10 días sin servicio de fibra', 32258), kind: 'correction' },
];

/** Granted on 3 January at 23:30 UTC: already 4 January in Madrid. */
export const creditNote: CreditNoteView = {
  id: 'credit-note-1',
  invoiceId: invoice.id,
  series: 'FA-R',
  number: 7,
  formatted: 'FA-R-000007',
  rectifies: invoice.formatted,
  reason: 'Avería de fibra: 10 días sin servicio',
  lines: creditLines,
  totals: totalsOf(creditLines),
  migrationId: null,
  grantedAt: '2027-01-03T23:30:00.000Z',
  issueDate: '2027-01-04',
};
