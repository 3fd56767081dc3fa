export * from './sql-database';
export * from './mutex';
export * from './postgres-database';
export * from './pglite-database';
export * from './open-database';
export * from './typeorm-driver';
export * from './data-directory-lock';
export * from './process-identity';
