import { InvoiceSeriesEvent } from './invoice-series.events';
import { InvoiceSeriesState } from './invoice-series.state';

/**
 * Folds one allocation into the series. The decider only ever allocates from one after the
 * last number, and the expected-revision append keeps any other writer out, so the
 * assignments simply follow the ones already made.
 */
export function evolveInvoiceSeries(
  state: InvoiceSeriesState,
  event: InvoiceSeriesEvent,
): InvoiceSeriesState {
  const { series, last, assignments } = event.data;
  const before = state.status === 'in-use' ? state.invoiceIds : [];
  return {
    status: 'in-use',
    series,
    lastNumber: last,
    invoiceIds: [...before, ...assignments.map((assignment) => assignment.invoiceId)],
  };
}
