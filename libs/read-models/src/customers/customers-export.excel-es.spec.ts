import { allReadModelProjections } from '../contracts';
import { issueInvoice, recordPayment } from '../invoices/testing/invoice-log';
import {
  CUSTOMER_EXPORT_COLUMNS_ES,
  decimalComma,
  excelEsCell,
  exportCustomersExcelEs,
  madridDateTime,
  UTF8_BOM,
} from './customers-export.excel-es';
import { CUSTOMER_EXPORT_COLUMNS } from './customers-export.csv';
import { CustomerLog, databaseName, dni, IBAN } from './testing/customer-log';
import { parseCsv } from './testing/parse-csv';

describe('Spanish Excel cells', () => {
  it('quotes a cell holding a semicolon, a quote or a line break; a comma needs no quotes', () => {
    expect(excelEsCell('Calle Mayor; 1')).toBe('"Calle Mayor; 1"');
    expect(excelEsCell('el "Bar"')).toBe('"el ""Bar"""');
    expect(excelEsCell('a\r\nb')).toBe('"a\r\nb"');
    expect(excelEsCell('Calle Mayor, 1')).toBe('Calle Mayor, 1');
    expect(excelEsCell(null)).toBe('');
    expect(excelEsCell(3)).toBe('3');
  });

  it.each(['=1+1', '+34 600', '-2', '@SUM(A1)'])('guards a formula: %j', (text) => {
    expect(excelEsCell(text)).toBe(`'${text}`);
  });

  it('writes amounts with a decimal comma, negative ones unguarded', () => {
    expect([decimalComma(123456), decimalComma(5), decimalComma(-1050), decimalComma(0)]).toEqual([
      '1234,56',
      '0,05',
      '-10,50',
      '0,00',
    ]);
    expect(excelEsCell({ cents: -1050 })).toBe('-10,50');
  });

  it('writes instants as dd/mm/yyyy hh:mm in Madrid, winter and summer', () => {
    expect(madridDateTime(new Date('2025-01-15T09:00:00.000Z'))).toBe('15/01/2025 10:00');
    expect(madridDateTime(new Date('2025-07-31T22:30:00.000Z'))).toBe('01/08/2025 00:30');
  });

  it("has rule R16's columns, one for one with the default export's", () => {
    expect(CUSTOMER_EXPORT_COLUMNS_ES).toHaveLength(CUSTOMER_EXPORT_COLUMNS.length);
  });
});

describe(`exportCustomersExcelEs on ${databaseName}`, () => {
  let log: CustomerLog;
  let ana: string;
  beforeAll(async () => {
    log = await CustomerLog.open('customer_export_excel_es');
    ana = await log.register(
      1,
      {
        personType: 'natural',
        name: 'Ana Peña',
        observations: 'Portal "B"; llamar antes\nnunca en domingo',
        phone: '+34 910 000 000',
        address: { street: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid' },
        zone: 'Centro',
      },
      { at: '2025-01-15T09:00:00.000Z' },
    );
    await log.run(
      'ChangeBillingSettings',
      {
        customerId: ana,
        billingEnabled: true,
        paymentMethod: 'direct_debit',
        invoiceSeries: 'A',
        taxId: dni(1),
        vatRatePercent: 10.5,
        iban: IBAN,
      },
      { at: '2025-07-31T22:30:00.000Z' },
    );
    await log.register(2, { personType: 'legal', name: '=cmd|" /C calc"!A0', zone: 'Norte' });
    const first = await issueInvoice(log, ana);
    await issueInvoice(log, ana);
    await recordPayment(log, first, 360);
    await log.project(allReadModelProjections());
  });
  afterAll(() => log.close());

  it('starts with the BOM, heads in Spanish, and reads back cell for cell', async () => {
    const csv = await exportCustomersExcelEs(log.dataSource);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...records] = parseCsv(csv.slice(UTF8_BOM.length), ';');
    expect(header).toEqual(CUSTOMER_EXPORT_COLUMNS_ES.map(([title]) => title));
    expect(header.slice(0, 3)).toEqual(['ID cliente', 'Nombre', 'Observaciones']);
    const byName = new Map(records.map((record) => [record[1], record]));
    expect(byName.get('Ana Peña')).toEqual([
      ana,
      'Ana Peña',
      'Portal "B"; llamar antes\nnunca en domingo',
      'customer1@example.com',
      "'+34 910 000 000",
      '',
      'Calle Mayor 1, 28013',
      '',
      'Centro',
      `DNI ${dni(1)}`,
      'Madrid',
      '',
      'Sí',
      'A',
      'IVA 10,5%',
      dni(1),
      '2',
      '81,10',
      'direct_debit',
      '15/01/2025 10:00',
      '01/08/2025 00:30',
    ]);
    expect(byName.get(`'=cmd|" /C calc"!A0`)).toEqual(expect.arrayContaining(['No', '0', '0,00']));
  });

  it("applies the list's filters", async () => {
    const csv = await exportCustomersExcelEs(log.dataSource, { zone: 'Norte' });
    expect(parseCsv(csv.slice(UTF8_BOM.length), ';')).toHaveLength(2);
  });
});
