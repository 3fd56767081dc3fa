/** The one place that names a catalog entry's stream; handlers and projections both use it. */
export const CATALOG_STREAM_PREFIX = 'catalog-';

export const catalogStream = (entryId: string): string => CATALOG_STREAM_PREFIX + entryId;
