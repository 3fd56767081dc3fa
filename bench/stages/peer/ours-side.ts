import { decideAndAppend } from '@app/application';
import { openDatabase, SqlDatabase } from '@app/database';
import { customerDecider } from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import { EventStore, PostgresEventStore, UpcasterRegistry } from '@app/event-store';
import { serviceEventStore } from '../../support/bench-storage';
import { recordInteraction } from '../interaction-command';
import {
  AppendedEvents,
  appendedEventsOf,
  CommandSide,
  POOL_CONNECTIONS,
  forEachLine,
  openConnections,
  peerCorrelationId,
} from './command-side';

/**
 * This service's command path, `decideAndAppend`, on one of two stores: `service`, the store
 * the API composes (customers' personal data sealed, keys in the same database) on the bench's
 * database and its workload; `bare`, the PostgreSQL log alone (upcasters, no crypto-shredding)
 * on the peer database, holding the same customers' streams in clear as Emmett's copy.
 */
export async function oursSide(
  kind: 'service' | 'bare',
  databaseUrl: string,
): Promise<CommandSide> {
  const db = await openDatabase({ databaseUrl, poolSize: POOL_CONNECTIONS });
  const log = await PostgresEventStore.create(db, {
    pollIntervalMs: 20,
    ...(kind === 'bare' ? { upcasters: UpcasterRegistry.of(eventUpcasters) } : {}),
  });
  const store: EventStore = kind === 'service' ? await serviceEventStore(db, log) : log;
  return {
    connect: (count) => openConnections((sql) => db.query(sql), count),
    async seed(lines) {
      if (kind === 'service') return; // the bench's workload is already there
      await forEachLine(lines, 8, ({ stream, events }) =>
        store.append(stream, events, { expectedRevision: 'no_stream' }),
      );
      await db.query('ANALYZE');
    },
    async record(stream, customerId, interactionId) {
      const { command, context } = recordInteraction(
        customerId,
        interactionId,
        peerCorrelationId(),
      );
      await decideAndAppend(store, {
        aggregateId: customerId,
        stream,
        decider: customerDecider,
        command,
        context,
      });
    },
    appended: () => appendedEvents(db),
    async close() {
      await store.close();
      await db.close();
    },
  };
}

async function appendedEvents(db: SqlDatabase): Promise<AppendedEvents> {
  const { rows } = await db.query<{ events: string; bytes: string | null }>(
    `SELECT count(*) AS events, avg(pg_column_size(data) + pg_column_size(metadata)) AS bytes
     FROM es_events
     WHERE event_type = 'InteractionRecorded' AND metadata->>'correlationId' = $1`,
    [peerCorrelationId()],
  );
  return appendedEventsOf(rows[0]);
}
