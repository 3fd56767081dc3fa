import { DEFAULT_TIME_ZONE } from '@app/domain';
import { withInvoiceFigures } from '../invoices/customer-invoice-figures';
import { CustomerFileRow } from './customer-file.entity';
import { CustomerFilters, selectCustomers } from './customer-search';
import { joinParts } from './customers-export.csv';
import { guardFormula } from './csv';
import { managerOf, ReadModelSource } from './read-model-source';

/** The export formats of `GET /customers/export.csv?format=`. */
export const CUSTOMER_EXPORT_FORMATS = ['default', 'excel-es'] as const;
export type CustomerExportFormat = (typeof CUSTOMER_EXPORT_FORMATS)[number];

/** A cell of the Spanish export: text, a whole number, an amount in cents, or nothing. */
type ExcelEsValue = string | number | { cents: number } | null;

/**
 * Rule R16's columns in its order, headed as the Wispro export heads them (seed 002), for a
 * spreadsheet set to Spanish: amounts with a decimal comma, yes/no as Sí/No, instants as
 * `dd/mm/yyyy hh:mm` in Europe/Madrid.
 */
export const CUSTOMER_EXPORT_COLUMNS_ES: readonly [
  string,
  (row: CustomerFileRow) => ExcelEsValue,
][] = [
  ['ID cliente', (row) => row.id],
  ['Nombre', (row) => row.displayName],
  ['Observaciones', (row) => row.observations],
  ['E-mail', (row) => row.email],
  ['Teléfono', (row) => row.phone],
  ['Teléfono celular', (row) => row.mobile],
  ['Dirección', (row) => joinParts(', ', row.street, row.postalCode)],
  ['Barrio', (row) => row.neighbourhood],
  ['Zona', (row) => row.zone],
  [
    'Documento/cédula',
    (row) => joinParts(' ', row.documentType?.toUpperCase() ?? null, row.documentNumber),
  ],
  ['Ciudad', (row) => row.city],
  ['Provincia/estado/región', (row) => row.province],
  ['Facturación habilitada', (row) => (row.billingEnabled ? 'Sí' : 'No')],
  ['Tipo de factura', (row) => row.invoiceSeries],
  ['Condición impositiva', (row) => `IVA ${String(row.vatRatePercent).replace('.', ',')}%`],
  ['Número de identificación tributaria', (row) => row.taxId],
  ['Número de facturas impagas', (row) => row.unpaidInvoiceCount],
  ['Balance de facturas impagas', (row) => ({ cents: row.unpaidBalanceCents })],
  ['Información de Pasarelas de Pago', (row) => row.paymentMethod],
  ['Creado el', (row) => madridDateTime(row.createdAt)],
  ['Última modificación', (row) => madridDateTime(row.updatedAt)],
];

/** The byte order mark that tells Excel the file is UTF-8 (without it, "Peña" shows garbled). */
export const UTF8_BOM = '\uFEFF';

/** `GET /customers/export.csv?format=excel-es`: the same customers as the default export. */
export async function exportCustomersExcelEs(
  source: ReadModelSource,
  filters: CustomerFilters = {},
): Promise<string> {
  const manager = managerOf(source);
  const rows = await selectCustomers(manager, filters).getMany();
  return customersExcelEs(await withInvoiceFigures(manager, rows));
}

/** BOM, `;` between cells, CRLF after each record; pure. */
export function customersExcelEs(rows: readonly CustomerFileRow[]): string {
  const header = CUSTOMER_EXPORT_COLUMNS_ES.map(([title]) => title);
  const lines = rows.map((row) => CUSTOMER_EXPORT_COLUMNS_ES.map(([, cell]) => cell(row)));
  return (
    UTF8_BOM + [header, ...lines].map((cells) => cells.map(excelEsCell).join(';') + '\r\n').join('')
  );
}

/**
 * One cell: text guarded against formulas (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'`),
 * quoted when it holds `;`, a quote or a line break (quotes doubled); amounts as `-1234,56`.
 */
export function excelEsCell(value: ExcelEsValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return decimalComma(value.cents);
  const text = guardFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cents with a decimal comma and no thousands separator (`123456` → `1234,56`). */
export function decimalComma(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const madridFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Spanish spreadsheets read a date and time: `31/12/2025 23:59`, Madrid time. */
export function madridDateTime(instant: Date): string {
  const parts = madridFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
