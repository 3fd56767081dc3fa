import { BillingProblem, ContractSimulation, CycleSimulation } from '@app/domain';

export const NDJSON = 'application/x-ndjson';

/** One contract's line: its simulation as the JSON answer lists it, and its own problems. */
export interface SimulationContractLine extends ContractSimulation {
  kind: 'contract';
  /** This contract's entries of the JSON answer's `problems`, in the same order. */
  problems: BillingProblem[];
}

/** The last line: what the whole answer covered. A stream cut short has none. */
export interface SimulationSummaryLine {
  kind: 'summary';
  from: string;
  cycles: number;
  contracts: number;
  problems: number;
}

/**
 * The simulation as NDJSON: one line per contract, in the JSON answer's order, then the summary
 * line. Each batch is turned into lines only when the reader asks for more, so a slow client
 * holds the simulation back instead of letting answered batches pile up.
 */
export async function* simulationNdjson(
  batches: AsyncIterable<CycleSimulation>,
  query: { from: string; cycles: number },
): AsyncGenerator<string> {
  const summary: SimulationSummaryLine = {
    kind: 'summary',
    from: query.from,
    cycles: query.cycles,
    contracts: 0,
    problems: 0,
  };
  for await (const batch of batches) {
    const problemsOf = new Map<string, BillingProblem[]>();
    for (const problem of batch.problems) {
      const listed = problemsOf.get(problem.contractId);
      if (listed === undefined) problemsOf.set(problem.contractId, [problem]);
      else listed.push(problem);
    }
    summary.from = batch.from;
    summary.cycles = batch.cycles;
    const lines = batch.contracts.map((contract) => {
      const line: SimulationContractLine = {
        kind: 'contract',
        ...contract,
        problems: problemsOf.get(contract.contractId) ?? [],
      };
      return `${JSON.stringify(line)}\n`;
    });
    summary.contracts += batch.contracts.length;
    summary.problems += batch.problems.length;
    if (lines.length > 0) yield lines.join('');
  }
  yield `${JSON.stringify(summary)}\n`;
}
