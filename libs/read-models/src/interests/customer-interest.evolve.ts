import { applyInterestChanges, CustomerEvent, CustomerInterest } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CustomerInterestRow } from './customer-interest.entity';

type InterestEvent = Extract<
  CustomerEvent,
  { type: 'InterestRecorded' | 'InterestEdited' | 'InterestRemoved' }
>;
type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedInterestEvent = Recorded<InterestEvent>;

export const INTEREST_EVENT_TYPES: readonly InterestEvent['type'][] = [
  'InterestRecorded',
  'InterestEdited',
  'InterestRemoved',
];

export const isRecordedInterestEvent = (event: RecordedEvent): event is RecordedInterestEvent =>
  (INTEREST_EVENT_TYPES as readonly string[]).includes(event.type);

const interestOf = (row: CustomerInterestRow): CustomerInterest => ({
  interestId: row.id,
  product: row.product,
  tariffId: row.tariffId,
  contactId: row.contactId,
  contactName: row.contactName,
  shownOn: row.shownOn,
  notes: row.notes,
});

/** The interest's row after one event of its customer's stream. Pure. */
export function evolveInterestRow(
  current: CustomerInterestRow | null,
  event: RecordedInterestEvent,
): CustomerInterestRow | null {
  const lastRevision = Number(event.revision);
  if (event.type === 'InterestRecorded') {
    const { interestId, customerId, recordedAt, ...interest } = event.data;
    return {
      id: interestId,
      customerId,
      ...interest,
      removed: false,
      lastRevision,
      recordedAt,
      updatedAt: recordedAt,
    };
  }
  if (current === null) return null;
  if (event.type === 'InterestEdited') {
    const { interestId: _id, ...edited } = applyInterestChanges(
      interestOf(current),
      event.data.changes,
    );
    return { ...current, ...edited, lastRevision, updatedAt: event.data.editedAt };
  }
  return { ...current, removed: true, lastRevision, updatedAt: event.data.removedAt };
}

/** Once the customer is erased: who showed it and the notes read as the log now does. */
export const erasedInterestRow = (row: CustomerInterestRow): CustomerInterestRow => ({
  ...row,
  contactName: null,
  notes: null,
});
