import { INVOICE_RETENTION } from '../invoice/invoice.personal-data';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { VerifactuChainEvent } from './verifactu.events';

/** The chain's records are the invoices' tax records: kept as generated (rules R9, 22). */
export const VERIFACTU_CHAIN_PERSONAL_FIELDS = {
  InvoiceRegistrationRecorded: {
    keptInClear: { paths: ['recipient'], because: INVOICE_RETENTION },
  },
  InvoiceCancellationRecorded: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<VerifactuChainEvent>;
