import { Projection } from '../projection';
import { BillingAggregateStateRow } from './billing-aggregate-state.entity';
import { cycleSimulationViewProjection } from './cycle-simulation-view.projection';

export * from './billing-aggregate-state.entity';
export * from './billing-aggregate-state.evolve';
export * from './cycle-simulation-view.projection';
export * from './cycle-simulation.queries';

export const billingEntities = [BillingAggregateStateRow];

/** The billing read models' projections, ready for a `ProjectionRunner`. */
export const billingProjections = (): Projection[] => [cycleSimulationViewProjection()];
