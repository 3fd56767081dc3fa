import { NO_PERSONAL_DATA, PersonalDataMap } from '../../shared/personal-data';
import { InvoiceSeriesEvent } from './invoice-series.events';

/** A series holds numbers and invoice ids only. */
export const INVOICE_SERIES_PERSONAL_FIELDS = {
  InvoiceNumbersAllocated: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<InvoiceSeriesEvent>;
