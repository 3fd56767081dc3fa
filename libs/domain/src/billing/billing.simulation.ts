import { PlainDate, assertPlainDate } from './billing.calendar';
import { BillingCycle, YearMonth, cycleContaining, nextCycles } from './billing.cycles';
import { DEFAULT_VAT_RATE_PERCENT } from './billing.lines';
import { InvoiceToIssue, invoiceForCycle } from './billing.issuance';
import { BillingIssuers } from './billing.issuers';
import { BillingProblem } from './billing.problems';
import { ContractBillingSnapshot } from './billing.snapshot';

export const MIN_SIMULATED_CYCLES = 1;
export const MAX_SIMULATED_CYCLES = 24;

/** The invoice a billing run already issued for a contract's cycle. */
export interface IssuedCycleInvoice {
  id: string;
  /** Its formatted number, `F2026-000123`. */
  number: string;
}

export interface SimulationOptions {
  /**
   * The day simulated from: the cycle in progress on it (when it does not start that day), then
   * the `cycles` cycles starting on or after it.
   */
  from: PlainDate;
  cycles: number;
  /** The VAT rate for customers with none of their own (R11: 21 % unless configured). */
  vatDefault?: number;
  /** The invoice already issued for a contract's cycle, if any (none when left out). */
  issuedInvoice?: (contractId: string, period: YearMonth) => IssuedCycleInvoice | null;
  /** Who can issue (rule 21): the run's issuer problems are listed too (none when left out). */
  issuers?: BillingIssuers;
}

/**
 * - `previewed`: the invoice the billing run would issue for the cycle (no number yet);
 * - `issued`: a run already issued the cycle's invoice (`issuedInvoice`); nothing is previewed;
 * - `not-invoiced`: nothing to invoice, or a problem that blocks it (see `problems`).
 */
export type SimulatedCycleStatus = 'previewed' | 'issued' | 'not-invoiced';

/** One contract's invoice in one cycle, as the billing run would issue it (no number yet). */
export interface SimulatedCycle {
  period: YearMonth;
  cycle: BillingCycle;
  status: SimulatedCycleStatus;
  /** True for the cycle in progress on `from` (it started before). */
  inProgress: boolean;
  invoice: InvoiceToIssue | null;
  issuedInvoice?: IssuedCycleInvoice;
  problems: BillingProblem[];
}

export interface ContractSimulation {
  customerId: string;
  contractId: string;
  cycles: SimulatedCycle[];
}

export interface CycleSimulation {
  from: PlainDate;
  cycles: number;
  contracts: ContractSimulation[];
  /**
   * Every problem once: one that repeats in later cycles (same code, contract, subscription)
   * is listed with the first period it shows up in.
   */
  problems: BillingProblem[];
}

/**
 * Rule R12, "Simular ciclos": the next `cycles` invoices of every contract given, each cycle
 * priced by the very function the billing run issues with (`invoiceForCycle`), so simulate
 * then issue gives the same amounts. Writes nothing. Each customer's cycles follow its own
 * billing day: the one in progress on `from` first (its invoice may be due or issued already),
 * then those starting on or after `from`. A cycle whose invoice was issued is marked so and not
 * previewed again.
 */
export function simulateCycles(
  snapshots: readonly ContractBillingSnapshot[],
  options: SimulationOptions,
): CycleSimulation {
  const from = assertPlainDate(options.from, 'simulation from');
  const count = assertCycleCount(options.cycles);
  const vatDefault = options.vatDefault ?? DEFAULT_VAT_RATE_PERCENT;
  const contracts = snapshots.map((snapshot) => ({
    customerId: snapshot.customerId,
    contractId: snapshot.contractId,
    cycles: simulatedCycles(from, snapshot.billing.billingDay, count).map(
      (cycle): SimulatedCycle => {
        const inProgress = cycle.start < from;
        const issued = options.issuedInvoice?.(snapshot.contractId, cycle.period) ?? null;
        if (issued !== null)
          return {
            period: cycle.period,
            cycle,
            status: 'issued',
            inProgress,
            invoice: null,
            issuedInvoice: issued,
            problems: [],
          };
        const { invoices, problems } = invoiceForCycle(snapshot, cycle, vatDefault, {
          issuers: options.issuers,
        });
        const invoice = invoices[0] ?? null;
        const status = invoice === null ? 'not-invoiced' : 'previewed';
        return { period: cycle.period, cycle, status, inProgress, invoice, problems };
      },
    ),
  }));
  return { from, cycles: count, contracts, problems: distinctProblems(contracts) };
}

/**
 * The cycles a simulation from `from` covers for one billing day: the one in progress on
 * `from` when it started before, then the `count` cycles starting on or after `from`.
 */
export function simulatedCycles(
  from: PlainDate,
  billingDay: number,
  count: number,
): BillingCycle[] {
  const inProgress = cycleContaining(from, billingDay);
  const next = nextCycles(from, billingDay, count);
  return inProgress.start < from ? [inProgress, ...next] : next;
}

function distinctProblems(contracts: readonly ContractSimulation[]): BillingProblem[] {
  const seen = new Set<string>();
  return contracts
    .flatMap((contract) => contract.cycles.flatMap((cycle) => cycle.problems))
    .filter((problem) => {
      const key = [problem.code, problem.contractId, problem.subscriptionId ?? ''].join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function assertCycleCount(cycles: number): number {
  if (!Number.isInteger(cycles) || cycles < MIN_SIMULATED_CYCLES || cycles > MAX_SIMULATED_CYCLES)
    throw new RangeError(
      `A simulation covers ${MIN_SIMULATED_CYCLES} to ${MAX_SIMULATED_CYCLES} cycles, got ${cycles}`,
    );
  return cycles;
}
