/**
 * The log on PostgreSQL/PGlite.
 *
 * `position` comes from a sequence, and `transaction_id` is the writer's transaction id. Both
 * are taken by `es_reserve_positions` under one short advisory lock, as the append
 * transaction's first write, so among appends a smaller position always belongs to a smaller
 * transaction id. Readers of the whole log only read events of transactions older than every
 * transaction still running (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`):
 * an append still in flight hides every later position, instead of letting readers step past
 * it and skip it forever once it commits.
 */
export const POSITION_LOCK_KEY = 7_295_836_120;

export const eventStoreSchemaSql = `
CREATE TABLE IF NOT EXISTS es_streams (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS es_position_seq;
CREATE TABLE IF NOT EXISTS es_events (
  position bigint PRIMARY KEY,
  transaction_id xid8 NOT NULL,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  event_type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT es_events_stream_revision UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS es_events_type_position ON es_events (event_type, position);
CREATE OR REPLACE FUNCTION es_reserve_positions(event_count integer)
RETURNS TABLE (transaction_id xid8, first_position bigint) LANGUAGE plpgsql AS $$
DECLARE
  first bigint;
BEGIN
  PERFORM pg_advisory_lock(${POSITION_LOCK_KEY});
  transaction_id := pg_current_xact_id();
  first := nextval('es_position_seq');
  IF event_count > 1 THEN
    PERFORM setval('es_position_seq', first + event_count - 1);
  END IF;
  PERFORM pg_advisory_unlock(${POSITION_LOCK_KEY});
  first_position := first;
  RETURN NEXT;
END $$;
`;

/** Creating the schema from several processes at once must not race on the catalog. */
export const SCHEMA_LOCK_KEY = 7_295_836_121;
