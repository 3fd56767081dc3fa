import { DomainError } from '../shared/domain-error';
import { billingPeriod, nextCycles } from './billing.cycles';
import { priceContractCycle } from './billing.pricing';
import { ContractCyclePricingInput, PricingSubscriptionStatus } from './billing.pricing-input';
import { fibre } from './testing/billing.fixtures';

const march = billingPeriod('2026-03', 1); // 31 days; February before it has 28

const price = (input: Partial<ContractCyclePricingInput>) =>
  priceContractCycle({ cycle: march, subscriptions: [fibre()], ...input });

const amounts = (input: Partial<ContractCyclePricingInput>) =>
  price(input).lines.map((line) => [line.kind, line.amountCents]);

describe('priceContractCycle (R11, R12)', () => {
  describe('when a subscription billed in advance is active the whole cycle', () => {
    it('charges the monthly price for the cycle itself, with 21 % VAT on the line', () => {
      const invoice = price({ contractId: 'contract-1' });
      expect(invoice.contractId).toBe('contract-1');
      expect(invoice.lines).toEqual([
        {
          subscriptionId: 'sub-fibre',
          kind: 'tariff',
          description: 'Fibra 300 Mb',
          period: { from: '2026-03-01', to: '2026-04-01' },
          days: 31,
          daysInPeriod: 31,
          unitPriceCents: 3000,
          amountCents: 3000,
          vatRatePercent: 21,
          vatCents: 630,
          totalCents: 3630,
        },
      ]);
      expect(invoice.totals).toEqual({ netCents: 3000, vatCents: 630, totalCents: 3630 });
    });

    it('uses the configured VAT rate', () => {
      expect(price({ vatRatePercent: 10 }).totals).toEqual({
        netCents: 3000,
        vatCents: 300,
        totalCents: 3300,
      });
      expect(() => price({ vatRatePercent: 121 })).toThrow(RangeError);
    });
  });

  describe('when billed in arrears', () => {
    it('charges the cycle before, prorated over its days', () => {
      const arrears = fibre({
        billingMode: 'arrears',
        statusTimeline: [{ status: 'active', from: '2026-02-15' }],
      });
      const [line] = price({ subscriptions: [arrears] }).lines;
      expect(line).toMatchObject({
        period: { from: '2026-02-15', to: '2026-03-01' },
        days: 14,
        daysInPeriod: 28,
        amountCents: 1500,
        description: 'Fibra 300 Mb (14 of 28 days)',
      });
    });

    it('charges the given previous cycle after a billing-day change', () => {
      const arrears = fibre({ billingMode: 'arrears' });
      const lines = price({
        cycle: billingPeriod('2026-03', 15),
        previousCycle: { start: '2026-02-01', end: '2026-03-15' },
        subscriptions: [arrears],
      }).lines;
      expect(lines[0]).toMatchObject({
        period: { from: '2026-02-01', to: '2026-03-15' },
        daysInPeriod: 42,
        amountCents: 3000,
      });
    });
  });

  describe('only active subscriptions are invoiced (R5)', () => {
    const notInvoiced: PricingSubscriptionStatus[] = [
      'pending-activation',
      'active-not-billable',
      'suspended',
      'rejected',
      'cancelled',
    ];
    it.each(notInvoiced)('charges nothing for a subscription %s all cycle', (status) => {
      const subscription = fibre({
        statusTimeline: [{ status, from: '2026-01-01' }],
        extraCharges: [
          { amountCents: 500, description: 'Router', recurring: true, from: '2026-01-01' },
        ],
      });
      expect(price({ subscriptions: [subscription] })).toMatchObject({
        lines: [],
        totals: { netCents: 0, vatCents: 0, totalCents: 0 },
      });
    });

    it('prorates an activation mid-cycle and a cancellation', () => {
      const activated = fibre({
        statusTimeline: [
          { status: 'pending-activation', from: '2026-02-20' },
          { status: 'active', from: '2026-03-11' },
          { status: 'cancelled', from: '2026-03-21' },
        ],
      });
      expect(price({ subscriptions: [activated] }).lines).toMatchObject([
        { period: { from: '2026-03-11', to: '2026-03-21' }, days: 10, amountCents: 967 }, // 967.74
      ]);
    });

    it('leaves out the suspended days, in two lines around them', () => {
      const suspended = fibre({
        statusTimeline: [
          { status: 'active', from: '2026-01-01' },
          { status: 'suspended', from: '2026-03-11' },
          { status: 'active', from: '2026-03-21' },
          { status: 'active-not-billable', from: '2026-03-26' },
        ],
      });
      const lines = price({ subscriptions: [suspended] }).lines;
      expect(lines.map((line) => [line.period.from, line.period.to, line.amountCents])).toEqual([
        ['2026-03-01', '2026-03-11', 968],
        ['2026-03-21', '2026-03-26', 484],
      ]);
    });
  });

  describe('rule 20: suspended for debt', () => {
    it('charges the days a suspension is billed, and leaves out those it is not', () => {
      const timeline = (billed?: boolean) =>
        fibre({
          statusTimeline: [
            { status: 'active', from: '2026-01-01' },
            billed === undefined
              ? { status: 'suspended', from: '2026-03-11' }
              : { status: 'suspended', from: '2026-03-11', billed },
          ],
        });
      const whole = price({ subscriptions: [timeline(true)] }).lines;
      expect(whole.reduce((sum, line) => sum + line.amountCents, 0)).toBe(3000);
      const cut = price({ subscriptions: [timeline(false)] }).lines;
      expect(cut.map((line) => [line.period.from, line.period.to])).toEqual([
        ['2026-03-01', '2026-03-11'],
      ]);
      expect(price({ subscriptions: [timeline()] }).lines).toEqual(cut);
    });
  });

  describe('when the tariff changes within the cycle', () => {
    it('charges each tariff for its own days, prorated', () => {
      const migrated = fibre({
        tariffTimeline: [
          { tariff: 'Fibra 600 Mb', monthlyPriceCents: 4500, effectiveFrom: '2026-03-11' },
          { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000, effectiveFrom: '2025-12-20' },
        ],
      });
      const lines = price({ subscriptions: [migrated] }).lines;
      expect(lines).toMatchObject([
        { description: 'Fibra 300 Mb (10 of 31 days)', unitPriceCents: 3000, amountCents: 968 },
        { description: 'Fibra 600 Mb (21 of 31 days)', unitPriceCents: 4500, amountCents: 3048 },
      ]);
    });

    it('loses no cent when a migration keeps the price', () => {
      const samePrice = fibre({
        tariffTimeline: [
          { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3001, effectiveFrom: '2025-12-20' },
          { tariff: 'Fibra 300 Mb Plus', monthlyPriceCents: 3001, effectiveFrom: '2026-03-08' },
          { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3001, effectiveFrom: '2026-03-19' },
        ],
      });
      expect(price({ subscriptions: [samePrice] }).totals.netCents).toBe(3001);
    });
  });

  describe('discounts', () => {
    it('are negative lines beside the tariff, with their own VAT', () => {
      const discounted = fibre({ discounts: [{ percent: 20, from: '2026-01-01' }] });
      expect(price({ subscriptions: [discounted] }).lines).toMatchObject([
        { kind: 'tariff', amountCents: 3000, vatCents: 630 },
        {
          kind: 'discount',
          description: 'Discount 20 %',
          amountCents: -600,
          vatCents: -126,
          totalCents: -726,
        },
      ]);
    });

    it('cover only the days from `from` to `until`, both included', () => {
      const discounted = fibre({
        discounts: [
          { percent: 50, from: '2026-03-01', until: '2026-03-10', description: 'Bienvenida' },
          { amountCents: 3100, from: '2026-03-21' },
          { percent: 100, from: '2026-01-01', until: '2026-02-28' },
        ],
      });
      expect(amounts({ subscriptions: [discounted] })).toEqual([
        ['tariff', 3000],
        ['discount', -484],
        ['discount', -1065], // 11 days of 31.00 is 11.00, capped at the 10.65 of tariff they cover
      ]);
      expect(price({ subscriptions: [discounted] }).lines[1]).toMatchObject({
        description: 'Bienvenida',
        period: { from: '2026-03-01', to: '2026-03-11' },
        days: 10,
      });
    });

    it('take the shape the subscription aggregate records: the other value null, open `until` null', () => {
      const discounts = [
        { percent: null, amountCents: 310, from: '2026-03-01', until: '2026-03-01' },
        { percent: 10, amountCents: null, from: '2026-03-01', until: null },
      ];
      expect(amounts({ subscriptions: [fibre({ discounts })] })).toEqual([
        ['tariff', 3000],
        ['discount', -10], // one day of 3.10
        ['discount', -300],
      ]);
    });

    it('never take a subscription below zero, and never touch its extra charges', () => {
      const overDiscounted = fibre({
        discounts: [
          { percent: 80, from: '2026-01-01' },
          { amountCents: 5000, from: '2026-01-01' },
          { percent: 100, from: '2026-01-01' },
        ],
        extraCharges: [
          { amountCents: 700, description: 'IP fija', recurring: true, from: '2026-01-01' },
        ],
      });
      expect(amounts({ subscriptions: [overDiscounted] })).toEqual([
        ['tariff', 3000],
        ['discount', -2400],
        ['discount', -600],
        ['extra-charge', 700],
      ]);
      expect(price({ subscriptions: [overDiscounted] }).totals.netCents).toBe(700);
    });

    it('refuses a percentage over 100 or a non-positive amount', () => {
      const broken = (discount: object) =>
        price({ subscriptions: [fibre({ discounts: [discount as never] })] });
      expect(() => broken({ percent: 120, from: '2026-01-01' })).toThrow(RangeError);
      expect(() => broken({ percent: 0, from: '2026-01-01' })).toThrow(RangeError);
      expect(() => broken({ amountCents: -5, from: '2026-01-01' })).toThrow(RangeError);
    });
  });

  describe('extra charges', () => {
    const router = { amountCents: 4900, description: 'Router', recurring: false };
    const staticIp = { amountCents: 300, description: 'IP fija', recurring: true };

    it('bill a one-off charge once, in the cycle holding its date', () => {
      const subscription = fibre({ extraCharges: [{ ...router, from: '2026-03-31' }] });
      const cycles = ['2026-02', '2026-03', '2026-04'].map((period) =>
        price({ cycle: billingPeriod(period, 1), subscriptions: [subscription] }),
      );
      expect(cycles.map((invoice) => invoice.totals.netCents)).toEqual([3000, 7900, 3000]);
    });

    it('bill a recurring charge in full every cycle from its date', () => {
      const subscription = fibre({ extraCharges: [{ ...staticIp, from: '2026-03-20' }] });
      const nets = ['2026-02', '2026-03', '2026-04'].map(
        (period) =>
          price({ cycle: billingPeriod(period, 1), subscriptions: [subscription] }).totals.netCents,
      );
      expect(nets).toEqual([3000, 3300, 3300]);
    });

    it('follow arrears billing: charged on the invoice of the cycle after', () => {
      const subscription = fibre({
        billingMode: 'arrears',
        extraCharges: [{ ...router, from: '2026-03-05' }],
      });
      const april = price({ cycle: billingPeriod('2026-04', 1), subscriptions: [subscription] });
      expect(april.lines[1]).toMatchObject({
        kind: 'extra-charge',
        period: { from: '2026-03-01', to: '2026-04-01' },
        amountCents: 4900,
        vatCents: 1029,
      });
      expect(price({ subscriptions: [subscription] }).totals.netCents).toBe(3000);
    });

    it('refuse a negative extra charge', () => {
      const subscription = fibre({
        extraCharges: [{ ...router, amountCents: -1, from: '2026-03-05' }],
      });
      expect(() => price({ subscriptions: [subscription] })).toThrow(RangeError);
    });
  });

  it('adds up several subscriptions of one contract, each with its own lines (R7)', () => {
    const mobile = fibre({
      subscriptionId: 'sub-mobile',
      billingMode: 'arrears',
      tariffTimeline: [
        { tariff: 'Móvil 20 GB', monthlyPriceCents: 999, effectiveFrom: '2025-12-01' },
      ],
    });
    const invoice = price({ subscriptions: [fibre(), mobile] });
    expect(invoice.lines.map((line) => [line.subscriptionId, line.vatCents])).toEqual([
      ['sub-fibre', 630],
      ['sub-mobile', 210], // 209.79
    ]);
    expect(invoice.totals).toEqual({ netCents: 3999, vatCents: 840, totalCents: 4839 });
  });

  it('refuses a negative price: the simulator lists it as a problem before it reaches an invoice', () => {
    const negative = fibre({
      tariffTimeline: [{ tariff: 'Error', monthlyPriceCents: -100, effectiveFrom: '2026-01-01' }],
    });
    expect(() => price({ subscriptions: [negative] })).toThrow(RangeError);
    expect(() => price({ subscriptions: [negative] })).not.toThrow(DomainError);
  });

  it('gives a simulation of the next cycles the same amounts the runs then issue (R12)', () => {
    const subscriptions = [
      fibre({
        tariffTimeline: [
          { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000, effectiveFrom: '2025-12-20' },
          { tariff: 'Fibra 1 Gb', monthlyPriceCents: 5500, effectiveFrom: '2026-05-20' },
        ],
        discounts: [{ percent: 15, from: '2026-04-10', until: '2026-06-09' }],
      }),
    ];
    const simulated = nextCycles('2026-03-06', 5, 4).map((cycle) =>
      priceContractCycle({ cycle, subscriptions }),
    );
    const issued = ['2026-04', '2026-05', '2026-06', '2026-07'].map((period) =>
      priceContractCycle({ cycle: billingPeriod(period, 5), subscriptions }),
    );
    expect(simulated).toEqual(issued);
    expect(issued.map((invoice) => invoice.totals.netCents)).toEqual([2625, 3647, 5362, 5500]);
  });
});
