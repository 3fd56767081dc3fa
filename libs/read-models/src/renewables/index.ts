export * from './renewable.entity';
export * from './renewable.evolve';
export * from './renewables.projection';
export * from './renewable.history-entries';
export * from './renewable.queries';

import { Projection } from '../projection';
import { RenewableRow } from './renewable.entity';
import { renewablesProjection } from './renewables.projection';

export const renewableEntities = [RenewableRow];

export const renewableProjections = (): Projection[] => [renewablesProjection()];
