import { InvoiceNumber, formatInvoiceNumber } from '../../billing/billing.invoice-numbering';

export type UnusedInvoiceSeries = { status: 'unused' };

/**
 * A series that has handed out numbers 1 to `lastNumber`. `invoiceIds[n - 1]` holds number
 * `n`: numbers are consecutive from 1 (rule R8), so the position is the number and the list
 * is the whole record of who got which.
 */
export type InvoiceSeriesInUse = {
  status: 'in-use';
  series: string;
  lastNumber: number;
  invoiceIds: readonly string[];
};

export type InvoiceSeriesState = UnusedInvoiceSeries | InvoiceSeriesInUse;

export const initialInvoiceSeriesState: InvoiceSeriesState = { status: 'unused' };

/** The last number handed out, 0 before the first. */
export const lastNumberOf = (state: InvoiceSeriesState): number =>
  state.status === 'in-use' ? state.lastNumber : 0;

/** The number `invoiceId` was given in this series, or `null` if it has none. */
export function numberOf(state: InvoiceSeriesState, invoiceId: string): InvoiceNumber | null {
  if (state.status === 'unused') return null;
  const index = state.invoiceIds.indexOf(invoiceId);
  if (index < 0) return null;
  const number = index + 1;
  return { series: state.series, number, formatted: formatInvoiceNumber(state.series, number) };
}
