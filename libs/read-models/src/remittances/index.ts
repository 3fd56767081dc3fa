export * from './remittance.entity';
export * from './remittance.evolve';
export * from './remittances.projection';
export * from './remittance.queries';

import { Projection } from '../projection';
import { RemittanceRow } from './remittance.entity';
import { remittancesProjection } from './remittances.projection';

export const remittanceEntities = [RemittanceRow];

export const remittanceProjections = (): Projection[] => [remittancesProjection()];
