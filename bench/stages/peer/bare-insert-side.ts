import { metadataOf } from '@app/application';
import { openDatabase } from '@app/database';
import { defaultInteractionDirection } from '@app/domain';
import { recordInteraction } from '../interaction-command';
import {
  appendedEventsOf,
  CommandSide,
  POOL_CONNECTIONS,
  openConnections,
  peerCorrelationId,
} from './command-side';

const TABLE = 'bench_peer_bare_appends';

/**
 * The baseline beside both stores: one single-row INSERT per command into a bare table (a
 * key and a jsonb column) of the event the command would append, data and metadata: the same
 * payload, no read, no decision, no version check.
 */
export async function bareInsertSide(databaseUrl: string): Promise<CommandSide> {
  const db = await openDatabase({ databaseUrl, poolSize: POOL_CONNECTIONS });
  return {
    connect: (count) => openConnections((sql) => db.query(sql), count),
    async seed() {
      await db.query(`CREATE TABLE ${TABLE} (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`);
    },
    async record(_stream, customerId, interactionId) {
      const { command, context } = recordInteraction(
        customerId,
        interactionId,
        peerCorrelationId(),
      );
      const event = {
        type: 'InteractionRecorded',
        data: {
          ...command.data,
          direction: defaultInteractionDirection(command.data.kind),
          recordedAt: command.metadata.at,
        },
        metadata: metadataOf(context),
      };
      await db.query(`INSERT INTO ${TABLE} (payload) VALUES ($1)`, [JSON.stringify(event)]);
    },
    async appended() {
      const { rows } = await db.query<{ events: string; bytes: string | null }>(
        `SELECT count(*) AS events, avg(pg_column_size(payload)) AS bytes FROM ${TABLE}`,
      );
      return appendedEventsOf(rows[0]);
    },
    close: () => db.close(),
  };
}
