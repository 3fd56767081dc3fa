import {
  InvoiceNumberAssignment,
  invoiceSeriesDecider,
  InvoiceSeriesState,
  invoiceSeriesStream,
} from '@app/domain';
import { decideOn, StreamAppend } from './workload-stream';

/** Numbers invoices (or credit notes) of one series through the series decider (R8). */
export class InvoiceNumbering {
  private state: InvoiceSeriesState = invoiceSeriesDecider.initialState;

  constructor(readonly series: string) {}

  allocate(
    ids: readonly string[],
    at: string,
  ): { append: StreamAppend; numbers: Map<string, InvoiceNumberAssignment> } | null {
    if (ids.length === 0) return null;
    const decided = decideOn(invoiceSeriesDecider, this.state, {
      type: 'AllocateInvoiceNumbers',
      data: { series: this.series, count: ids.length, forInvoices: [...ids] },
      metadata: { at },
    });
    this.state = decided.state;
    const numbers = new Map<string, InvoiceNumberAssignment>();
    for (const event of decided.events) {
      const { assignments } = event.data as { assignments: InvoiceNumberAssignment[] };
      for (const assignment of assignments) numbers.set(assignment.invoiceId, assignment);
    }
    return {
      append: { stream: invoiceSeriesStream(this.series), events: decided.events },
      numbers,
    };
  }
}
