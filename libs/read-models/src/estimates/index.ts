export * from './estimate.entity';
export * from './estimate.evolve';
export * from './estimates.projection';
export * from './estimate.history-entries';
export * from './estimate.queries';

import { Projection } from '../projection';
import { EstimateRow } from './estimate.entity';
import { estimatesProjection } from './estimates.projection';

export const estimateEntities = [EstimateRow];

export const estimateProjections = (): Projection[] => [estimatesProjection()];
