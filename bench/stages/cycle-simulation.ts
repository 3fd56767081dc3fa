import { DEFAULT_ISSUER_ID } from '@app/application';
import { CycleSimulation } from '@app/domain';
import { simulateFromView, simulationBatchesFromView } from '@app/read-models';
import { DataSource } from 'typeorm';
import { megabytes, round, timed } from '../support/measure';

export interface SimulationFigures {
  customers: number;
  cycles: number;
  invoicesPreviewed: number;
  /** Batches of customers read, simulated and dropped one after the other (the NDJSON answer). */
  seconds: number;
  secondsPer10kCustomers: number;
  /** How far the process's RSS rose above its level at the start, batch by batch. */
  rssGrowthMB: number;
  /** The whole answer built in memory (the JSON answer), from the same batches. */
  wholeSeconds: number;
  wholeSecondsPer10kCustomers: number;
  wholeRssGrowthMB: number;
}

const previewed = (simulation: CycleSimulation): number =>
  simulation.contracts.reduce(
    (sum, contract) => sum + contract.cycles.filter((cycle) => cycle.invoice !== null).length,
    0,
  );

/** Rule R12 over every customer, from the cycle simulation view: twelve cycles. */
export async function cycleSimulationStage(
  readModels: DataSource,
  customers: number,
  from: string,
): Promise<SimulationFigures> {
  const cycles = 12;
  const query = { from, cycles, vatDefault: 21, defaultIssuerId: DEFAULT_ISSUER_ID };
  let start = process.memoryUsage().rss;
  let peak = start;
  const streamed = await timed(async () => {
    let invoices = 0;
    for await (const batch of simulationBatchesFromView(readModels, query)) {
      invoices += previewed(batch);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    return invoices;
  });
  const rssGrowthMB = megabytes(peak - start);
  start = process.memoryUsage().rss;
  const whole = await timed(() => simulateFromView(readModels, query));
  const wholeRssGrowthMB = megabytes(process.memoryUsage().rss - start);
  if (previewed(whole.result) !== streamed.result)
    throw new Error('The batched simulation and the whole one previewed different invoices');
  return {
    customers,
    cycles,
    invoicesPreviewed: streamed.result,
    seconds: round(streamed.seconds),
    secondsPer10kCustomers: round((streamed.seconds / customers) * 10_000),
    rssGrowthMB,
    wholeSeconds: round(whole.seconds),
    wholeSecondsPer10kCustomers: round((whole.seconds / customers) * 10_000),
    wholeRssGrowthMB,
  };
}
