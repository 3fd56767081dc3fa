import { parseCsv } from './customer-import.csv';
import {
  columnsOf,
  importAmountCents,
  importDate,
  readImportRow,
  validateImportRows,
} from './customer-import.rows';

const TODAY = '2026-06-15';
const AT = '2026-06-15T10:00:00.000Z';
const IBAN = 'ES91 2100 0418 4502 0005 1332';

const validate = (...lines: string[]) =>
  validateImportRows(parseCsv(lines.join('\r\n')), TODAY, AT);
const reasonsOf = (...lines: string[]) => validate(...lines).rejected.flatMap((r) => r.reasons);

describe('customer import rows', () => {
  it('maps the export columns back to the form: the formula guard undone, document and address split', () => {
    const parsed = parseCsv(
      'id,name,phone,document,address,city\r\nold-7,Peña SL,\'+34 600,CIF B12345674,"Calle Mayor 1, 28013",Madrid\r\n',
    );
    const { row, problems } = readImportRow(columnsOf(parsed.header), parsed.records[0]);
    expect(problems).toEqual([]);
    expect(row.customer).toMatchObject({
      personType: 'other',
      name: 'Peña SL',
      code: 'old-7',
      phone: '+34 600',
      document: { type: 'cif', number: 'B12345674' },
      address: { street: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid' },
    });
    expect(row.contract).toBeNull();
    expect(row.subscription).toBeNull();
  });

  it('refuses a header that is not an export column, and a file without a name column', () => {
    expect(() => columnsOf(['name', 'tarif'])).toThrow(/"tarif"/);
    expect(() => columnsOf(['email'])).toThrow(/no "name"/);
    expect(() => columnsOf(['name', 'Nombre'])).toThrow(/twice/);
  });

  it('reads dates as ISO or dd/mm/yyyy, real days only', () => {
    expect(importDate('2024-03-01')).toBe('2024-03-01');
    expect(importDate('1/3/2024')).toBe('2024-03-01');
    expect(importDate('2025-02-30')).toBeNull();
    expect(importDate('31/02/2024')).toBeNull();
  });

  it('reads amounts with a decimal point or comma', () => {
    expect(importAmountCents('35')).toBe(3500);
    expect(importAmountCents('35,5')).toBe(3550);
    expect(importAmountCents('35.05')).toBe(3505);
    expect(importAmountCents('-3')).toBeNull();
    expect(importAmountCents('3.999')).toBeNull();
  });

  it('accepts a customer with a contract signed and a subscription active in the past', () => {
    const { rows, rejected } = validate(
      'name,email,contract signed on,iban,mandate reference,tariff,monthly price,billing mode,active since',
      `Ana,ana@example.com,2024-01-10,${IBAN},M-1,Fibra,35.00,arrears,2024-02-01`,
    );
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      contract: { paymentMethod: 'direct_debit', signedOn: '2024-01-10', signatory: 'Ana' },
      subscription: {
        tariff: 'Fibra',
        monthlyPriceCents: 3500,
        billingMode: 'arrears',
        activeSince: '2024-02-01',
      },
    });
  });

  it('rule R1: a row without a name is refused', () => {
    expect(reasonsOf('name,email', ',a@example.com')).toEqual([
      expect.stringMatching(/^name: refused by customer rule R1/),
    ]);
  });

  it('rule R3: a document with a wrong check letter is refused, and one not written as the export writes it', () => {
    expect(reasonsOf('name,document', 'Ana,DNI 12345678A')).toEqual([
      expect.stringMatching(/^document\.number: refused by customer rule R3/),
    ]);
    expect(reasonsOf('name,document', 'Ana,12345678Z')).toEqual([
      expect.stringMatching(/^document: expected a type/),
    ]);
  });

  it('rule R2 within the file: the second row with an e-mail (any case) or a document is refused', () => {
    const { rejected } = validate(
      'name,email,document',
      'Ana,ana@example.com,DNI 12345678Z',
      'Eva,ANA@example.com,',
      'Luz,luz@example.com,DNI 12345678Z',
    );
    expect(rejected).toEqual([
      { row: 3, reasons: ['email: the same e-mail as row 2.'] },
      { row: 4, reasons: ['document: the same document as row 2.'] },
    ]);
  });

  it('dates must be real and not in the future; active since not before the signing', () => {
    const header = 'name,contract signed on,tariff,monthly price,active since';
    expect(reasonsOf(header, 'A,2026-06-16,,,')).toEqual(['contract signed on: in the future.']);
    expect(reasonsOf(header, 'A,2026-13-01,,,')).toEqual([
      'contract signed on: not a real day (YYYY-MM-DD or dd/mm/yyyy).',
    ]);
    expect(reasonsOf(header, 'A,2026-01-01,Fibra,30,2026-06-16')).toEqual([
      'active since: in the future.',
    ]);
    expect(reasonsOf(header, 'A,2026-01-01,Fibra,30,2025-12-31')).toEqual([
      'active since: before the contract was signed.',
    ]);
    expect(reasonsOf(header, 'A,2026-06-15,Fibra,30,2026-06-15')).toEqual([]);
  });

  it('the contract rules: an IBAN is checked (spaces allowed), direct debit needs a mandate', () => {
    const header = 'name,contract signed on,iban,mandate reference';
    expect(reasonsOf(header, `A,2026-01-01,${IBAN},M-1`)).toEqual([]);
    expect(reasonsOf(header, 'A,2026-01-01,ES00 1234,M-1')).toEqual([
      expect.stringMatching(/^iban: refused by contract rule/),
    ]);
    expect(reasonsOf(header, `A,2026-01-01,${IBAN},`)).toEqual([
      expect.stringMatching(/^mandateReference: refused by contract rule/),
    ]);
    expect(reasonsOf('name,iban', `A,${IBAN}`)).toEqual([
      'contract signed on: required when an IBAN or a mandate reference is given.',
    ]);
  });

  it('the subscription needs its contract, a tariff, an amount, a billing mode and its active-since day', () => {
    const header = 'name,contract signed on,tariff,monthly price,billing mode,active since';
    expect(reasonsOf(header, 'A,,Fibra,30,,2026-01-01')).toEqual([
      'contract signed on: a subscription needs its contract.',
    ]);
    expect(reasonsOf(header, 'A,2026-01-01,,treinta,monthly,')).toEqual([
      'tariff: required for a subscription.',
      'monthly price: an amount in euros (35.00 or 35,00).',
      'billing mode: one of advance, arrears.',
      'active since: required, a real day (YYYY-MM-DD or dd/mm/yyyy).',
    ]);
  });

  it('a row with more or fewer cells than the header is refused', () => {
    expect(reasonsOf('name,email', 'A,a@example.com,extra')).toEqual([
      'row: 3 cells where the header has 2.',
    ]);
  });
});
