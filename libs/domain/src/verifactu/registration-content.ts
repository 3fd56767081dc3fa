import { PlainDate } from '../billing/billing.calendar';
import { BillingLine, BillingTotals } from '../billing/billing.lines';
import { InvoiceCustomerSnapshot, InvoiceIssuerSnapshot } from '../invoice/invoice.terms';
import { ChainRecordContent } from './huella';
import { vatBreakdownOf } from './vat-breakdown';
import {
  AeatInvoiceId,
  CancellationRecord,
  RegistrationRecord,
  TipoFactura,
  VatBreakdownLine,
} from './verifactu.events';

/** What every registration record of a document needs besides its amounts. */
interface DocumentToRegister {
  recordId: string;
  issuer: InvoiceIssuerSnapshot;
  invoiceId: string;
  /** The formatted number its series gave it, and the date it bears. */
  numSerie: string;
  issueDate: PlainDate;
  customer: InvoiceCustomerSnapshot;
  lines: readonly BillingLine[];
  totals: BillingTotals;
  /** `FechaHoraHusoGenRegistro` (see `generatedAtOf`). */
  generatedAt: string;
}

/**
 * Rule 22: an invoice is a complete invoice (`F1`) when the customer has a tax id to name as
 * its recipient, else a simplified one (`F2`, RD 1619/2012 art. 4), which names none.
 */
export const tipoFacturaOf = (customer: InvoiceCustomerSnapshot): TipoFactura =>
  customer.taxId?.trim() ? 'F1' : 'F2';

/**
 * A credit note rectifies by difference (`I`): `R5` when the invoice it rectifies was
 * simplified (`F2`), else `R1` (art. 80 LIVA: an error, a discount or a price change after
 * the invoice, which is what an operator's correction or a migration credit is).
 */
export const rectifyingTipoOf = (rectified: TipoFactura): TipoFactura =>
  rectified === 'F2' ? 'R5' : 'R1';

/** A credit note's breakdown by difference: what it takes off, negative. */
const negated = (breakdown: VatBreakdownLine[]): VatBreakdownLine[] =>
  breakdown.map((line) => ({ ...line, baseCents: -line.baseCents, vatCents: -line.vatCents }));

function common(document: DocumentToRegister, tipoFactura: TipoFactura) {
  const { issuer, customer } = document;
  const taxId = customer.taxId?.trim();
  return {
    kind: 'registration' as const,
    recordId: document.recordId,
    issuerId: issuer.issuerId,
    issuerName: issuer.legalName,
    invoiceId: document.invoiceId,
    invoice: { issuerNif: issuer.nif, numSerie: document.numSerie, issueDate: document.issueDate },
    generatedAt: document.generatedAt,
    tipoFactura,
    recipient:
      tipoFactura === 'F2' || tipoFactura === 'R5' || !taxId
        ? null
        : { name: customer.legalName, nif: taxId },
  };
}

/** The `RegistroAlta` of an invoice issued: `F1` or `F2`, its amounts as invoiced. */
export function invoiceRegistrationContent(
  document: DocumentToRegister & { cyclePeriod: string },
): ChainRecordContent<RegistrationRecord> {
  return {
    ...common(document, tipoFacturaOf(document.customer)),
    documentId: document.invoiceId,
    rectified: null,
    description: `Servicios del periodo ${document.cyclePeriod}`,
    breakdown: vatBreakdownOf(document.lines),
    cuotaTotalCents: document.totals.vatCents,
    importeTotalCents: document.totals.totalCents,
  };
}

/**
 * The `RegistroAlta` of a credit note: rectifying (`R1`/`R5`) by difference, so its amounts
 * are what it takes off the invoice, negative.
 */
export function creditNoteRegistrationContent(
  document: DocumentToRegister & {
    creditNoteId: string;
    reason: string;
    rectified: AeatInvoiceId;
    rectifiedCustomer: InvoiceCustomerSnapshot;
  },
): ChainRecordContent<RegistrationRecord> {
  const tipo = rectifyingTipoOf(tipoFacturaOf(document.rectifiedCustomer));
  return {
    ...common(document, tipo),
    documentId: document.creditNoteId,
    rectified: document.rectified,
    description: `Rectifica ${document.rectified.numSerie}: ${document.reason}`.slice(0, 500),
    breakdown: negated(vatBreakdownOf(document.lines)),
    cuotaTotalCents: -document.totals.vatCents,
    importeTotalCents: -document.totals.totalCents,
  };
}

/** The `RegistroAnulacion` of an invoice annulled: it names the invoice as it was registered. */
export function cancellationRecordContent(document: {
  recordId: string;
  issuer: InvoiceIssuerSnapshot;
  invoiceId: string;
  numSerie: string;
  issueDate: PlainDate;
  generatedAt: string;
}): ChainRecordContent<CancellationRecord> {
  const { issuer } = document;
  return {
    kind: 'cancellation',
    recordId: document.recordId,
    issuerId: issuer.issuerId,
    issuerName: issuer.legalName,
    invoiceId: document.invoiceId,
    invoice: { issuerNif: issuer.nif, numSerie: document.numSerie, issueDate: document.issueDate },
    generatedAt: document.generatedAt,
  };
}
