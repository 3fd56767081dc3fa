import { csvCell, csvLines, guardFormula } from './csv';
import { exportCustomersCsv } from './customers-export.csv';
import { allReadModelProjections } from '../contracts';
import { issueInvoice, recordPayment } from '../invoices/testing/invoice-log';
import { CustomerLog, databaseName, dni, IBAN } from './testing/customer-log';

const HEADER =
  'id,name,observations,email,phone,mobile,address,neighbourhood,zone,document,city,province,' +
  'billing enabled,invoice type,tax condition,tax id,number of unpaid invoices,unpaid balance,' +
  'payment method,created at,last modified';

describe('CSV cells (RFC 4180, formula injection guard)', () => {
  it('leaves plain text and numbers as they are, and nothing empty', () => {
    expect([csvCell('Madrid'), csvCell(42), csvCell(-3), csvCell(null)]).toEqual([
      'Madrid',
      '42',
      '-3',
      '',
    ]);
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('Calle Mayor, 1')).toBe('"Calle Mayor, 1"');
    expect(csvCell('el "Bar"')).toBe('"el ""Bar"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=SUM(A1:A2)', '+34 600', '-2+3', '@cmd', '\tx', '\rx'])(
    'prefixes text starting a formula with a quote: %j',
    (text) => {
      expect(guardFormula(text)).toBe(`'${text}`);
    },
  );

  it('guards before quoting', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b'],
        ['c', null],
      ]),
    ).toBe('a,b\r\nc,\r\n');
  });
});

describe(`exportCustomersCsv on ${databaseName}`, () => {
  let log: CustomerLog;
  let ana: string;
  let bar: string;
  beforeAll(async () => {
    log = await CustomerLog.open('customer_export');
    ana = await log.register(
      1,
      {
        personType: 'natural',
        name: 'Ana García',
        observations: 'Gate code "12", ring twice\nnever on Sundays',
        phone: '+34 910 000 000',
        mobile: '600000000',
        address: {
          street: 'Calle Mayor 1',
          postalCode: '28013',
          neighbourhood: 'Sol',
          city: 'Madrid',
          province: 'Madrid',
        },
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
        vatRatePercent: 21,
        iban: IBAN,
      },
      { at: '2025-02-01T10:00:00.000Z' },
    );
    bar = await log.register(2, {
      personType: 'legal',
      name: '=cmd|" /C calc"!A0',
      observations: '@SUM(1+1)',
      zone: 'Norte',
    });
    const gone = await log.register(3, { personType: 'other', name: 'Gone', zone: 'Centro' });
    await log.run('DeleteCustomer', { customerId: gone, blockers: [] });
    // Three invoices of 42.35, 3.60 paid on one: 3 unpaid, 123.45 owed.
    const first = await issueInvoice(log, ana);
    await issueInvoice(log, ana);
    await issueInvoice(log, ana);
    await recordPayment(log, first, 360);
    await log.project(allReadModelProjections());
  });
  afterAll(() => log.close());

  const recordsOf = (csv: string) => csv.split('\r\n').filter((line) => line !== '');

  it("writes rule R16's columns, in its order, then one record per customer", async () => {
    const csv = await exportCustomersCsv(log.dataSource);
    expect(csv.startsWith(HEADER + '\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(
      [
        ana,
        'Ana García',
        '"Gate code ""12"", ring twice\nnever on Sundays"',
        'customer1@example.com',
        "'+34 910 000 000",
        '600000000',
        '"Calle Mayor 1, 28013"',
        'Sol',
        'Centro',
        `DNI ${dni(1)}`,
        'Madrid',
        'Madrid',
        'yes',
        'A',
        'VAT 21%',
        dni(1),
        '3',
        '123.45',
        'direct_debit',
        '2025-01-15T09:00:00.000Z',
        '2025-02-01T10:00:00.000Z',
      ].join(',') + '\r\n',
    );
    expect(csv).not.toContain('1332');
  });

  it('guards cells that a spreadsheet would run as formulas', async () => {
    const csv = await exportCustomersCsv(log.dataSource, { zone: 'Norte' });
    const [, record] = recordsOf(csv);
    expect(record.startsWith(`${bar},"'=cmd|"" /C calc""!A0",'@SUM(1+1),`)).toBe(true);
  });

  it("exports only what the list's filters match, without deleted customers", async () => {
    const centro = recordsOf(await exportCustomersCsv(log.dataSource, { zone: 'Centro' }));
    expect(centro).toHaveLength(2);
    expect(centro[1].startsWith(ana)).toBe(true);
    expect(
      recordsOf(await exportCustomersCsv(log.dataSource, { billingEnabled: false })),
    ).toHaveLength(2);
    expect(recordsOf(await exportCustomersCsv(log.dataSource, { q: 'nobody' }))).toEqual([HEADER]);
    expect(recordsOf(await exportCustomersCsv(log.dataSource, { status: 'deleted' }))).toHaveLength(
      2,
    );
  });
});
