import { PAYMENT_TERM_DAYS, invoicesToIssue } from './billing.issuance';
import { BillingProblemCode } from './billing.problems';
import {
  SIGNED_IBAN,
  billingSnapshot,
  snapshotSubscription,
} from './testing/billing.snapshot.fixtures';

describe('invoicesToIssue (the billing run, one contract and period)', () => {
  it('gives what IssueInvoice needs but its number: lines, totals, party, IBAN, dates', () => {
    const { invoices, problems } = invoicesToIssue(billingSnapshot(), '2026-02');
    expect(problems).toEqual([]);
    expect(invoices).toEqual([
      {
        customerId: 'customer-1',
        contractId: 'contract-1',
        series: 'F',
        cyclePeriod: '2026-02',
        cycle: { period: '2026-02', billingDay: 1, start: '2026-02-01', end: '2026-03-01' },
        billingPeriod: { from: '2026-02-01', to: '2026-03-01' },
        customer: billingSnapshot().billedParty,
        iban: SIGNED_IBAN,
        paymentMethod: 'direct_debit',
        lines: [expect.objectContaining({ kind: 'tariff', amountCents: 3000, vatCents: 630 })],
        totals: { netCents: 3000, vatCents: 630, totalCents: 3630 },
        issueDate: '2026-02-01',
        dueDate: '2026-02-16',
        sendByEmail: true,
      },
    ]);
  });

  it(`falls due ${PAYMENT_TERM_DAYS} days after the day it is issued`, () => {
    const [invoice] = invoicesToIssue(billingSnapshot(), '2026-02', 21, {
      issueDate: '2026-02-03',
    }).invoices;
    expect(invoice).toEqual(
      expect.objectContaining({ issueDate: '2026-02-03', dueDate: '2026-02-18' }),
    );
  });

  it('spans both cycles charged when advance and arrears subscriptions share a contract', () => {
    const arrears = snapshotSubscription({ subscriptionId: 'sub-tv', billingMode: 'arrears' });
    const [invoice] = invoicesToIssue(
      billingSnapshot({ subscriptions: [snapshotSubscription(), arrears] }),
      '2026-02',
    ).invoices;
    expect(invoice.billingPeriod).toEqual({ from: '2026-01-01', to: '2026-03-01' });
  });

  it('issues nothing, and says nothing, when the contract has nothing to invoice', () => {
    expect(invoicesToIssue(billingSnapshot({ subscriptions: [] }), '2026-02')).toEqual({
      invoices: [],
      problems: [],
    });
  });

  it('issues the invoice of a contract whose mandate a return invalidated, listing it as a problem (rule 19)', () => {
    const { invoices, problems } = invoicesToIssue(
      billingSnapshot({ contract: { mandateInvalidated: 'AC04' } }),
      '2026-02',
    );
    expect(invoices).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        code: BillingProblemCode.mandateInvalidated,
        blocksIssuance: false,
        message: expect.stringMatching(/invalidated by a bank return \(AC04\)/),
      }),
    ]);
  });

  describe('refuses, with the problem instead of the invoice', () => {
    it.each([
      [
        BillingProblemCode.directDebitWithoutSignedIban,
        billingSnapshot({ contract: { signedIban: null } }),
      ],
      [
        BillingProblemCode.activeOnUnsignedContract,
        billingSnapshot({
          contract: { status: 'draft', signed: false, signedIban: null, paymentMethod: 'cash' },
        }),
      ],
      [BillingProblemCode.billingDisabled, billingSnapshot({ billing: { billingEnabled: false } })],
      [
        BillingProblemCode.missingInvoiceSeries,
        billingSnapshot({ billing: { invoiceSeries: null } }),
      ],
    ])('%s', (code, snapshot) => {
      const { invoices, problems } = invoicesToIssue(snapshot, '2026-02');
      expect(invoices).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({ code, blocksIssuance: true, period: '2026-02' }),
      ]);
    });
  });

  it('issues with a warning when invoice e-mails are on and there is no main e-mail', () => {
    const { invoices, problems } = invoicesToIssue(billingSnapshot({ mainEmail: null }), '2026-02');
    expect(invoices).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        code: BillingProblemCode.invoiceEmailWithoutMainEmail,
        blocksIssuance: false,
      }),
    ]);
  });

  it('charges a direct-debit-free contract without an IBAN', () => {
    const transfer = billingSnapshot({ contract: { paymentMethod: 'transfer', signedIban: null } });
    const [invoice] = invoicesToIssue(transfer, '2026-02').invoices;
    expect(invoice).toEqual(expect.objectContaining({ paymentMethod: 'transfer', iban: null }));
  });

  describe('a simplified invoice over 400 € (rule 22, RD 1619/2012 art. 4)', () => {
    /** A customer without tax id whose fibre costs `monthlyPriceCents` net a month. */
    const withoutTaxId = (monthlyPriceCents: number) => {
      const snapshot = billingSnapshot({
        subscriptions: [
          snapshotSubscription({
            tariffTimeline: [
              { tariff: 'Empresa 1 Gb', monthlyPriceCents, effectiveFrom: '2025-12-20' },
            ],
          }),
        ],
      });
      return { ...snapshot, billedParty: { ...snapshot.billedParty, taxId: null } };
    };

    it('is not issued: the customer and its missing tax id are the problem', () => {
      const { invoices, problems } = invoicesToIssue(withoutTaxId(33_059), '2026-02');
      expect(invoices).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.simplifiedOverLimit,
          customerId: 'customer-1',
          contractId: 'contract-1',
          period: '2026-02',
          blocksIssuance: true,
          message: expect.stringMatching(/Customer customer-1 has no tax id.*400\.01 EUR/),
        }),
      ]);
    });

    it('is issued up to 400 €, and above it to a customer with a tax id (a complete invoice)', () => {
      const limit = invoicesToIssue(withoutTaxId(33_058), '2026-02');
      expect(limit.problems).toEqual([]);
      expect(limit.invoices[0].totals.totalCents).toBe(40_000);
      const snapshot = withoutTaxId(100_000);
      const complete = invoicesToIssue(
        { ...snapshot, billedParty: { ...snapshot.billedParty, taxId: '12345678Z' } },
        '2026-02',
      );
      expect(complete.problems).toEqual([]);
      expect(complete.invoices).toHaveLength(1);
    });
  });
});
