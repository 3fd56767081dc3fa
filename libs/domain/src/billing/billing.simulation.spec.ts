import { BillingProblemCode } from './billing.problems';
import { simulateCycles } from './billing.simulation';
import { ContractBillingSnapshot } from './billing.snapshot';
import {
  SIGNED_IBAN,
  billingSnapshot,
  snapshotSubscription,
} from './testing/billing.snapshot.fixtures';

const simulateFebruary = (snapshot: ContractBillingSnapshot) =>
  simulateCycles([snapshot], { from: '2026-02-01', cycles: 1 }).contracts[0].cycles[0];

const codesOf = (snapshot: ContractBillingSnapshot) =>
  simulateFebruary(snapshot).problems.map((problem) => problem.code);

describe('simulateCycles (rule R12)', () => {
  describe('a contract with nothing to fix', () => {
    const february = simulateFebruary(billingSnapshot());

    it('previews its invoice with the IBAN on the signature and the series', () => {
      expect(february.problems).toEqual([]);
      expect(february.invoice).toEqual(
        expect.objectContaining({
          contractId: 'contract-1',
          series: 'F',
          cyclePeriod: '2026-02',
          iban: SIGNED_IBAN,
          paymentMethod: 'direct_debit',
          totals: { netCents: 3000, vatCents: 630, totalCents: 3630 },
          issueDate: '2026-02-01',
          dueDate: '2026-02-16',
          sendByEmail: true,
        }),
      );
    });
  });

  describe('lists each problem of R12', () => {
    it('a direct-debit contract without a signed IBAN, and issues nothing for it', () => {
      const cycle = simulateFebruary(billingSnapshot({ contract: { signedIban: null } }));
      expect(cycle.invoice).toBeNull();
      expect(cycle.problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.directDebitWithoutSignedIban,
          customerId: 'customer-1',
          contractId: 'contract-1',
          blocksIssuance: true,
          message: expect.stringContaining('no IBAN on its signature'),
        }),
      ]);
    });

    it('an active subscription on an unsigned contract', () => {
      const unsigned = billingSnapshot({
        contract: { status: 'draft', signed: false, signedIban: null, paymentMethod: 'transfer' },
      });
      expect(codesOf(unsigned)).toEqual([BillingProblemCode.activeOnUnsignedContract]);
      expect(simulateFebruary(unsigned).invoice).toBeNull();
    });

    it('a zero price, as a warning: the invoice is still previewed', () => {
      const free = snapshotSubscription({
        tariffTimeline: [{ tariff: 'Promo', monthlyPriceCents: 0, effectiveFrom: '2025-12-20' }],
      });
      const cycle = simulateFebruary(billingSnapshot({ subscriptions: [free] }));
      expect(cycle.problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.zeroOrNegativePrice,
          subscriptionId: 'sub-fibre',
          blocksIssuance: false,
        }),
      ]);
      expect(cycle.invoice?.totals.totalCents).toBe(0);
    });

    it('a negative price, which cannot be priced at all', () => {
      const negative = snapshotSubscription({
        tariffTimeline: [
          { tariff: 'Broken', monthlyPriceCents: -100, effectiveFrom: '2025-12-20' },
        ],
      });
      const cycle = simulateFebruary(billingSnapshot({ subscriptions: [negative] }));
      expect(cycle.invoice).toBeNull();
      expect(cycle.problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.zeroOrNegativePrice,
          blocksIssuance: true,
        }),
      ]);
    });

    it('billing disabled with billable subscriptions', () => {
      const disabled = billingSnapshot({ billing: { billingEnabled: false } });
      expect(codesOf(disabled)).toEqual([BillingProblemCode.billingDisabled]);
      expect(simulateFebruary(disabled).invoice).toBeNull();
    });

    it('nothing when billing is disabled and nothing is billable', () => {
      const idle = billingSnapshot({ billing: { billingEnabled: false }, subscriptions: [] });
      expect(simulateFebruary(idle)).toEqual(
        expect.objectContaining({ invoice: null, problems: [] }),
      );
    });

    it('invoice e-mails on with no main e-mail, as a warning', () => {
      const cycle = simulateFebruary(billingSnapshot({ mainEmail: null }));
      expect(cycle.problems.map((problem) => problem.code)).toEqual([
        BillingProblemCode.invoiceEmailWithoutMainEmail,
      ]);
      expect(cycle.invoice?.sendByEmail).toBe(false);
    });

    it('a missing invoice series', () => {
      const noSeries = billingSnapshot({ billing: { invoiceSeries: null } });
      expect(codesOf(noSeries)).toEqual([BillingProblemCode.missingInvoiceSeries]);
      expect(simulateFebruary(noSeries).invoice).toBeNull();
    });

    it('each problem once over many cycles, with the first period it shows up in', () => {
      const simulation = simulateCycles([billingSnapshot({ billing: { invoiceSeries: ' ' } })], {
        from: '2026-02-01',
        cycles: 3,
      });
      expect(simulation.contracts[0].cycles.map((cycle) => cycle.problems.length)).toEqual([
        1, 1, 1,
      ]);
      expect(simulation.problems).toEqual([
        expect.objectContaining({
          code: BillingProblemCode.missingInvoiceSeries,
          period: '2026-02',
        }),
      ]);
    });
  });

  it('invoices only active subscriptions: active-not-billable adds no line (R5)', () => {
    const companyLine = snapshotSubscription({
      subscriptionId: 'sub-company-line',
      status: 'active-not-billable',
      statusTimeline: [
        { status: 'active', from: '2026-01-01' },
        { status: 'active-not-billable', from: '2026-01-10' },
      ],
    });
    const cycle = simulateFebruary(
      billingSnapshot({ subscriptions: [snapshotSubscription(), companyLine] }),
    );
    expect(cycle.invoice?.lines.map((line) => line.subscriptionId)).toEqual(['sub-fibre']);
    expect(simulateFebruary(billingSnapshot({ subscriptions: [companyLine] })).invoice).toBeNull();
  });

  describe('advance and arrears', () => {
    const activatedMidJanuary = (billingMode: 'advance' | 'arrears') =>
      snapshotSubscription({
        billingMode,
        statusTimeline: [{ status: 'active', from: '2026-01-16' }],
      });
    const twoCycles = (billingMode: 'advance' | 'arrears') =>
      simulateCycles([billingSnapshot({ subscriptions: [activatedMidJanuary(billingMode)] })], {
        from: '2026-01-01',
        cycles: 2,
      }).contracts[0].cycles.map((cycle) => cycle.invoice?.lines[0] ?? null);

    it('in advance, each invoice charges its own cycle', () => {
      const [january, february] = twoCycles('advance');
      expect(january).toEqual(
        expect.objectContaining({
          period: { from: '2026-01-16', to: '2026-02-01' },
          amountCents: 1548, // 3000 × 16 / 31
        }),
      );
      expect(february).toEqual(
        expect.objectContaining({
          period: { from: '2026-02-01', to: '2026-03-01' },
          amountCents: 3000,
        }),
      );
    });

    it('in arrears, each invoice charges the cycle before', () => {
      const [january, february] = twoCycles('arrears');
      expect(january).toBeNull();
      expect(february).toEqual(
        expect.objectContaining({
          period: { from: '2026-01-16', to: '2026-02-01' },
          amountCents: 1548,
        }),
      );
    });
  });

  it('charges a mid-month tariff migration by the day, old then new (R10)', () => {
    const migrated = snapshotSubscription({
      tariffTimeline: [
        { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000, effectiveFrom: '2025-12-20' },
        { tariff: 'Fibra 600 Mb', monthlyPriceCents: 4000, effectiveFrom: '2026-02-15' },
      ],
    });
    const [february, march] = simulateCycles([billingSnapshot({ subscriptions: [migrated] })], {
      from: '2026-02-01',
      cycles: 2,
    }).contracts[0].cycles;
    expect(
      february.invoice?.lines.map(({ description, amountCents }) => ({ description, amountCents })),
    ).toEqual([
      { description: 'Fibra 300 Mb (14 of 28 days)', amountCents: 1500 },
      { description: 'Fibra 600 Mb (14 of 28 days)', amountCents: 2000 },
    ]);
    expect(march.invoice?.totals.netCents).toBe(4000);
  });

  it('gives one invoice per contract per cycle (R7)', () => {
    const contracts = ['contract-1', 'contract-2', 'contract-3'].map((contractId) =>
      billingSnapshot({
        contractId,
        subscriptions: [snapshotSubscription(), snapshotSubscription({ subscriptionId: 'sub-tv' })],
      }),
    );
    const simulation = simulateCycles(contracts, { from: '2026-02-01', cycles: 2 });
    const invoices = simulation.contracts.flatMap((contract) =>
      contract.cycles.map((cycle) => `${cycle.invoice?.contractId} ${cycle.period}`),
    );
    expect(invoices).toEqual([
      'contract-1 2026-02',
      'contract-1 2026-03',
      'contract-2 2026-02',
      'contract-2 2026-03',
      'contract-3 2026-02',
      'contract-3 2026-03',
    ]);
  });

  it("follows each customer's billing day: the cycle in progress, then the next ones", () => {
    const onTheFifth = billingSnapshot({ billing: { billingDay: 5 } });
    const simulation = simulateCycles([onTheFifth], { from: '2026-02-06', cycles: 2 });
    const cycles = simulation.contracts[0].cycles;
    expect(cycles.map((cycle) => cycle.cycle.start)).toEqual([
      '2026-02-05',
      '2026-03-05',
      '2026-04-05',
    ]);
    expect(cycles.map((cycle) => cycle.inProgress)).toEqual([true, false, false]);
  });

  it('adds no cycle in progress when the given day starts a cycle', () => {
    const simulation = simulateCycles([billingSnapshot()], { from: '2026-02-01', cycles: 2 });
    expect(simulation.contracts[0].cycles.map((cycle) => cycle.period)).toEqual([
      '2026-02',
      '2026-03',
    ]);
  });

  describe('marks each cycle (issue 16, item 12)', () => {
    const issuedFebruary = (contractId: string, period: string) =>
      contractId === 'contract-1' && period === '2026-02'
        ? { id: 'invoice-feb', number: 'F-000007' }
        : null;

    it('issued, with its invoice, when a run already issued it; previewed otherwise', () => {
      // given a contract whose February invoice was issued, simulated from mid-February
      const simulation = simulateCycles([billingSnapshot()], {
        from: '2026-02-10',
        cycles: 1,
        issuedInvoice: issuedFebruary,
      });
      // then February (in progress) is issued and not previewed again; March is previewed
      const [february, march] = simulation.contracts[0].cycles;
      expect(february).toMatchObject({
        period: '2026-02',
        status: 'issued',
        inProgress: true,
        invoice: null,
        issuedInvoice: { id: 'invoice-feb', number: 'F-000007' },
        problems: [],
      });
      expect(march).toMatchObject({ period: '2026-03', status: 'previewed', inProgress: false });
      expect(march.invoice?.totals.totalCents).toBe(3630);
      expect(march.issuedInvoice).toBeUndefined();
    });

    it('not-invoiced when nothing is to be invoiced or a problem blocks it', () => {
      const blocked = simulateFebruary(billingSnapshot({ contract: { signed: false } }));
      expect(blocked).toMatchObject({ status: 'not-invoiced', invoice: null });
    });

    it('previews the prorated cycle in progress for a subscription activated in it', () => {
      // given a subscription activated on 2026-02-15, simulated from the 20th (billing day 1)
      const midFebruary = billingSnapshot({
        subscriptions: [
          snapshotSubscription({
            statusTimeline: [{ status: 'active', from: '2026-02-15' }],
            tariffTimeline: [
              { tariff: 'Fibra', monthlyPriceCents: 2800, effectiveFrom: '2026-02-15' },
            ],
          }),
        ],
      });
      const [february] = simulateCycles([midFebruary], { from: '2026-02-20', cycles: 1 })
        .contracts[0].cycles;
      // then February is there, prorated to its 14 of 28 days
      expect(february).toMatchObject({ period: '2026-02', status: 'previewed', inProgress: true });
      expect(february.invoice?.totals.netCents).toBe(1400);
    });
  });

  it('uses the default VAT rate for a customer with none of its own', () => {
    const noRate = billingSnapshot({ billing: { vatRatePercent: null } });
    const simulation = simulateCycles([noRate], { from: '2026-02-01', cycles: 1, vatDefault: 10 });
    expect(simulation.contracts[0].cycles[0].invoice?.totals.vatCents).toBe(300);
  });

  it.each([0, 25, 1.5])('refuses to simulate %p cycles (1 to 24)', (cycles) => {
    expect(() => simulateCycles([], { from: '2026-02-01', cycles })).toThrow(RangeError);
  });
});
