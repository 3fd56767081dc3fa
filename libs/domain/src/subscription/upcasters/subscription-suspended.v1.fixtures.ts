import { SubscriptionSuspendedV1Data } from './subscription-suspended.v1';

/**
 * SubscriptionSuspended v1 events as the log stores them (one of them with the reason "deuda",
 * which an operator typed: still an operator's suspension). Kept forever: never edit or delete
 * one, or the upcaster is no longer tested against what production holds.
 */
export const SUBSCRIPTION_SUSPENDED_V1_FIXTURES: readonly SubscriptionSuspendedV1Data[] = [
  {
    subscriptionId: '2b7c9a10-4d3e-4f21-9a8b-000000000001',
    contractId: '7e1f0c2d-5b4a-4c3d-8e9f-000000000001',
    customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
    reason: 'unpaid invoices',
    suspendedAt: '2025-03-04T09:15:00.000Z',
  },
  {
    subscriptionId: '2b7c9a10-4d3e-4f21-9a8b-000000000002',
    contractId: '7e1f0c2d-5b4a-4c3d-8e9f-000000000002',
    customerId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e02',
    reason: 'deuda',
    suspendedAt: '2025-05-20T16:40:00.000Z',
  },
];
