import { creditNote, invoice, issuer } from './testing/invoice-document.fixtures';
import { invoiceDocumentModelOf } from './invoice-document.model';

const production = { issuer, environment: 'production' } as const;

describe('the document model of an invoice', () => {
  const model = invoiceDocumentModelOf({ invoice }, production);

  it('is an invoice with its number, dates, period, parties and payment', () => {
    expect(model).toMatchObject({
      kind: 'invoice',
      number: 'FA-000001',
      issueDate: '2026-12-01',
      dueDate: '2026-12-15',
      issuedAt: '2026-12-01T08:00:00.000Z',
      billingPeriod: { from: '2026-12-01', to: '2027-01-01' },
      issuer,
      customer: invoice.customer,
      paymentMethod: 'direct_debit',
      maskedIban: 'ES91 **** **** **** **** 1332',
    });
  });

  it('prints every line with its period, net, rate, VAT and total', () => {
    expect(model.lines).toEqual([
      expect.objectContaining({ amountCents: 100000, vatCents: 21000, totalCents: 121000 }),
      expect.objectContaining({ amountCents: 23456, vatCents: 4926, totalCents: 28382 }),
      expect.objectContaining({ amountCents: 333, vatRatePercent: 10, vatCents: 33 }),
    ]);
    expect(model.lines[0].period).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('breaks VAT down per rate by summing the lines, ascending by rate', () => {
    expect(model.vatBreakdown).toEqual([
      { vatRatePercent: 10, baseCents: 333, vatCents: 33 },
      { vatRatePercent: 21, baseCents: 123456, vatCents: 25926 },
    ]);
    const sum = (pick: (line: { baseCents: number; vatCents: number }) => number) =>
      model.vatBreakdown.reduce((total, line) => total + pick(line), 0);
    expect(sum((line) => line.baseCents)).toBe(model.totals.netCents);
    expect(sum((line) => line.vatCents)).toBe(model.totals.vatCents);
  });

  it('never recomputes VAT from the summed base (that would round twice)', () => {
    // Three lines of 0.02 € at 21 %: each line's VAT is 0.42 cents → 0, so 0 in all; 21 % of
    // the summed base 0.06 € would be 1.26 cents → 1.
    const tiny = invoice.lines.map((line) => ({
      ...line,
      amountCents: 2,
      vatRatePercent: 21,
      vatCents: 0,
      totalCents: 2,
    }));
    const tinyModel = invoiceDocumentModelOf({ invoice: { ...invoice, lines: tiny } }, production);
    expect(tinyModel.vatBreakdown).toEqual([{ vatRatePercent: 21, baseCents: 6, vatCents: 0 }]);
  });

  it('carries the AEAT QR URL of the invoice: issuer NIF, number, date, total', () => {
    expect(model.qrUrl).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=B12345674&numserie=FA-000001&fecha=01-12-2026&importe=1497.48',
    );
    expect(model.totals.totalCents).toBe(149748);
  });

  it('points the QR to the AEAT test host in the test environment', () => {
    const test = invoiceDocumentModelOf({ invoice }, { issuer, environment: 'test' });
    expect(test.qrUrl.startsWith('https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?')).toBe(true);
  });
});

describe('the document model of a credit note', () => {
  const model = invoiceDocumentModelOf({ invoice, creditNote }, production);

  it('is a credit note numbered in the rectifying series, naming the invoice it rectifies', () => {
    expect(model.kind).toBe('credit-note');
    expect(model.number).toBe('FA-R-000007');
    if (model.kind !== 'credit-note') throw new Error('expected a credit note');
    expect(model.rectified).toEqual({
      number: 'FA-000001',
      issueDate: '2026-12-01',
      reason: 'Avería de fibra: 10 días sin servicio',
    });
  });

  it('bears the date its series gave it (dates follow numbers), as its VERI*FACTU record does', () => {
    expect(model.issueDate).toBe('2027-01-04');
    const later = invoiceDocumentModelOf(
      { invoice, creditNote: { ...creditNote, issueDate: '2027-01-05' } },
      production,
    );
    expect(later.issueDate).toBe('2027-01-05');
    expect(model.issuedAt).toBe(creditNote.grantedAt);
  });

  it('shows its amounts negative: a rectifying invoice by difference', () => {
    expect(model.lines).toEqual([
      expect.objectContaining({ amountCents: -32258, vatCents: -6774, totalCents: -39032 }),
    ]);
    expect(model.totals).toEqual({ netCents: -32258, vatCents: -6774, totalCents: -39032 });
    expect(model.vatBreakdown).toEqual([
      { vatRatePercent: 21, baseCents: -32258, vatCents: -6774 },
    ]);
  });

  it('carries a QR with its own number and date and a negative importe', () => {
    expect(model.qrUrl).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=B12345674&numserie=FA-R-000007&fecha=04-01-2027&importe=-390.32',
    );
  });

  it('keeps the customer snapshot and payment of the invoice it rectifies', () => {
    expect(model.customer).toEqual(invoice.customer);
    expect(model.maskedIban).toBe(invoice.maskedIban);
  });

  it('never turns a zero amount into -0', () => {
    const free = { ...creditNote.lines[0], amountCents: 0, vatCents: 0, totalCents: 0 };
    const zero = invoiceDocumentModelOf(
      {
        invoice,
        creditNote: {
          ...creditNote,
          lines: [free],
          totals: { netCents: 0, vatCents: 0, totalCents: 0 },
        },
      },
      production,
    );
    expect(Object.is(zero.totals.totalCents, 0)).toBe(true);
    expect(Object.is(zero.lines[0].vatCents, 0)).toBe(true);
    expect(zero.qrUrl.endsWith('&importe=0.00')).toBe(true);
  });

  it('refuses a credit note of another invoice', () => {
    expect(() =>
      invoiceDocumentModelOf(
        { invoice, creditNote: { ...creditNote, invoiceId: 'invoice-2' } },
        production,
      ),
    ).toThrow(/rectifies invoice invoice-2, not invoice-1/);
  });
});
