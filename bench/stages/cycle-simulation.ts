import { DEFAULT_ISSUER_ID } from '@app/application';
import { simulateFromView } from '@app/read-models';
import { DataSource } from 'typeorm';
import { round, timed } from '../support/measure';

export interface SimulationFigures {
  customers: number;
  cycles: number;
  invoicesPreviewed: number;
  seconds: number;
  secondsPer10kCustomers: number;
}

/** Rule R12 over every customer, from the cycle simulation view: twelve cycles. */
export async function cycleSimulationStage(
  readModels: DataSource,
  customers: number,
  from: string,
): Promise<SimulationFigures> {
  const cycles = 12;
  const { result, seconds } = await timed(() =>
    simulateFromView(readModels, {
      from,
      cycles,
      vatDefault: 21,
      defaultIssuerId: DEFAULT_ISSUER_ID,
    }),
  );
  const invoicesPreviewed = result.contracts.reduce(
    (sum, contract) => sum + contract.cycles.filter((cycle) => cycle.invoice !== null).length,
    0,
  );
  return {
    customers,
    cycles,
    invoicesPreviewed,
    seconds: round(seconds),
    secondsPer10kCustomers: round((seconds / customers) * 10_000),
  };
}
