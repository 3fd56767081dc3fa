import {
  AeatEnvironment,
  aeatQrUrl,
  BillingLine,
  BillingTotals,
  Cents,
  InvoiceCustomerSnapshot,
  InvoiceIssuerSnapshot,
  PlainDate,
  PlainDateRange,
  VatBreakdownLine,
  vatBreakdownOf,
} from '@app/domain';
import type { CreditNoteView, InvoiceDetailView, InvoiceView } from '@app/read-models';

/**
 * One printed line: what it is, the days it covers (half-open; an invoice's lines) or how many
 * at what unit price (an estimate's), net, VAT rate, VAT, total.
 */
export interface InvoiceDocumentLine {
  description: string;
  period?: PlainDateRange;
  quantity?: number;
  unitPriceCents?: Cents;
  amountCents: Cents;
  vatRatePercent: number;
  vatCents: Cents;
  totalCents: Cents;
}

/** The invoice a credit note rectifies, as the credit note must name it (rules 9, 22). */
export interface RectifiedInvoice {
  number: string;
  issueDate: PlainDate;
  reason: string;
}

interface DocumentCommon {
  issuer: InvoiceIssuerSnapshot;
  /** The customer as it was when the invoice was issued (rule 15), never as it is now. */
  customer: InvoiceCustomerSnapshot;
  /** The formatted series-number, e.g. `FA-000123` (`NumSerieFactura`). */
  number: string;
  issueDate: PlainDate;
  /** When the document was issued: the PDF's creation date, so a render is reproducible. */
  issuedAt: string;
  lines: InvoiceDocumentLine[];
  /** Per VAT rate, sums of the lines (never re-rounded), ascending by rate. */
  vatBreakdown: VatBreakdownLine[];
  totals: BillingTotals;
}

/** What an invoice and a credit note print besides: the period billed, payment, the AEAT QR. */
interface InvoiceCommon extends DocumentCommon {
  /** Half-open `[from, to)`, as billing keeps it; printed with its last day. */
  billingPeriod: PlainDateRange;
  /** `direct_debit`, `transfer`, `card`, `cash`. */
  paymentMethod: string;
  /** The IBAN charged (the contract signature's, rule 4), masked; `null` if none. */
  maskedIban: string | null;
  /** The AEAT QR's URL (rule 22). */
  qrUrl: string;
}

/**
 * What a printed invoice or credit note shows, nothing left to compute: the renderer only lays
 * it out. A credit note's amounts are already negative (see `creditNoteDocumentOf`).
 */
export type InvoiceOrCreditNoteModel =
  | (InvoiceCommon & { kind: 'invoice'; dueDate: PlainDate })
  | (InvoiceCommon & { kind: 'credit-note'; rectified: RectifiedInvoice });

/**
 * An estimate (rule 29) printed with the invoice's layout: its lines and totals priced alike,
 * valid until a day; no AEAT QR and no payment, for it is not an invoice. `issueDate` is the
 * day it was made, `number` its id.
 */
export type EstimateDocumentModel = DocumentCommon & {
  kind: 'estimate';
  validUntil: PlainDate;
  notes: string | null;
};

/** Every document the renderer lays out. */
export type InvoiceDocumentModel = InvoiceOrCreditNoteModel | EstimateDocumentModel;

export type InvoiceDocumentKind = InvoiceDocumentModel['kind'];

/** The invoice as `GET /invoices/:id` answers it; only what the document prints is needed. */
export type InvoiceForDocument = InvoiceView & Pick<InvoiceDetailView, 'lines'>;

export interface InvoiceDocumentOptions {
  /** The issuer as the invoice snapshots it (rule 21): the integrator supplies it. */
  issuer: InvoiceIssuerSnapshot;
  /** Which AEAT host the QR points to. */
  environment: AeatEnvironment;
}

/**
 * The document of `invoice`, or of `creditNote` when one is given (it must be one of the
 * invoice's: `GET /invoices/:id` lists them as `creditNotes`).
 */
export function invoiceDocumentModelOf(
  document: { invoice: InvoiceForDocument; creditNote?: CreditNoteView },
  options: InvoiceDocumentOptions,
): InvoiceOrCreditNoteModel {
  const { invoice, creditNote } = document;
  return creditNote === undefined
    ? invoiceDocumentOf(invoice, options)
    : creditNoteDocumentOf(invoice, creditNote, options);
}

function invoiceDocumentOf(
  invoice: InvoiceForDocument,
  options: InvoiceDocumentOptions,
): InvoiceOrCreditNoteModel {
  const lines = invoice.lines.map(printedLine);
  return {
    kind: 'invoice',
    ...common(invoice, options),
    number: invoice.formatted,
    issueDate: invoice.issueDate,
    issuedAt: invoice.issuedAt,
    dueDate: invoice.dueDate,
    lines,
    vatBreakdown: vatBreakdownOf(lines),
    totals: { ...invoice.totals },
    qrUrl: aeatQrUrl(
      {
        issuerNif: options.issuer.nif,
        numSerie: invoice.formatted,
        issueDate: invoice.issueDate,
        importeTotalCents: invoice.totals.totalCents,
      },
      options,
    ),
  };
}

/**
 * A credit note is printed as a rectifying invoice by difference ("factura rectificativa por
 * diferencias", `TipoRectificativa` `I`): its lines and totals are what the rectified invoice
 * changes by, so they are NEGATIVE on paper, and so is the QR's `importe`. The credit note
 * events keep them positive (an amount given back); the sign is turned here, once. Why
 * negative: the AEAT registration record of a rectifying invoice by difference carries the
 * negative difference as `ImporteTotal` (our `RegistrationRecord` says so), and the QR must
 * identify the same amount the record registered, or the AEAT's check of the QR fails; the
 * printed totals follow the QR so the paper and the check agree.
 */
function creditNoteDocumentOf(
  invoice: InvoiceForDocument,
  creditNote: CreditNoteView,
  options: InvoiceDocumentOptions,
): InvoiceOrCreditNoteModel {
  if (creditNote.invoiceId !== invoice.id)
    throw new RangeError(
      `Credit note ${creditNote.formatted} rectifies invoice ${creditNote.invoiceId}, not ${invoice.id}`,
    );
  // The date its series gave it (dates follow numbers), which its VERI*FACTU record bears too.
  const issueDate = creditNote.issueDate;
  const lines = creditNote.lines.map(printedLine).map(negatedLine);
  const totals = negatedTotals(creditNote.totals);
  return {
    kind: 'credit-note',
    ...common(invoice, options),
    number: creditNote.formatted,
    issueDate,
    issuedAt: creditNote.grantedAt,
    rectified: {
      number: invoice.formatted,
      issueDate: invoice.issueDate,
      reason: creditNote.reason,
    },
    lines,
    vatBreakdown: vatBreakdownOf(lines),
    totals,
    qrUrl: aeatQrUrl(
      {
        issuerNif: options.issuer.nif,
        numSerie: creditNote.formatted,
        issueDate,
        importeTotalCents: totals.totalCents,
      },
      options,
    ),
  };
}

/** What an invoice and its credit notes share: parties, period, payment. */
function common(invoice: InvoiceForDocument, options: InvoiceDocumentOptions) {
  return {
    issuer: options.issuer,
    customer: invoice.customer,
    billingPeriod: { ...invoice.billingPeriod },
    paymentMethod: invoice.paymentMethod,
    maskedIban: invoice.maskedIban,
  };
}

const printedLine = (line: BillingLine): InvoiceDocumentLine => ({
  description: line.description,
  period: { ...line.period },
  amountCents: line.amountCents,
  vatRatePercent: line.vatRatePercent,
  vatCents: line.vatCents,
  totalCents: line.totalCents,
});

/** `0 - x`, not `-x`: a zero stays `0`, never `-0` (which would print as "-0,00"). */
const negated = (cents: Cents): Cents => 0 - cents;

const negatedLine = (line: InvoiceDocumentLine): InvoiceDocumentLine => ({
  ...line,
  amountCents: negated(line.amountCents),
  vatCents: negated(line.vatCents),
  totalCents: negated(line.totalCents),
});

const negatedTotals = (totals: BillingTotals): BillingTotals => ({
  netCents: negated(totals.netCents),
  vatCents: negated(totals.vatCents),
  totalCents: negated(totals.totalCents),
});
