import { totalsOf } from '../billing/billing.lines';
import { correctionLines, correctionRequestsOf } from './credit-note-lines';

const invoice = {
  billingPeriod: { from: '2026-03-01', to: '2026-04-01' },
  lines: [
    {
      subscriptionId: 's-1',
      kind: 'tariff' as const,
      description: 'Fibra',
      period: { from: '2026-03-01', to: '2026-04-01' },
      days: 31,
      daysInPeriod: 31,
      amountCents: 3000,
      vatRatePercent: 10,
      vatCents: 300,
      totalCents: 3300,
    },
  ],
};

describe("An operator's credit note lines (R9, R11)", () => {
  it("credits a net amount at the invoice's own VAT rate, over its billing period", () => {
    const [line] = correctionLines(invoice, [{ description: 'Outage', amountCents: 1005 }]);
    expect(line).toMatchObject({
      kind: 'correction',
      description: 'Outage',
      period: invoice.billingPeriod,
      days: 31,
      amountCents: 1005,
      vatRatePercent: 10,
      vatCents: 101, // 100.5 rounded half away from zero
      totalCents: 1106,
    });
  });

  it('takes a rate of its own per line, and the totals are the sum of the lines', () => {
    const lines = correctionLines(invoice, [
      { description: 'A', amountCents: 1000, vatRatePercent: 21 },
      { description: 'B', amountCents: 500 },
    ]);
    expect(lines.map((line) => line.vatCents)).toEqual([210, 50]);
    expect(totalsOf(lines)).toEqual({ netCents: 1500, vatCents: 260, totalCents: 1760 });
  });
});

describe('what an operator asks a credit note for (R9)', () => {
  it('gives an amount back as one line described by the reason', () => {
    expect(correctionRequestsOf({ reason: 'Outage', amountCents: 1000 })).toEqual([
      { description: 'Outage', amountCents: 1000 },
    ]);
  });

  it('takes the lines as given', () => {
    const lines = [{ description: 'Three days', amountCents: 500 }];
    expect(correctionRequestsOf({ reason: 'Outage', lines })).toBe(lines);
  });

  it.each([
    ['both', { reason: 'Outage', amountCents: 1000, lines: [] }, /not both/],
    ['neither', { reason: 'Outage' }, /Give amountCents or lines\./],
  ])('refuses %s (INVOICE.INVALID_INPUT on amountCents)', (_, request, message) => {
    expect(() => correctionRequestsOf(request)).toThrow(
      expect.objectContaining({
        code: 'INVOICE.INVALID_INPUT',
        message: expect.stringMatching(message),
        details: [expect.objectContaining({ field: 'amountCents' })],
      }),
    );
  });
});
