import type { CycleSimulation } from '@app/domain';

/** One billing period of a customer's simulation, its contracts' cycles added up. */
export interface SimulatedPeriod {
  period: string;
  /** The period holds the cycle in progress on the day simulated from. */
  inProgress: boolean;
  /** What the previewed invoices add up to, VAT included. */
  previewedCents: number;
  previewedInvoices: number;
  /** The numbers of the invoices a billing run already issued for the period. */
  issuedNumbers: string[];
  /** Contracts with no invoice in the period (nothing to bill, or a problem blocks it). */
  notInvoiced: number;
}

/** The simulation by period, oldest first: what the chart and its table show. */
export function simulatedPeriods(simulation: CycleSimulation): SimulatedPeriod[] {
  const periods = new Map<string, SimulatedPeriod>();
  for (const contract of simulation.contracts)
    for (const cycle of contract.cycles) {
      const entry = periods.get(cycle.period) ?? {
        period: cycle.period,
        inProgress: false,
        previewedCents: 0,
        previewedInvoices: 0,
        issuedNumbers: [],
        notInvoiced: 0,
      };
      entry.inProgress ||= cycle.inProgress;
      if (cycle.status === 'previewed' && cycle.invoice) {
        entry.previewedCents += cycle.invoice.totals.totalCents;
        entry.previewedInvoices += 1;
      } else if (cycle.status === 'issued' && cycle.issuedInvoice)
        entry.issuedNumbers.push(cycle.issuedInvoice.number);
      else entry.notInvoiced += 1;
      periods.set(cycle.period, entry);
    }
  return [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** What the chart script draws: one bar per period, the previewed total in euros. */
export interface SimulationChartData {
  label: string;
  labels: string[];
  values: number[];
}

export const simulationChartData = (
  periods: readonly SimulatedPeriod[],
  label: string,
): SimulationChartData => ({
  label,
  labels: periods.map((p) => p.period),
  values: periods.map((p) => p.previewedCents / 100),
});

/**
 * JSON to put inside a `<script type="application/json">` element: `<`, `>` and `&` written as
 * escapes so that no value can close the element or open a comment, and the line separators
 * JavaScript once refused.
 */
export const jsonForScriptElement = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
