import { metadataOf } from '@app/application';
import { CustomerEvent, customerDecider, CustomerState } from '@app/domain';
import { CommandHandler, Event, STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { recordInteraction } from '../interaction-command';
import {
  appendedEventsOf,
  CommandSide,
  POOL_CONNECTIONS,
  forEachLine,
  openConnections,
  peerCorrelationId,
} from './command-side';

/**
 * Emmett's idea of an event, `{ type, data, metadata }`, which our events are: its types want
 * `data` to be an index signature, which our events' interfaces are not.
 */
type EmmettEvent = Event<string, Record<string, unknown>, Record<string, unknown> | undefined>;
const asEmmett = (events: readonly unknown[]) => events as EmmettEvent[];

/**
 * Emmett's PostgreSQL event store with its own command path, `CommandHandler`: the stream
 * aggregated with the same decider's `evolve`, the same `decide`, the append expecting the
 * version read. Its events carry the metadata `decideAndAppend` records (actor, via,
 * correlation, causation, occurredAt), so both sides store the same payload. The pool has the
 * size ours has. Loading Emmett sets `pg`'s type parsers for the whole process (int8 as
 * BigInt, its own JSON), which is why each side runs in a process of its own.
 */
export async function emmettSide(databaseUrl: string): Promise<CommandSide> {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_CONNECTIONS });
  const eventStore = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } });
  await eventStore.schema.migrate();
  const handle = CommandHandler<CustomerState, EmmettEvent>({
    evolve: (state, event) => customerDecider.evolve(state, event as unknown as CustomerEvent),
    initialState: () => customerDecider.initialState,
    // Ours decides a lost race again twice (DEFAULT_RETRY); the commands here never race.
    retry: { onVersionConflict: 2 },
  });
  return {
    connect: (count) => openConnections((sql) => pool.query(sql), count),
    async seed(lines) {
      await forEachLine(lines, 8, ({ stream, events }) =>
        eventStore.appendToStream(stream, asEmmett(events), {
          expectedStreamVersion: STREAM_DOES_NOT_EXIST,
        }),
      );
      await pool.query('ANALYZE');
    },
    async record(stream, customerId, interactionId) {
      const { command, context } = recordInteraction(
        customerId,
        interactionId,
        peerCorrelationId(),
      );
      const metadata = metadataOf(context);
      await handle(eventStore, stream, (state) =>
        asEmmett(customerDecider.decide(command, state).map((event) => ({ ...event, metadata }))),
      );
    },
    async appended() {
      const { rows } = await pool.query<{ events: string; bytes: string | null }>(
        `SELECT count(*) AS events,
                avg(pg_column_size(message_data) + pg_column_size(message_metadata)) AS bytes
         FROM emt_messages
         WHERE message_type = 'InteractionRecorded' AND message_metadata->>'correlationId' = $1`,
        [peerCorrelationId()],
      );
      return appendedEventsOf(rows[0]);
    },
    async close() {
      await eventStore.close();
      await pool.end();
    },
  };
}
