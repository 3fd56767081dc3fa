import {
  CustomerImportFileError,
  MAX_IMPORT_FILE_CHARACTERS,
  MAX_IMPORT_ROWS,
  parseCsv,
} from './customer-import.csv';

describe('parseCsv (the customer export, either format)', () => {
  it('reads the default export: commas, CRLF, quoted cells with commas, quotes and line breaks', () => {
    const parsed = parseCsv('name,observations\r\n"Peña, S.L.","Dice ""hola""\r\notra línea"\r\n');
    expect(parsed.separator).toBe(',');
    expect(parsed.header).toEqual(['name', 'observations']);
    expect(parsed.records).toEqual([
      { row: 2, cells: ['Peña, S.L.', 'Dice "hola"\r\notra línea'] },
    ]);
  });

  it('reads the Spanish export: BOM, semicolons, and numbers rows by the line they start on', () => {
    const parsed = parseCsv('\uFEFFNombre;Observaciones\r\n"A;B";"dos\nlíneas"\r\nC;\r\n\r\n');
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['Nombre', 'Observaciones']);
    expect(parsed.records).toEqual([
      { row: 2, cells: ['A;B', 'dos\nlíneas'] },
      { row: 4, cells: ['C', ''] },
    ]);
  });

  it('reads LF-only files and a last record without a line end', () => {
    expect(parseCsv('name\nA\nB').records.map((r) => r.cells)).toEqual([['A'], ['B']]);
  });

  it('refuses a file with a NUL, an empty file, an unclosed quote and one over the limit', () => {
    expect(() => parseCsv('name\nA\u0000')).toThrow(CustomerImportFileError);
    expect(() => parseCsv('\uFEFF \r\n')).toThrow(/empty/);
    expect(() => parseCsv('name\n"A\n')).toThrow(/never closed/);
    expect(() => parseCsv('x'.repeat(MAX_IMPORT_FILE_CHARACTERS + 1))).toThrow(/at most/);
    expect(() => parseCsv('name\n' + 'a\n'.repeat(MAX_IMPORT_ROWS + 1))).toThrow(
      /customers; at most/,
    );
    expect(parseCsv('name\n' + 'a\n'.repeat(MAX_IMPORT_ROWS)).records).toHaveLength(
      MAX_IMPORT_ROWS,
    );
  });
});
