import { assertNever, Decider } from '../../shared/decider';
import { allocateInvoiceNumbers } from './allocate-invoice-numbers';
import { InvoiceSeriesCommand } from './invoice-series.commands';
import { InvoiceSeriesEvent } from './invoice-series.events';
import { evolveInvoiceSeries } from './invoice-series.evolve';
import { initialInvoiceSeriesState, InvoiceSeriesState } from './invoice-series.state';

/** Turns a numbering command into events, or throws a `DomainError`. */
export function decideInvoiceSeries(
  command: InvoiceSeriesCommand,
  state: InvoiceSeriesState,
): InvoiceSeriesEvent[] {
  assertSameSeries(command, state);
  switch (command.type) {
    case 'AllocateInvoiceNumbers':
      return allocateInvoiceNumbers(command, state);
    default:
      return assertNever(command.type, 'invoice series command');
  }
}

// The decider's three parts under the names every aggregate uses (ARCHITECTURE.md, rule 1);
// the library index exports them under series-specific names so aggregates do not clash.
export const initialState = initialInvoiceSeriesState;
export const evolve = evolveInvoiceSeries;
export const decide = decideInvoiceSeries;

export const invoiceSeriesDecider: Decider<
  InvoiceSeriesCommand,
  InvoiceSeriesEvent,
  InvoiceSeriesState
> = {
  initialState,
  evolve,
  decide,
};

/** A command routed to another series' stream is a wiring bug, not a business refusal. */
function assertSameSeries(command: InvoiceSeriesCommand, state: InvoiceSeriesState): void {
  if (state.status === 'unused' || state.series === command.data.series) return;
  throw new Error(
    `Command ${command.type} for series ${command.data.series} was decided on the state of series ${state.series}`,
  );
}
