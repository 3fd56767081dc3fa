import { totalsOf } from '../billing/billing.lines';
import { given } from '../shared/testing/decider-specification';
import { invoiceDecider } from './invoice.decider';
import { InvoiceRefusal } from './invoice.errors';
import { isSimplifiedOverLimit, SIMPLIFIED_INVOICE_LIMIT_CENTS } from './invoice.simplified';
import {
  INVOICE_CUSTOMER_ID,
  invoiceCommand,
  invoiceIssued,
  issueCommand,
  line,
  SNAPSHOT,
} from './testing/invoice.fixtures';

const invoice = given(invoiceDecider);

/** One line of `netCents` plus 21 % VAT: 33,058 → 400.00 EUR, 33,059 → 400.01 EUR. */
const priced = (netCents: number) => {
  const lines = [line(netCents, { unitPriceCents: netCents })];
  return { lines, totals: totalsOf(lines) };
};
const withoutTaxId = { ...SNAPSHOT, taxId: null };

describe('Simplified invoices up to 400 €, VAT included (rule 22, RD 1619/2012 art. 4)', () => {
  it('prices the limit as the fixtures do: 400.00 and 400.01 EUR', () => {
    expect(priced(33_058).totals.totalCents).toBe(SIMPLIFIED_INVOICE_LIMIT_CENTS);
    expect(priced(33_059).totals.totalCents).toBe(SIMPLIFIED_INVOICE_LIMIT_CENTS + 1);
  });

  it('issues a simplified invoice (no tax id) of exactly 400 €', () => {
    invoice()
      .when(issueCommand({ customer: withoutTaxId, ...priced(33_058) }))
      .then([invoiceIssued({ customer: withoutTaxId, ...priced(33_058) })]);
  });

  it('refuses one cent more without a tax id, naming the customer and what it lacks', () => {
    invoice()
      .when(issueCommand({ customer: withoutTaxId, ...priced(33_059) }))
      .thenRefuses(InvoiceRefusal.simplifiedOverLimit, {
        details: [
          {
            code: 'R22.SIMPLIFIED_OVER_LIMIT',
            field: 'customer.taxId',
            message: expect.stringMatching(
              new RegExp(`Customer ${INVOICE_CUSTOMER_ID} has no tax id.*400\\.01 EUR.*\\(F1\\)`),
            ),
          },
        ],
      });
  });

  it('refuses the draft of a billing run too, before it takes a number (nothing to skip)', () => {
    const { number: _number, ...data } = issueCommand({
      customer: { ...SNAPSHOT, taxId: '  ' },
      ...priced(50_000),
    }).data;
    invoice().when(invoiceCommand('DraftInvoice', data)).thenRefuses('R22.SIMPLIFIED_OVER_LIMIT');
  });

  it('issues a complete invoice (the customer has a tax id) of any amount', () => {
    invoice()
      .when(issueCommand(priced(500_000)))
      .then([invoiceIssued(priced(500_000))]);
  });

  it('is over the limit only without a tax id and above 400 €', () => {
    expect(isSimplifiedOverLimit({ taxId: null }, 40_001)).toBe(true);
    expect(isSimplifiedOverLimit({ taxId: ' ' }, 40_001)).toBe(true);
    expect(isSimplifiedOverLimit({}, 40_001)).toBe(true);
    expect(isSimplifiedOverLimit({ taxId: null }, 40_000)).toBe(false);
    expect(isSimplifiedOverLimit({ taxId: 'B12345674' }, 40_001)).toBe(false);
  });
});
