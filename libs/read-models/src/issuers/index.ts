export * from './issuer.entity';
export * from './issuer.evolve';
export * from './issuers.projection';
export * from './issuer.queries';

import { Projection } from '../projection';
import { IssuerRow } from './issuer.entity';
import { issuersProjection } from './issuers.projection';

export const issuerEntities = [IssuerRow];

export const issuerProjections = (): Projection[] => [issuersProjection()];
