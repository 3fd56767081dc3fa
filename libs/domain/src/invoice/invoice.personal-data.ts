import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { InvoiceEvent } from './invoice.events';

/** Why invoice data is kept in clear after a customer's erasure. */
export const INVOICE_RETENTION =
  'Invoices, credit notes and their collection are kept as issued for as long as tax law requires (rules R9, R15): the customer as invoiced and the IBAN charged.';

const CUSTOMER_AS_INVOICED = [
  'customer.legalName',
  'customer.taxId',
  'customer.address',
  'iban',
] as const;

/** Invoice events seal nothing: an issued invoice is immutable and kept (rule R9). */
export const INVOICE_PERSONAL_FIELDS = {
  InvoiceDrafted: { keptInClear: { paths: CUSTOMER_AS_INVOICED, because: INVOICE_RETENTION } },
  InvoiceIssued: { keptInClear: { paths: CUSTOMER_AS_INVOICED, because: INVOICE_RETENTION } },
  CreditNoteDrafted: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
  CreditNoteGranted: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
  PaymentRecorded: NO_PERSONAL_DATA,
  DirectDebitEffectCreated: { keptInClear: { paths: ['iban'], because: INVOICE_RETENTION } },
  EffectCollected: NO_PERSONAL_DATA,
  EffectReturned: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
  EffectRemitted: NO_PERSONAL_DATA,
  EffectReduced: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
  EffectCancelled: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
  CreditTransferredOut: NO_PERSONAL_DATA,
  CreditAppliedIn: NO_PERSONAL_DATA,
  InvoiceCancelled: { keptInClear: { paths: ['reason'], because: INVOICE_RETENTION } },
} satisfies PersonalDataMap<InvoiceEvent>;
