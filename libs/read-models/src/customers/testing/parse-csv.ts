/**
 * A strict RFC 4180 reader for specs: records end in CRLF, a quoted field may hold the
 * separator, CR, LF and doubled quotes; anything else (a stray quote, a bare LF between
 * records, an unterminated quote) throws, so a spec reading an export checks its quoting too.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== separator && next !== '\r')
          throw new Error(`Text after a closing quote at ${i}`);
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`A quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (char === separator) {
      endField();
      i += 1;
    } else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i += 2;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`A bare line break in an unquoted field at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (quoted) throw new Error('An unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('The last record does not end in CRLF');
  return records;
}
