import { EXAMPLE_AT } from '../../customer/testing/customer.personal-data.examples';
import { PersonalDataExamples } from '../../shared/personal-data';
import { EstimateEvent } from '../estimate.events';
import { ESTIMATE_PERSONAL_FIELDS } from '../estimate.personal-data';

const ESTIMATE_ID = '8a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/**
 * One example of every estimate event type that seals free text, the text quoting the
 * customer; the clear values are ids, dates, amounts and `clear-…`.
 */
export const ESTIMATE_PERSONAL_DATA_EXAMPLES: PersonalDataExamples<
  EstimateEvent,
  typeof ESTIMATE_PERSONAL_FIELDS
> = {
  EstimateCreated: (customerId) => ({
    estimateId: ESTIMATE_ID,
    customerId,
    lines: [
      {
        kind: 'free',
        tariffId: null,
        description: 'Instalación de fibra en casa de Ana Pérez, Calle Luna 3',
        quantity: 1,
        unitPriceCents: 5000,
        billingMode: null,
        amountCents: 5000,
        vatRatePercent: 21,
        vatCents: 1050,
        totalCents: 6050,
      },
    ],
    totals: { netCents: 5000, vatCents: 1050, totalCents: 6050 },
    validUntil: 'clear-2026-12-31',
    notes: 'Ana prefiere que la llamen al 600111222',
    createdAt: EXAMPLE_AT,
  }),
  EstimateRejected: (customerId) => ({
    estimateId: ESTIMATE_ID,
    customerId,
    reason: 'Ana Pérez se muda a Valencia',
    rejectedAt: EXAMPLE_AT,
  }),
};
