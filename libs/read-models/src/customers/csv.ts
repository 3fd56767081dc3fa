/** A cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null;

/**
 * A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP):
 * such text is prefixed with a quote so it shows as typed. Tab and CR start formulas too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text from users, made safe to open in a spreadsheet. Numbers we write are left alone. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records end in CRLF, as RFC 4180 has them. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
