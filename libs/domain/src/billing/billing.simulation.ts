import { PlainDate, assertPlainDate } from './billing.calendar';
import { BillingCycle, YearMonth, nextCycles } from './billing.cycles';
import { DEFAULT_VAT_RATE_PERCENT } from './billing.lines';
import { InvoiceToIssue, invoiceForCycle } from './billing.issuance';
import { BillingProblem } from './billing.problems';
import { ContractBillingSnapshot } from './billing.snapshot';

export const MIN_SIMULATED_CYCLES = 1;
export const MAX_SIMULATED_CYCLES = 24;

export interface SimulationOptions {
  /** The first cycle simulated is the first one starting on or after this day. */
  from: PlainDate;
  cycles: number;
  /** The VAT rate for customers with none of their own (R11: 21 % unless configured). */
  vatDefault?: number;
}

/** One contract's invoice in one cycle, as the billing run would issue it (no number yet). */
export interface SimulatedCycle {
  period: YearMonth;
  cycle: BillingCycle;
  invoice: InvoiceToIssue | null;
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
 * billing day, starting on or after `from`.
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
    cycles: nextCycles(from, snapshot.billing.billingDay, count).map((cycle) => {
      const { invoices, problems } = invoiceForCycle(snapshot, cycle, vatDefault);
      return { period: cycle.period, cycle, invoice: invoices[0] ?? null, problems };
    }),
  }));
  return { from, cycles: count, contracts, problems: distinctProblems(contracts) };
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
