import { Inject, Injectable } from '@nestjs/common';
import {
  customerDecider,
  CustomerState,
  customerStream,
  displayName,
  EMPTY_ADDRESS,
  InvoiceCustomerSnapshot,
  InvoiceIssuerSnapshot,
  vatBreakdownOf,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { EstimateView } from '@app/read-models';
import { loadState } from '../commands/load-state';
import { DocumentLanguage } from '../invoices/document/document-language';
import { EstimateDocumentModel } from '../invoices/document/invoice-document.model';
import { renderInvoicePdf } from '../invoices/document/render-invoice-pdf';
import { IssuerDirectory } from '../issuers/issuer-directory';
import { issuerSnapshotOf } from '../issuers/issuer-details';

/** The number an estimate prints: `P-` and the first eight characters of its id. */
export const estimateNumberOf = (estimateId: string): string =>
  `P-${estimateId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/** The estimate as the renderer prints it (rule 29): the invoice's layout, no QR. Pure. */
export function estimateDocumentModelOf(
  estimate: EstimateView,
  parties: { issuer: InvoiceIssuerSnapshot; customer: InvoiceCustomerSnapshot },
): EstimateDocumentModel {
  const lines = estimate.lines.map((line) => ({
    description: line.description,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    amountCents: line.amountCents,
    vatRatePercent: line.vatRatePercent,
    vatCents: line.vatCents,
    totalCents: line.totalCents,
  }));
  return {
    kind: 'estimate',
    ...parties,
    number: estimateNumberOf(estimate.id),
    issueDate: estimate.createdAt.slice(0, 10),
    issuedAt: estimate.createdAt,
    validUntil: estimate.validUntil,
    notes: estimate.notes,
    lines,
    vatBreakdown: vatBreakdownOf(lines),
    totals: {
      netCents: estimate.netCents,
      vatCents: estimate.vatCents,
      totalCents: estimate.totalCents,
    },
  };
}

/** The customer as an estimate addresses it, as its stream says now (an estimate is no invoice). */
function customerParty(customer: CustomerState): InvoiceCustomerSnapshot {
  if (customer.status !== 'active' && customer.status !== 'inactive')
    return { legalName: '', taxId: null, address: EMPTY_ADDRESS };
  const { profile, billing } = customer;
  return {
    legalName: displayName(profile),
    taxId: billing.taxId ?? profile.document?.number ?? null,
    address: { ...profile.address },
  };
}

/**
 * `GET /estimates/:id/document.pdf`: the estimate printed by the invoices' renderer, issued by
 * the customer's issuer (its billing settings', else its series', else the only or default one).
 */
@Injectable()
export class EstimateDocuments {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly issuers: IssuerDirectory,
  ) {}

  async pdf(estimate: EstimateView, language: DocumentLanguage): Promise<Buffer> {
    const customer = await loadState(
      this.store,
      customerStream(estimate.customerId),
      customerDecider,
    );
    const issuer = issuerSnapshotOf(await this.issuerOf(customer));
    const model = estimateDocumentModelOf(estimate, { issuer, customer: customerParty(customer) });
    return renderInvoicePdf(model, language);
  }

  private async issuerOf(customer: CustomerState) {
    const billing =
      customer.status === 'active' || customer.status === 'inactive' ? customer.billing : null;
    if (billing?.issuerId) {
      const issuer = await this.issuers.issuerById(billing.issuerId);
      if (issuer) return issuer;
    }
    if (billing?.invoiceSeries)
      try {
        return await this.issuers.issuerForSeries(billing.invoiceSeries);
      } catch {
        // A series no issuer owns among several: an estimate still prints, under the first.
      }
    return (await this.issuers.issuers())[0];
  }
}
