import { SqlExecutor } from '@app/database';
import { PreparedEvent } from '../event-envelope';
import { eventColumns, reservePositions } from './append-sql';

/** One stream's share of a bulk append, prepared (`PostgresEventStore.prepare`). */
export interface StreamEvents {
  stream: string;
  events: PreparedEvent[];
}

/**
 * `appends` in three statements: positions for all of them reserved first, every stream's
 * revision advanced at once (a stream named twice takes its events in the order given), every
 * event inserted at once. Answers the last position, or undefined when there is no event.
 */
export async function appendStreamsInBulk(
  tx: SqlExecutor,
  appends: readonly StreamEvents[],
): Promise<bigint | undefined> {
  const events = appends.flatMap((append) => append.events);
  if (events.length === 0) return undefined;
  const reserved = await reservePositions(tx, events.length);
  const counts = new Map<string, number>();
  for (const { stream, events: ofStream } of appends)
    counts.set(stream, (counts.get(stream) ?? 0) + ofStream.length);
  const advanced = await tx.query<{ stream_id: string; revision: string }>(
    `INSERT INTO es_streams (stream_id, revision)
     SELECT stream, count - 1 FROM unnest($1::text[], $2::bigint[]) AS s(stream, count)
     ON CONFLICT (stream_id) DO UPDATE SET revision = es_streams.revision + EXCLUDED.revision + 1
     RETURNING stream_id, revision`,
    [[...counts.keys()], [...counts.values()]],
  );
  // Each stream's next revision: the first after what it held before this append.
  const next = new Map(
    advanced.rows.map((row) => [
      row.stream_id,
      BigInt(row.revision) - BigInt(counts.get(row.stream_id) ?? 0) + 1n,
    ]),
  );
  const streams: string[] = [];
  const revisions: string[] = [];
  for (const { stream, events: ofStream } of appends) {
    for (let index = 0; index < ofStream.length; index++) {
      const revision = next.get(stream) ?? 0n;
      streams.push(stream);
      revisions.push(revision.toString());
      next.set(stream, revision + 1n);
    }
  }
  await tx.query(
    `INSERT INTO es_events
       (position, transaction_id, stream_id, revision, event_id, event_type, schema_version,
        data, metadata, occurred_at)
     SELECT $1::bigint + n - 1, $2::xid8, e.stream, e.revision, e.id, e.type, e.version,
            e.data, e.metadata, e.occurred_at
     FROM unnest($3::text[], $4::bigint[], $5::uuid[], $6::text[], $7::int[], $8::jsonb[],
                 $9::jsonb[], $10::timestamptz[])
          WITH ORDINALITY AS e(stream, revision, id, type, version, data, metadata, occurred_at, n)`,
    [
      reserved.firstPosition.toString(),
      reserved.transactionId,
      streams,
      revisions,
      ...eventColumns(events),
    ],
  );
  return reserved.firstPosition + BigInt(events.length) - 1n;
}
