import { AppConfig, DEFAULT_ISSUER_ID } from '@app/application';
import { dateInZone, DEFAULT_VAT_RATE_PERCENT } from '@app/domain';
import { SimulationBatchesQuery } from '@app/read-models';
import { SimulateCyclesDto } from './simulate-cycles.request.dto';

/**
 * What "Simular ciclos" asks the view for, from a request's choices and the configuration:
 * today in the tenant's zone, one cycle and the default VAT unless chosen, the configured
 * issuer, the batch size and whether suspended-for-debt subscriptions are billed. The API's
 * endpoint and the console's chart ask the same question this way.
 */
export function simulationQueryOf(
  config: AppConfig,
  choices: SimulateCyclesDto,
  now = new Date(),
): SimulationBatchesQuery {
  return {
    customerIds: choices.customerIds,
    from: choices.from ?? dateInZone(now.toISOString()),
    cycles: choices.cycles ?? 1,
    vatDefault: choices.vatDefault ?? DEFAULT_VAT_RATE_PERCENT,
    billSuspendedForDebt: config.BILL_SUSPENDED_FOR_DEBT,
    defaultIssuerId: DEFAULT_ISSUER_ID,
    batchCustomers: config.SIMULATION_BATCH_CUSTOMERS,
  };
}
