import { withInvoiceFigures } from '../invoices/customer-invoice-figures';
import { CustomerFileRow } from './customer-file.entity';
import { CustomerFilters, selectCustomers } from './customer-search';
import { csvLines, CsvValue } from './csv';
import { managerOf, ReadModelSource } from './read-model-source';

/** Rule R16's columns, in its order: header and how each cell is read from the file. */
export const CUSTOMER_EXPORT_COLUMNS: readonly [string, (row: CustomerFileRow) => CsvValue][] = [
  ['id', (row) => row.id],
  ['name', (row) => row.displayName],
  ['observations', (row) => row.observations],
  ['email', (row) => row.email],
  ['phone', (row) => row.phone],
  ['mobile', (row) => row.mobile],
  ['address', (row) => joinParts(', ', row.street, row.postalCode)],
  ['neighbourhood', (row) => row.neighbourhood],
  ['zone', (row) => row.zone],
  [
    'document',
    (row) => joinParts(' ', row.documentType?.toUpperCase() ?? null, row.documentNumber),
  ],
  ['city', (row) => row.city],
  ['province', (row) => row.province],
  ['billing enabled', (row) => (row.billingEnabled ? 'yes' : 'no')],
  ['invoice type', (row) => row.invoiceSeries],
  ['tax condition', (row) => `VAT ${row.vatRatePercent}%`],
  ['tax id', (row) => row.taxId],
  ['number of unpaid invoices', (row) => row.unpaidInvoiceCount],
  ['unpaid balance', (row) => euros(row.unpaidBalanceCents)],
  ['payment method', (row) => row.paymentMethod],
  ['created at', (row) => row.createdAt.toISOString()],
  ['last modified', (row) => row.updatedAt.toISOString()],
];

/**
 * `GET /customers/export.csv`: every customer the list's filters match, in the list's order;
 * the unpaid columns from the invoices' view.
 */
export async function exportCustomersCsv(
  source: ReadModelSource,
  filters: CustomerFilters = {},
): Promise<string> {
  const manager = managerOf(source);
  const rows = await selectCustomers(manager, filters).getMany();
  return customersCsv(await withInvoiceFigures(manager, rows));
}

export function customersCsv(rows: readonly CustomerFileRow[]): string {
  const header = CUSTOMER_EXPORT_COLUMNS.map(([title]) => title);
  const lines = rows.map((row) => CUSTOMER_EXPORT_COLUMNS.map(([, cell]) => cell(row)));
  return csvLines([header, ...lines]);
}

/** Cents as a plain decimal amount (`1234` → `12.34`), which spreadsheets read as a number. */
function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The parts present, joined; `null` when none is. */
export function joinParts(separator: string, ...parts: (string | null)[]): string | null {
  const present = parts.filter((part): part is string => part !== null);
  return present.length === 0 ? null : present.join(separator);
}
