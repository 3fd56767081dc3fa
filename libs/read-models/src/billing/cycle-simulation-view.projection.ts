import { CONTRACT_EVENT_TYPES, CUSTOMER_EVENT_TYPES, SUBSCRIPTION_EVENT_TYPES } from '@app/domain';
import { Projection } from '../projection';
import { keyedRowProjection } from '../rows/keyed-row-projection';
import { BillingAggregateStateRow } from './billing-aggregate-state.entity';
import {
  evolveBillingAggregateState,
  isBillingAggregateEvent,
} from './billing-aggregate-state.evolve';

/**
 * Rule R12's view: every customer, contract and subscription stream folded by its decider's
 * `evolve` into `billing_aggregate_states` (`evolveBillingAggregateState`), so a simulation over
 * all customers is one SELECT. The states (full IBANs included) stay internal to billing: see
 * `BillingAggregateStateRow`.
 */
export const cycleSimulationViewProjection = (): Projection =>
  keyedRowProjection({
    name: 'cycle-simulation-view',
    handles: [...CUSTOMER_EVENT_TYPES, ...CONTRACT_EVENT_TYPES, ...SUBSCRIPTION_EVENT_TYPES],
    table: 'billing_aggregate_states',
    entity: BillingAggregateStateRow,
    key: 'stream',
    canHandle: isBillingAggregateEvent,
    keyOf: (event) => event.stream,
    evolve: evolveBillingAggregateState,
    lastRevisionOf: (row) => row.lastRevision,
  });
