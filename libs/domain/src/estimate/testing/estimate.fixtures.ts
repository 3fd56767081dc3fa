import { CatalogState } from '../../catalog/catalog.state';
import { AcceptEstimate, CreateEstimate, RejectEstimate } from '../estimate.commands';
import { EstimateCreated, EstimateEvent } from '../estimate.events';
import { EstimateLine } from '../estimate.values';

export const ESTIMATE_ID = 'est-1';
export const ESTIMATE_CUSTOMER_ID = 'cus-1';
export const TARIFF_ID = 'tariff-fibre';
export const CREATED_AT = '2026-03-01T10:00:00.000Z';
export const TODAY = '2026-03-01';
export const VALID_UNTIL = '2026-03-31';
export const ANSWER_AT = '2026-03-10T10:00:00.000Z';

export const fibreTariff = (status: 'active' | 'retired' = 'active'): CatalogState => ({
  status,
  entryId: TARIFF_ID,
  kind: 'tariff',
  name: 'Fibra 600',
  terms: { monthlyPriceCents: 3000, vatRatePercent: 21, billingMode: 'advance' },
  createdAt: CREATED_AT,
  retiredAt: status === 'retired' ? ANSWER_AT : null,
});

export const createCommand = (data: Partial<CreateEstimate['data']> = {}): CreateEstimate => ({
  type: 'CreateEstimate',
  data: {
    estimateId: ESTIMATE_ID,
    customerId: ESTIMATE_CUSTOMER_ID,
    customer: { status: 'active' },
    lines: [
      { tariffId: TARIFF_ID, quantity: 2 },
      { description: 'Router installation', quantity: 1, unitPriceCents: 4999 },
    ],
    validUntil: VALID_UNTIL,
    tariffs: { [TARIFF_ID]: fibreTariff() },
    today: TODAY,
    defaultVatRatePercent: 21,
    ...data,
  },
  metadata: { at: CREATED_AT },
});

/** 2 × 30.00 € at 21 % (12.60 € VAT) and 49.99 € at 21 % (10.50 € VAT, rounded on the line). */
export const QUOTED_LINES: EstimateLine[] = [
  {
    kind: 'tariff',
    tariffId: TARIFF_ID,
    description: 'Fibra 600',
    quantity: 2,
    unitPriceCents: 3000,
    billingMode: 'advance',
    amountCents: 6000,
    vatRatePercent: 21,
    vatCents: 1260,
    totalCents: 7260,
  },
  {
    kind: 'free',
    tariffId: null,
    description: 'Router installation',
    quantity: 1,
    unitPriceCents: 4999,
    billingMode: null,
    amountCents: 4999,
    vatRatePercent: 21,
    vatCents: 1050,
    totalCents: 6049,
  },
];

export const estimateCreated = (data: Partial<EstimateCreated['data']> = {}): EstimateCreated => ({
  type: 'EstimateCreated',
  data: {
    estimateId: ESTIMATE_ID,
    customerId: ESTIMATE_CUSTOMER_ID,
    lines: QUOTED_LINES,
    totals: { netCents: 10999, vatCents: 2310, totalCents: 13309 },
    validUntil: VALID_UNTIL,
    notes: null,
    createdAt: CREATED_AT,
    ...data,
  },
});

export const acceptCommand = (data: Partial<AcceptEstimate['data']> = {}): AcceptEstimate => ({
  type: 'AcceptEstimate',
  data: {
    estimateId: ESTIMATE_ID,
    customer: { status: 'active' },
    contractId: 'con-1',
    subscriptionIds: ['sub-1', 'sub-2'],
    paymentMethod: 'transfer',
    tariffs: { [TARIFF_ID]: fibreTariff() },
    today: '2026-03-10',
    ...data,
  },
  metadata: { at: ANSWER_AT },
});

export const rejectCommand = (data: Partial<RejectEstimate['data']> = {}): RejectEstimate => ({
  type: 'RejectEstimate',
  data: { estimateId: ESTIMATE_ID, reason: 'Too expensive', today: '2026-03-10', ...data },
  metadata: { at: ANSWER_AT },
});

const plan = (subscriptionId: string) => ({
  subscriptionId,
  line: 0,
  tariffId: TARIFF_ID,
  tariff: 'Fibra 600',
  monthlyPriceCents: 3000,
  billingMode: 'advance' as const,
});

export const estimateAccepted: EstimateEvent = {
  type: 'EstimateAccepted',
  data: {
    estimateId: ESTIMATE_ID,
    customerId: ESTIMATE_CUSTOMER_ID,
    contractId: 'con-1',
    paymentMethod: 'transfer',
    subscriptions: [plan('sub-1'), plan('sub-2')],
    acceptedAt: ANSWER_AT,
  },
};

export const estimateRejected: EstimateEvent = {
  type: 'EstimateRejected',
  data: {
    estimateId: ESTIMATE_ID,
    customerId: ESTIMATE_CUSTOMER_ID,
    reason: 'Too expensive',
    rejectedAt: ANSWER_AT,
  },
};
