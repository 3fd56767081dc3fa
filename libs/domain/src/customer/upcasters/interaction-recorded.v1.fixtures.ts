import { InteractionRecordedV1Data } from './interaction-recorded.v1';

/**
 * InteractionRecorded v1 events as the log stores them, one per kind, plus one whose text was
 * erased. Kept forever: never edit or delete one, or the upcaster is no longer tested against
 * what production holds. Each names the direction it must read with at the current version.
 */
export const INTERACTION_RECORDED_V1_FIXTURES: readonly {
  data: InteractionRecordedV1Data;
  readsWithDirection: string;
}[] = [
  {
    data: {
      customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000001',
      kind: 'call',
      text: 'Asked for a quote for 600 Mb fibre',
      recordedAt: '2025-03-04T09:15:00.000Z',
    },
    readsWithDirection: 'inbound',
  },
  {
    data: {
      customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000002',
      kind: 'email',
      text: 'Sent the signed contract back',
      recordedAt: '2025-03-05T11:00:00.000Z',
    },
    readsWithDirection: 'inbound',
  },
  {
    data: {
      customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000003',
      kind: 'visit',
      text: 'Came to the shop to pick up the router',
      recordedAt: '2025-03-06T17:30:00.000Z',
    },
    readsWithDirection: 'inbound',
  },
  {
    data: {
      customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000004',
      kind: 'incident',
      text: 'No signal since Monday',
      recordedAt: '2025-04-01T08:05:00.000Z',
    },
    readsWithDirection: 'inbound',
  },
  {
    data: {
      customerId: '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000005',
      kind: 'note',
      text: 'Prefers to be called after 18:00',
      recordedAt: '2025-04-02T10:00:00.000Z',
    },
    readsWithDirection: 'internal',
  },
  {
    data: {
      customerId: '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e02',
      interactionId: 'b3a4c5d6-0000-4000-8000-000000000006',
      kind: 'call',
      text: '[erased]',
      recordedAt: '2025-02-10T12:00:00.000Z',
    },
    readsWithDirection: 'inbound',
  },
];
