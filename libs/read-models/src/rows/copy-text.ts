/** COPY's text format: a field's NULL. */
export const COPY_NULL = '\\N';

const ESCAPED = /[\\\n\r\t]/;
const ESCAPED_ALL = /[\\\n\r\t]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Text as one field of COPY's text format: backslash, newline, carriage return and tab escaped. */
export function escapeCopyText(text: string): string {
  return ESCAPED.test(text) ? text.replace(ESCAPED_ALL, (char) => ESCAPES[char]) : text;
}

/*
 * A row's value as one field of COPY's text format, read by PostgreSQL as it reads the same
 * value from the JSON that `insertRows` otherwise sends: null and undefined are NULL (so is a
 * number that is not finite, or an invalid date: JSON has no such values); a JSON column gets
 * the value's JSON text, whatever it is; any other column gets a string as it is, a number,
 * bigint or boolean as written, a date as its ISO instant, and any other object as its JSON.
 */

/** A value as a JSON column's field. */
export function copyJsonField(value: unknown): string {
  if (value === null || value === undefined) return COPY_NULL;
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined || text === 'null') return COPY_NULL;
  // JSON text has no raw newline, carriage return or tab: of COPY's specials, only backslashes.
  return text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
}

/** A value as any other column's field. */
export function copyScalarField(value: unknown): string {
  if (typeof value === 'string') return escapeCopyText(value);
  if (value === null || value === undefined) return COPY_NULL;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : COPY_NULL;
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? COPY_NULL : value.toISOString();
      return copyJsonField(value);
  }
}
