import { COPY_NULL, copyJsonField, copyScalarField, escapeCopyText } from './copy-text';

const copyField = (value: unknown, json: boolean): string =>
  json ? copyJsonField(value) : copyScalarField(value);

describe("COPY's text format", () => {
  it('escapes backslash, newline, carriage return and tab, and leaves any other text as it is', () => {
    expect(escapeCopyText('a\\b\nc\rd\te')).toBe('a\\\\b\\nc\\rd\\te');
    expect(escapeCopyText('\\N')).toBe('\\\\N');
    expect(escapeCopyText('Peña "12", 3º ✓')).toBe('Peña "12", 3º ✓');
  });

  it('writes NULL for null, undefined and what JSON has no value for', () => {
    for (const json of [false, true]) {
      expect(copyField(null, json)).toBe(COPY_NULL);
      expect(copyField(undefined, json)).toBe(COPY_NULL);
    }
    expect(copyField(Number.NaN, false)).toBe(COPY_NULL);
    expect(copyField(Number.POSITIVE_INFINITY, false)).toBe(COPY_NULL);
    expect(copyField(new Date(Number.NaN), false)).toBe(COPY_NULL);
    expect(copyField({ toJSON: () => null }, true)).toBe(COPY_NULL);
  });

  it('writes scalars as written and dates as their ISO instant', () => {
    expect(copyField('plain', false)).toBe('plain');
    expect(copyField(-0, false)).toBe('0');
    expect(copyField(1234567890123, false)).toBe('1234567890123');
    expect(copyField(12n, false)).toBe('12');
    expect(copyField(true, false)).toBe('true');
    expect(copyField(new Date('2025-03-01T10:00:00+01:00'), false)).toBe(
      '2025-03-01T09:00:00.000Z',
    );
  });

  it("gives a JSON column the value's JSON text, its backslashes escaped", () => {
    expect(copyField('tab\there', true)).toBe('"tab\\\\there"');
    expect(copyField([{ field: 'a\\b', after: 7 }], true)).toBe(
      '[{"field":"a\\\\\\\\b","after":7}]',
    );
    expect(copyField(0, true)).toBe('0');
  });

  it('gives a non-JSON column an object as its JSON', () => {
    expect(copyField({ a: 'x\ny' }, false)).toBe('{"a":"x\\\\ny"}');
  });
});
