import { PlainDate } from '../../billing/billing.calendar';
import { InvoiceNumber, formatInvoiceNumber } from '../../billing/billing.invoice-numbering';

export type UnusedInvoiceSeries = { status: 'unused' };

/**
 * One allocation: numbers `first` onwards, in order, to `invoiceIds`; `earlier` is the
 * allocation before it. A series' allocations form a list, newest first, that each state
 * shares with the one before it, so folding a series costs what its events hold, not the
 * square of their count.
 */
export interface InvoiceSeriesAllocation {
  readonly first: number;
  readonly invoiceIds: readonly string[];
  /** The date each one bears, by index; absent on allocations made before dates were given. */
  readonly issueDates?: readonly (PlainDate | undefined)[];
  readonly earlier: InvoiceSeriesAllocation | null;
}

/**
 * A series that has handed out numbers 1 to `lastNumber`, each to one invoice: numbers are
 * consecutive from 1 (rule R8), so the allocations are the whole record of who got which.
 */
export type InvoiceSeriesInUse = {
  status: 'in-use';
  series: string;
  lastNumber: number;
  /** The latest date a number of the series bears; null while no allocation was dated. */
  lastIssueDate: PlainDate | null;
  allocations: InvoiceSeriesAllocation;
};

export type InvoiceSeriesState = UnusedInvoiceSeries | InvoiceSeriesInUse;

export const initialInvoiceSeriesState: InvoiceSeriesState = { status: 'unused' };

/** The last number handed out, 0 before the first. */
export const lastNumberOf = (state: InvoiceSeriesState): number =>
  state.status === 'in-use' ? state.lastNumber : 0;

/** The latest date a number of the series bears (null: none dated yet). */
export const lastIssueDateOf = (state: InvoiceSeriesState): PlainDate | null =>
  state.status === 'in-use' ? state.lastIssueDate : null;

/** The number `invoiceId` was given in this series, or `null` if it has none. */
export function numberOf(state: InvoiceSeriesState, invoiceId: string): InvoiceNumber | null {
  return numbersOf(state, [invoiceId]).get(invoiceId) ?? null;
}

/**
 * The numbers these invoices were given in this series; an invoice without one is not in the
 * map. One pass over the series, newest allocation first, stopping once all are found: the
 * cost of asking for a whole billing run's invoices is that of asking for one.
 */
export function numbersOf(
  state: InvoiceSeriesState,
  invoiceIds: Iterable<string>,
): Map<string, InvoiceNumber> {
  const found = new Map<string, InvoiceNumber>();
  if (state.status === 'unused') return found;
  const wanted = new Set(invoiceIds);
  for (
    let allocation: InvoiceSeriesAllocation | null = state.allocations;
    allocation !== null && wanted.size > 0;
    allocation = allocation.earlier
  ) {
    allocation.invoiceIds.forEach((invoiceId, index) => {
      if (!wanted.delete(invoiceId)) return;
      const number = allocation!.first + index;
      const issueDate = allocation!.issueDates?.[index];
      found.set(invoiceId, {
        series: state.series,
        number,
        formatted: formatInvoiceNumber(state.series, number),
        ...(issueDate === undefined ? {} : { issueDate }),
      });
    });
  }
  return found;
}
