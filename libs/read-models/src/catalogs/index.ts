export * from './catalog-entry.entity';
export * from './catalog-entry.evolve';
export * from './catalog-entries.projection';
export * from './catalog-entry.queries';

import { Projection } from '../projection';
import { CatalogEntryRow } from './catalog-entry.entity';
import { catalogEntriesProjection } from './catalog-entries.projection';

export const catalogEntities = [CatalogEntryRow];

export const catalogProjections = (): Projection[] => [catalogEntriesProjection()];
