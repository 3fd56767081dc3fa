import {
  AllocateInvoiceNumbers,
  formatInvoiceNumber,
  invoiceSeriesDecider,
  InvoiceSeriesEvent,
  InvoiceSeriesState,
  numbersOf,
} from '@app/domain';
import { round } from '../support/measure';

/** Invoices a billing run issues per customer (the workload: 15.6 a year over 12 runs). */
const INVOICES_PER_CUSTOMER_PER_RUN = 1.3;
/** Credit notes per customer in a year (the workload: 862 for 2,000 customers). */
const CREDIT_NOTES_PER_CUSTOMER_PER_YEAR = 0.43;
const AT = '2026-01-03T06:00:00.000Z';

export interface NumberingFigures {
  /** A series after twelve runs, then a thirteenth numbered: fold, look up, decide. */
  run: { seriesNumbers: number; runInvoices: number; ms: number; baselineMs: number };
  /** A rectifying series after a year of credit notes (one allocation each), then one more. */
  creditNote: { allocations: number; ms: number; baselineMs: number };
}

/**
 * Rule R8's numbering as `numbersFor` does it, in process, at the size of the bench's customers:
 * the series' events folded, the documents' numbers looked up, the next numbers decided. The
 * baselines are the floor of the same question asked of plain collections: a Set of every
 * number's invoice, the run's invoices checked against it; an array of every credit note.
 */
export function invoiceNumberingStage(customers: number): NumberingFigures {
  const runInvoices = Math.round(customers * INVOICES_PER_CUSTOMER_PER_RUN);
  const year = allocations(12, runInvoices);
  const nextRun = Array.from({ length: runInvoices }, (_, index) => `run13-${index}`);
  const ms = timedMs(() => {
    const state = fold(year);
    const numbered = numbersOf(state, nextRun);
    decide(
      state,
      nextRun.filter((id) => !numbered.has(id)),
    );
  });
  const baselineMs = timedMs(() => {
    const all = new Set(year.flatMap((event) => event.data.assignments.map((a) => a.invoiceId)));
    nextRun.filter((id) => !all.has(id));
  });
  const creditNotes = Math.max(1, Math.round(customers * CREDIT_NOTES_PER_CUSTOMER_PER_YEAR));
  const grants = allocations(creditNotes, 1);
  const creditNoteMs = timedMs(() => decide(fold(grants), ['next-credit-note']));
  const creditNoteBaselineMs = timedMs(() => {
    const ids: string[] = [];
    for (const event of grants) ids.push(event.data.assignments[0].invoiceId);
    return ids.includes('next-credit-note');
  });
  return {
    run: {
      seriesNumbers: 12 * runInvoices,
      runInvoices,
      ms: round(ms, 1),
      baselineMs: round(baselineMs, 1),
    },
    creditNote: {
      allocations: creditNotes,
      ms: round(creditNoteMs, 1),
      baselineMs: round(creditNoteBaselineMs, 1),
    },
  };
}

/** `count` allocations of `perAllocation` numbers each, as the decider writes them. */
function allocations(count: number, perAllocation: number): InvoiceSeriesEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const first = index * perAllocation + 1;
    const assignments = Array.from({ length: perAllocation }, (_, n) => ({
      invoiceId: `doc-${index}-${n}`,
      number: first + n,
      formatted: formatInvoiceNumber('F', first + n),
    }));
    return {
      type: 'InvoiceNumbersAllocated',
      data: { series: 'F', first, last: first + perAllocation - 1, assignments, allocatedAt: AT },
    };
  });
}

const fold = (events: readonly InvoiceSeriesEvent[]): InvoiceSeriesState =>
  events.reduce(invoiceSeriesDecider.evolve, invoiceSeriesDecider.initialState);

function decide(state: InvoiceSeriesState, forInvoices: string[]): InvoiceSeriesEvent[] {
  const command: AllocateInvoiceNumbers = {
    type: 'AllocateInvoiceNumbers',
    data: { series: 'F', count: forInvoices.length, forInvoices },
    metadata: { at: AT },
  };
  return invoiceSeriesDecider.decide(command, state);
}

function timedMs(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
