import { EntityManager } from 'typeorm';
import type { CustomerFileRow } from '../customers/customer-file.entity';
import { accountSummaries, NO_DEBT } from './invoice.queries';

/**
 * The customer files with their invoice counters and account summary read from the invoices'
 * and effects' views. The file's own columns for them are left at zero by the customer-file
 * projection, which reads no invoice event: one projection owns each table, so a rebuild of
 * either cannot undo the other.
 */
export async function withInvoiceFigures(
  manager: EntityManager,
  rows: readonly CustomerFileRow[],
): Promise<CustomerFileRow[]> {
  const summaries = await accountSummaries(
    manager,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const summary = summaries.get(row.id) ?? NO_DEBT;
    return {
      ...row,
      invoiceCount: summary.invoices,
      pendingEffectCount: summary.pendingEffects,
      unpaidInvoiceCount: summary.unpaidInvoices,
      unpaidBalanceCents: summary.unpaidBalanceCents,
      availableCreditCents: summary.availableCreditCents,
    };
  });
}
