export * from './customer-interest.entity';
export * from './customer-interest.evolve';
export * from './customer-interests.projection';
export * from './customer-interests.queries';

import { Projection } from '../projection';
import { CustomerInterestRow } from './customer-interest.entity';
import { customerInterestsProjection } from './customer-interests.projection';

export const interestEntities = [CustomerInterestRow];

export const interestProjections = (): Projection[] => [customerInterestsProjection()];
