import { OfInvoice } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';

/** The ids every invoice event carries. */
export const ofInvoice = ({ invoiceId, customerId, contractId }: IssuedInvoice): OfInvoice => ({
  invoiceId,
  customerId,
  contractId,
});
