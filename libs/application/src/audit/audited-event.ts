import { RecordedEvent } from '@app/event-store';

/** An event as the audit endpoints show it: everything, with 64-bit numbers as JSON numbers. */
export function auditedEvent(event: RecordedEvent) {
  return {
    id: event.id,
    stream: event.stream,
    revision: Number(event.revision),
    version: Number(event.revision) + 1,
    position: Number(event.position),
    type: event.type,
    data: withoutSecrets(event),
    metadata: event.metadata,
  };
}

/**
 * Rule 26: a portal password's salted hash is a secret even to auditors (it could be attacked
 * offline): they see that the password was regenerated, and when, never what it hashes to.
 */
export const HIDDEN_SECRET = '[secret, not shown]';

function withoutSecrets(event: RecordedEvent): unknown {
  const data = event.data as { passwordHash?: unknown } | null;
  if (event.type !== 'PortalPasswordRegenerated' || data === null || data.passwordHash === null)
    return event.data;
  return { ...data, passwordHash: HIDDEN_SECRET };
}
