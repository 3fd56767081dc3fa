export * from './customer-file.entity';
export * from './customer-history.entity';
export * from './recorded-customer-event';
export * from './customer-file.evolve';
export * from './customer-file.projection';
export * from './history-entry';
export * from './customer.history-entries';
export * from './customer-history.projection';
export * from './read-model-source';
export * from './paging';
export * from './customer-file.view';
export * from './customer-search';
export * from './customer-file.queries';
export * from './customer-history.queries';
export * from './csv';
export * from './customers-export.csv';

import { CustomerFileRow } from './customer-file.entity';
import { CustomerHistoryRow } from './customer-history.entity';
import { CustomerFileProjection } from './customer-file.projection';
import { CustomerHistoryProjection } from './customer-history.projection';

export const customerEntities = [CustomerFileRow, CustomerHistoryRow];

/** The customer projections, ready for a `ProjectionRunner`. */
export const customerProjections = () => [
  new CustomerFileProjection(),
  new CustomerHistoryProjection(),
];
