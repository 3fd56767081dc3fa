import { InvoiceSeriesEvent } from './invoice-series.events';
import { InvoiceSeriesState } from './invoice-series.state';

/**
 * Folds one allocation into the series. The decider only ever allocates from one after the
 * last number, and the expected-revision append keeps any other writer out, so the
 * assignments simply follow the ones already made. The earlier allocations are shared, not
 * copied: the previous state is left as it was.
 */
export function evolveInvoiceSeries(
  state: InvoiceSeriesState,
  event: InvoiceSeriesEvent,
): InvoiceSeriesState {
  const { series, first, last, assignments } = event.data;
  return {
    status: 'in-use',
    series,
    lastNumber: last,
    allocations: {
      first,
      invoiceIds: assignments.map((assignment) => assignment.invoiceId),
      earlier: state.status === 'in-use' ? state.allocations : null,
    },
  };
}
