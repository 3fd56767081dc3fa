import { EMPTY_ADDRESS } from '@app/domain';
import type { EstimateView } from '@app/read-models';
import { issuer } from '../invoices/document/testing/invoice-document.fixtures';
import { estimateDocumentModelOf, estimateNumberOf } from './estimate-document';
import { acceptanceIdsOf } from './estimate.handlers';

const estimate: EstimateView = {
  id: '8a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  customerId: 'cus-1',
  state: 'outstanding',
  status: 'outstanding',
  lines: [
    {
      kind: 'free',
      tariffId: null,
      description: 'Router installation',
      quantity: 2,
      unitPriceCents: 2500,
      billingMode: null,
      amountCents: 5000,
      vatRatePercent: 21,
      vatCents: 1050,
      totalCents: 6050,
    },
    {
      kind: 'free',
      tariffId: null,
      description: 'Manual',
      quantity: 1,
      unitPriceCents: 1000,
      billingMode: null,
      amountCents: 1000,
      vatRatePercent: 4,
      vatCents: 40,
      totalCents: 1040,
    },
  ],
  lineCount: 2,
  netCents: 6000,
  vatCents: 1090,
  totalCents: 7090,
  validUntil: '2026-12-31',
  notes: 'Within a week',
  rejectionReason: null,
  contractId: null,
  subscriptionIds: [],
  fulfilled: false,
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  answeredAt: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('the printed estimate (rule 29)', () => {
  const customer = { legalName: 'Ana Pérez', taxId: null, address: EMPTY_ADDRESS };
  const model = estimateDocumentModelOf(estimate, { issuer, customer });

  it('is an estimate, numbered from its id, dated the day it was made, valid until its day', () => {
    expect(model).toMatchObject({
      kind: 'estimate',
      number: 'P-8A1C2B3D',
      issueDate: '2026-12-01',
      issuedAt: '2026-12-01T10:00:00.000Z',
      validUntil: '2026-12-31',
      notes: 'Within a week',
      totals: { netCents: 6000, vatCents: 1090, totalCents: 7090 },
    });
    expect(estimateNumberOf(estimate.id)).toBe(model.number);
    expect('qrUrl' in model).toBe(false);
  });

  it('prints each line with its quantity and unit price, and the VAT per rate', () => {
    expect(model.lines[0]).toEqual({
      description: 'Router installation',
      quantity: 2,
      unitPriceCents: 2500,
      amountCents: 5000,
      vatRatePercent: 21,
      vatCents: 1050,
      totalCents: 6050,
    });
    expect(model.vatBreakdown).toEqual([
      { vatRatePercent: 4, baseCents: 1000, vatCents: 40 },
      { vatRatePercent: 21, baseCents: 5000, vatCents: 1050 },
    ]);
  });
});

describe('the ids an acceptance writes', () => {
  it('are the same on every run, and differ per estimate and per slot', () => {
    const once = acceptanceIdsOf(estimate.id, 3);
    expect(acceptanceIdsOf(estimate.id, 3)).toEqual(once);
    expect(new Set([once.contractId, ...once.subscriptionIds]).size).toBe(4);
    expect(acceptanceIdsOf('another', 3).contractId).not.toBe(once.contractId);
  });
});
