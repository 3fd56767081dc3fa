import { IssuerEvent, ISSUER_EVENT_TYPES, ISSUER_STREAM_PREFIX, IssuerProfile } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { IssuerRow } from './issuer.entity';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;
export type RecordedIssuerEvent = Recorded<IssuerEvent>;

export const isRecordedIssuerEvent = (event: RecordedEvent): event is RecordedIssuerEvent =>
  (ISSUER_EVENT_TYPES as readonly string[]).includes(event.type) &&
  event.stream.startsWith(ISSUER_STREAM_PREFIX);

/** The issuer's row after one event of its stream. Pure. */
export function evolveIssuerRow(
  current: IssuerRow | null,
  event: RecordedIssuerEvent,
): IssuerRow | null {
  const version = Number(event.revision) + 1;
  switch (event.type) {
    case 'IssuerRegistered': {
      const { issuerId, registeredAt, ...profile } = event.data;
      return { id: issuerId, ...profile, version, registeredAt, updatedAt: registeredAt };
    }
    case 'IssuerEdited': {
      if (current === null) return null;
      const next: IssuerRow = { ...current, version, updatedAt: event.data.editedAt };
      for (const change of event.data.changes)
        (next as unknown as Record<keyof IssuerProfile, unknown>)[change.field] = change.after;
      return next;
    }
  }
}
