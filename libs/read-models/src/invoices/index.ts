export * from './invoice.entity';
export * from './account-statement.entity';
export * from './recorded-invoice-events';
export * from './invoice.evolve';
export * from './pending-effect.evolve';
export * from './invoices.projection';
export * from './account-statement.projection';
export * from './invoice.history-entries';
export * from './invoice.view';
export * from './invoice.queries';
export * from './customer-invoice-figures';
export * from './invoice-summary.queries';
export * from './customer-payments.queries';

import { Projection } from '../projection';
import { InvoiceTransactionRow, PendingEffectRow } from './account-statement.entity';
import { AccountStatementProjection } from './account-statement.projection';
import { InvoiceCreditNoteRow, InvoiceRow } from './invoice.entity';
import { InvoicesProjection } from './invoices.projection';

export const invoiceEntities = [
  InvoiceRow,
  InvoiceCreditNoteRow,
  InvoiceTransactionRow,
  PendingEffectRow,
];

/** The invoice projections, ready for a `ProjectionRunner`. */
export const invoiceProjections = (): Projection[] => [
  new InvoicesProjection(),
  new AccountStatementProjection(),
];
