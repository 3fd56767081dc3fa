import type { RecordedEvent } from '@app/event-store';

type Recorded<E> = E extends { type: string; data: unknown }
  ? RecordedEvent<E['type'], E['data']>
  : never;

/** When the first event of a `recordedStream` happened; each next one an hour later. */
export const STREAM_STARTED_AT = Date.parse('2025-03-01T10:00:00.000Z');

/**
 * A stream's domain events as the log hands them out, for the pure `evolve` specs (no
 * database): revisions from 0, positions from `firstPosition`, an hour apart, by `actor`.
 */
export function recordedStream<E extends { type: string; data: unknown }>(
  stream: string,
  events: readonly E[],
  options: { firstPosition?: number; actor?: string } = {},
): Recorded<E>[] {
  const first = options.firstPosition ?? 1;
  return events.map(
    (event, revision) =>
      ({
        id: `00000000-0000-4000-8000-${String(first + revision).padStart(12, '0')}`,
        type: event.type,
        data: event.data,
        metadata: {
          actor: options.actor ?? 'evolve-spec',
          correlationId: 'evolve-spec',
          causationId: null,
          occurredAt: new Date(STREAM_STARTED_AT + revision * 3_600_000).toISOString(),
          schemaVersion: 1,
        },
        stream,
        revision: BigInt(revision),
        position: BigInt(first + revision),
      }) as Recorded<E>,
  );
}

/** The row `evolve` builds from a stream's events, in order, starting from none. */
export function foldRow<Row, E>(
  evolve: (row: Row | null, event: E) => Row | null,
  events: readonly E[],
  from: Row | null = null,
): Row | null {
  return events.reduce<Row | null>((row, event) => evolve(row, event) ?? row, from);
}
