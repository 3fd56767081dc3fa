import { latest } from '../../billing/billing.calendar';
import { InvoiceSeriesEvent } from './invoice-series.events';
import { InvoiceSeriesState, lastIssueDateOf } from './invoice-series.state';

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
  const lastIssueDate = assignments.reduce(
    (date, { issueDate }) =>
      issueDate === undefined ? date : date === null ? issueDate : latest(date, issueDate),
    lastIssueDateOf(state),
  );
  return {
    status: 'in-use',
    series,
    lastNumber: last,
    lastIssueDate,
    allocations: {
      first,
      invoiceIds: assignments.map((assignment) => assignment.invoiceId),
      ...(assignments.some(({ issueDate }) => issueDate !== undefined)
        ? { issueDates: assignments.map(({ issueDate }) => issueDate) }
        : {}),
      earlier: state.status === 'in-use' ? state.allocations : null,
    },
  };
}
