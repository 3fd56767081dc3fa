export * from './portal-credential.entity';
export * from './portal-credentials.projection';
export * from './portal-credentials.queries';
export * from './portal-account.queries';

import { Projection } from '../projection';
import { PortalCredentialRow } from './portal-credential.entity';
import { portalCredentialsProjection } from './portal-credentials.projection';

export const portalEntities = [PortalCredentialRow];

/** Rule 26's projection, ready for a `ProjectionRunner`. */
export const portalProjections = (): Projection[] => [portalCredentialsProjection()];
