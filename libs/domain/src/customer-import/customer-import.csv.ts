/** Why a file is not read at all (400): it is not a CSV of customers. */
export class CustomerImportFileError extends Error {
  override readonly name = 'CustomerImportFileError';
  constructor(message: string) {
    super(message);
  }
}

/** The largest file taken, in characters (the route's body limit is the same in bytes). */
export const MAX_IMPORT_FILE_CHARACTERS = 5 * 1024 * 1024;
/** The most customers one file may hold. */
export const MAX_IMPORT_ROWS = 20_000;

/** The file as read: its separator, its header and its records (row 2 is the first record). */
export interface ParsedCsv {
  separator: ',' | ';';
  header: string[];
  records: { row: number; cells: string[] }[];
}

const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 with either separator: the Spanish export (`excel-es`) starts with a BOM and uses
 * `;`, the default one uses `,`; the separator is the one the header row holds outside quotes
 * (`;` when it holds more of them). Quoted cells may hold separators, doubled quotes and line
 * breaks; records end in CRLF or LF; blank lines are skipped.
 */
export function parseCsv(text: string): ParsedCsv {
  if (text.length > MAX_IMPORT_FILE_CHARACTERS)
    throw new CustomerImportFileError(
      `The file has ${text.length} characters; at most ${MAX_IMPORT_FILE_CHARACTERS} are accepted.`,
    );
  if (text.includes('\u0000')) throw new CustomerImportFileError('The file holds a NUL character.');
  const body = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  if (body.trim() === '') throw new CustomerImportFileError('The file is empty.');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator =
    countOutsideQuotes(firstLine, ';') > countOutsideQuotes(firstLine, ',') ? ';' : ',';
  const lines = splitRecords(body, separator);
  const [header, ...rest] = lines;
  const records = rest
    .filter(({ cells }) => !(cells.length === 1 && cells[0].trim() === ''))
    .map(({ line, cells }) => ({ row: line, cells }));
  if (records.length > MAX_IMPORT_ROWS)
    throw new CustomerImportFileError(
      `The file has ${records.length} customers; at most ${MAX_IMPORT_ROWS} are accepted.`,
    );
  return { separator, header: header.cells.map((cell) => cell.trim()), records };
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/** Each record with the line of the file it starts on (1-based). */
function splitRecords(text: string, separator: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else cell += c;
    i++;
  }
  if (quoted)
    throw new CustomerImportFileError(
      `A quoted cell opened on line ${recordLine} is never closed.`,
    );
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
