import { Projection } from '../projection';
import { BillingAggregateStateRow } from './billing-aggregate-state.entity';
import { CycleSimulationViewProjection } from './cycle-simulation-view.projection';

export * from './billing-aggregate-state.entity';
export * from './cycle-simulation-view.projection';
export * from './cycle-simulation.queries';

export const billingEntities = [BillingAggregateStateRow];

/** The billing read models' projections, ready for a `ProjectionRunner`. */
export const billingProjections = (): Projection[] => [new CycleSimulationViewProjection()];
