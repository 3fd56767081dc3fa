import { PricingSubscription } from '../billing.pricing-input';

/** A fibre subscription active since January at 30.00 EUR a month, billed in advance. */
export function fibre(overrides: Partial<PricingSubscription> = {}): PricingSubscription {
  return {
    subscriptionId: 'sub-fibre',
    billingMode: 'advance',
    statusTimeline: [
      { status: 'pending-activation', from: '2025-12-20' },
      { status: 'active', from: '2026-01-01' },
    ],
    tariffTimeline: [
      { tariff: 'Fibra 300 Mb', monthlyPriceCents: 3000, effectiveFrom: '2025-12-20' },
    ],
    ...overrides,
  };
}
