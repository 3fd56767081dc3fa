export * from './customer-file.entity';
export * from './iban-fingerprint';
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
export * from './customer-ids-matching';
export * from './customer-file.queries';
export * from './customer-history.queries';
export * from './customer-interactions.queries';
export * from './csv';
export * from './customers-export.csv';
export * from './customers-export.excel-es';

import { Projection } from '../projection';
import { CustomerFileRow } from './customer-file.entity';
import { CustomerHistoryRow } from './customer-history.entity';
import { customerFileProjection } from './customer-file.projection';
import { CustomerHistoryProjection, HISTORY_SOURCES } from './customer-history.projection';

export const customerEntities = [CustomerFileRow, CustomerHistoryRow];

/**
 * The customer projections, ready for a `ProjectionRunner`. The history tab takes the lines of
 * the customer's contracts and subscriptions too.
 */
export const customerProjections = (): Projection[] => [
  customerFileProjection(),
  new CustomerHistoryProjection(HISTORY_SOURCES),
];
