export * from './event-store.port';
export * from './errors';
export * from './event-envelope';
export * from './log-subscription';
export * from './upcasting/upcaster-registry';
export * from './postgres/postgres-event-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './create-event-store';
