import { DataSource, EntityManager } from 'typeorm';

/** Queries run on the read models' DataSource, or inside a caller's transaction. */
export type ReadModelSource = DataSource | EntityManager;

export const managerOf = (source: ReadModelSource): EntityManager =>
  source instanceof DataSource ? source.manager : source;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: anything else cannot match, and PostgreSQL would reject the cast. */
export const isUuid = (value: string): boolean => UUID.test(value);
