import { DocumentLanguage } from './document-language';

/** Every fixed text of the printed document, per language. */
export interface DocumentLabels {
  invoiceTitle: string;
  creditNoteTitle: string;
  /** Rule 29: an estimate, printed with the invoice's layout. */
  estimateTitle: string;
  validUntil: string;
  quantity: string;
  estimateTotal: string;
  notes: string;
  notAnInvoice: string;
  number: string;
  issueDate: string;
  dueDate: string;
  billingPeriod: string;
  customer: string;
  taxId: string;
  rectifies: (number: string, date: string) => string;
  byDifference: string;
  reason: string;
  description: string;
  period: string;
  base: string;
  vatRate: string;
  vat: string;
  total: string;
  vatBreakdown: string;
  taxBase: string;
  vatAmount: string;
  netTotal: string;
  vatTotal: string;
  grandTotal: string;
  paymentMethod: string;
  iban: string;
  paymentMethods: Record<string, string>;
  page: (page: number, pages: number) => string;
  /** Rule 22: the texts above and below the AEAT QR, the same in every language. */
  qrAbove: string;
  qrBelow: string;
}

const AEAT_QR_TEXTS = { qrAbove: 'QR tributario:', qrBelow: 'VERI*FACTU' } as const;

export const DOCUMENT_LABELS: Record<DocumentLanguage, DocumentLabels> = {
  es: {
    invoiceTitle: 'Factura',
    creditNoteTitle: 'Factura rectificativa',
    estimateTitle: 'Presupuesto',
    validUntil: 'Válido hasta',
    quantity: 'Cantidad × precio',
    estimateTotal: 'Total presupuesto',
    notes: 'Observaciones',
    notAnInvoice: 'Este presupuesto no es una factura.',
    number: 'Número',
    issueDate: 'Fecha de expedición',
    dueDate: 'Fecha de vencimiento',
    billingPeriod: 'Periodo de facturación',
    customer: 'Cliente',
    taxId: 'NIF',
    rectifies: (number, date) => `Rectifica la factura ${number} de ${date}`,
    byDifference: 'Rectificación por diferencias: los importes negativos minoran la factura.',
    reason: 'Motivo',
    description: 'Descripción',
    period: 'Periodo',
    base: 'Base',
    vatRate: 'IVA %',
    vat: 'IVA',
    total: 'Total',
    vatBreakdown: 'Desglose de IVA',
    taxBase: 'Base imponible',
    vatAmount: 'Cuota',
    netTotal: 'Base imponible',
    vatTotal: 'IVA',
    grandTotal: 'Total factura',
    paymentMethod: 'Forma de pago',
    iban: 'IBAN de cargo',
    paymentMethods: {
      direct_debit: 'Domiciliación bancaria',
      transfer: 'Transferencia',
      card: 'Tarjeta',
      cash: 'Efectivo',
    },
    page: (page, pages) => `Página ${page} de ${pages}`,
    ...AEAT_QR_TEXTS,
  },
  en: {
    invoiceTitle: 'Invoice',
    creditNoteTitle: 'Corrective invoice',
    estimateTitle: 'Estimate',
    validUntil: 'Valid until',
    quantity: 'Quantity × price',
    estimateTotal: 'Estimate total',
    notes: 'Notes',
    notAnInvoice: 'This estimate is not an invoice.',
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    billingPeriod: 'Billing period',
    customer: 'Customer',
    taxId: 'Tax ID',
    rectifies: (number, date) => `Corrects invoice ${number} of ${date}`,
    byDifference: 'Correction by difference: negative amounts reduce the invoice.',
    reason: 'Reason',
    description: 'Description',
    period: 'Period',
    base: 'Net',
    vatRate: 'VAT %',
    vat: 'VAT',
    total: 'Total',
    vatBreakdown: 'VAT breakdown',
    taxBase: 'Taxable base',
    vatAmount: 'VAT',
    netTotal: 'Taxable base',
    vatTotal: 'VAT',
    grandTotal: 'Invoice total',
    paymentMethod: 'Payment method',
    iban: 'IBAN charged',
    paymentMethods: {
      direct_debit: 'Direct debit',
      transfer: 'Bank transfer',
      card: 'Card',
      cash: 'Cash',
    },
    page: (page, pages) => `Page ${page} of ${pages}`,
    ...AEAT_QR_TEXTS,
  },
};
