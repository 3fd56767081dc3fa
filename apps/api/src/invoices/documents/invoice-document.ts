import {
  documentLanguageOf,
  invoiceDocumentModelOf,
  issuerSnapshotOf,
  IssuerDirectory,
  renderInvoicePdf,
} from '@app/application';
import { findInvoice, invoiceIdOfCreditNote } from '@app/read-models';
import { DataSource } from 'typeorm';

/** A printed invoice or credit note and the file name it is offered under. */
export interface InvoiceDocument {
  pdf: Buffer;
  fileName: string;
  /** The customer it bills (the console checks it is the file's). */
  customerId: string;
}

/**
 * The invoice, or the credit note, with this id as a PDF with the AEAT QR (rules 15, 21, 22),
 * from the read model; `null` when there is none. The issuer is the one the invoice
 * snapshotted; invoices issued before issuer entities existed print their series' issuer today.
 * The API's `GET /invoices/:id/document.pdf` and the console's link both print through here.
 */
export async function invoiceDocument(
  readModels: DataSource,
  issuers: IssuerDirectory,
  qrEnvironment: Parameters<typeof invoiceDocumentModelOf>[1]['environment'],
  id: string,
  acceptLanguage: string | undefined,
): Promise<InvoiceDocument | null> {
  const invoiceId = (await invoiceIdOfCreditNote(readModels, id)) ?? id;
  const invoice = await findInvoice(readModels, invoiceId);
  if (!invoice) return null;
  const creditNote = invoice.creditNotes.find((note) => note.id === id);
  const issuer = invoice.issuer ?? issuerSnapshotOf(await issuers.issuerForSeries(invoice.series));
  const model = invoiceDocumentModelOf(
    { invoice, creditNote },
    { issuer, environment: qrEnvironment },
  );
  const pdf = await renderInvoicePdf(model, documentLanguageOf(acceptLanguage));
  const fileName = `${(creditNote?.formatted ?? invoice.formatted).replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
  return { pdf, fileName, customerId: invoice.customerId };
}
