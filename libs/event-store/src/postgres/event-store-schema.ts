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
-- One append in one call, so an append outside a caller's transaction is one round trip: the
-- positions reserved first (the transaction's first write, as es_reserve_positions), then the
-- stream checked against the writer's expectation and advanced, the events inserted and other
-- processes notified. A wrong expectation answers next_revision NULL and the stream's current
-- revision (NULL: no stream), having written nothing.
CREATE OR REPLACE FUNCTION es_append(
  stream text, expected_kind text, expected bigint, ids uuid[], types text[], versions int[],
  datas jsonb[], metadatas jsonb[], occurred timestamptz[], notify_channel text
) RETURNS TABLE (next_revision bigint, last_position bigint, current_revision bigint)
LANGUAGE plpgsql AS $$
DECLARE
  reserved record;
  n integer := cardinality(ids);
  advanced bigint;
BEGIN
  BEGIN
    SELECT * INTO reserved FROM es_reserve_positions(n);
  EXCEPTION WHEN OTHERS THEN
    -- The position lock is the session's: never leave it held on a pooled connection.
    PERFORM pg_advisory_unlock_all();
    RAISE;
  END;
  IF expected_kind = 'no_stream' THEN
    INSERT INTO es_streams (stream_id, revision) VALUES (stream, n - 1)
      ON CONFLICT (stream_id) DO NOTHING RETURNING revision INTO advanced;
  ELSIF expected_kind = 'any' THEN
    INSERT INTO es_streams (stream_id, revision) VALUES (stream, n - 1)
      ON CONFLICT (stream_id) DO UPDATE SET revision = es_streams.revision + n
      RETURNING revision INTO advanced;
  ELSIF expected_kind = 'stream_exists' THEN
    UPDATE es_streams SET revision = revision + n WHERE stream_id = stream
      RETURNING revision INTO advanced;
  ELSE
    UPDATE es_streams SET revision = revision + n WHERE stream_id = stream AND revision = expected
      RETURNING revision INTO advanced;
  END IF;
  IF advanced IS NULL THEN
    next_revision := NULL;
    last_position := NULL;
    SELECT s.revision INTO current_revision FROM es_streams s WHERE s.stream_id = stream;
    RETURN NEXT;
    RETURN;
  END IF;
  INSERT INTO es_events
    (position, transaction_id, stream_id, revision, event_id, event_type, schema_version,
     data, metadata, occurred_at)
  SELECT reserved.first_position + e.i - 1, reserved.transaction_id, stream,
         advanced - n + e.i, e.id, e.type, e.version, e.data, e.metadata, e.occurred_at
  FROM unnest(ids, types, versions, datas, metadatas, occurred)
       WITH ORDINALITY AS e(id, type, version, data, metadata, occurred_at, i);
  IF notify_channel IS NOT NULL THEN
    PERFORM pg_notify(notify_channel, (reserved.first_position + n - 1)::text);
  END IF;
  next_revision := advanced;
  last_position := reserved.first_position + n - 1;
  current_revision := advanced;
  RETURN NEXT;
END $$;
-- Several streams' appends in one call, all or none (appendMany outside a caller's
-- transaction): one round trip where BEGIN, the reservation, each stream's check and INSERT,
-- the notification and COMMIT took 4 + 2 per stream. The events come flat, in the streams'
-- order, counts saying how many belong to each. The positions are reserved first, for
-- every event at once. A wrong expectation undoes every stream already written (the block's
-- subtransaction) and answers failed_index, the stream's 1-based index, and its current
-- revision (NULL: no stream).
CREATE OR REPLACE FUNCTION es_append_many(
  streams text[], expected_kinds text[], expecteds bigint[], counts int[], ids uuid[],
  types text[], versions int[], datas jsonb[], metadatas jsonb[], occurred timestamptz[],
  notify_channel text
) RETURNS TABLE (next_revisions bigint[], last_positions bigint[], failed_index integer,
                 current_revision bigint)
LANGUAGE plpgsql AS $$
DECLARE
  reserved record;
  total integer := cardinality(ids);
  k integer;
  n integer;
  offset_in integer := 0;
  advanced bigint;
  failed integer;
BEGIN
  BEGIN
    SELECT * INTO reserved FROM es_reserve_positions(total);
    next_revisions := '{}';
    last_positions := '{}';
    FOR k IN 1 .. cardinality(streams) LOOP
      n := counts[k];
      advanced := NULL;
      IF expected_kinds[k] = 'no_stream' THEN
        INSERT INTO es_streams (stream_id, revision) VALUES (streams[k], n - 1)
          ON CONFLICT (stream_id) DO NOTHING RETURNING revision INTO advanced;
      ELSIF expected_kinds[k] = 'any' THEN
        INSERT INTO es_streams (stream_id, revision) VALUES (streams[k], n - 1)
          ON CONFLICT (stream_id) DO UPDATE SET revision = es_streams.revision + n
          RETURNING revision INTO advanced;
      ELSIF expected_kinds[k] = 'stream_exists' THEN
        UPDATE es_streams SET revision = revision + n WHERE stream_id = streams[k]
          RETURNING revision INTO advanced;
      ELSE
        UPDATE es_streams SET revision = revision + n
          WHERE stream_id = streams[k] AND revision = expecteds[k]
          RETURNING revision INTO advanced;
      END IF;
      IF advanced IS NULL THEN
        failed := k;
        RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'wrong expected revision';
      END IF;
      INSERT INTO es_events
        (position, transaction_id, stream_id, revision, event_id, event_type, schema_version,
         data, metadata, occurred_at)
      SELECT reserved.first_position + offset_in + e.i - 1, reserved.transaction_id,
             streams[k], advanced - n + e.i, e.id, e.type, e.version, e.data, e.metadata,
             e.occurred_at
      FROM unnest(ids[offset_in + 1 : offset_in + n], types[offset_in + 1 : offset_in + n],
                  versions[offset_in + 1 : offset_in + n], datas[offset_in + 1 : offset_in + n],
                  metadatas[offset_in + 1 : offset_in + n],
                  occurred[offset_in + 1 : offset_in + n])
           WITH ORDINALITY AS e(id, type, version, data, metadata, occurred_at, i);
      offset_in := offset_in + n;
      next_revisions := next_revisions || advanced;
      last_positions := last_positions || (reserved.first_position + offset_in - 1);
    END LOOP;
  EXCEPTION
    WHEN SQLSTATE 'ES409' THEN
      next_revisions := NULL;
      last_positions := NULL;
      failed_index := failed;
      SELECT s.revision INTO current_revision FROM es_streams s WHERE s.stream_id = streams[failed];
      RETURN NEXT;
      RETURN;
    WHEN OTHERS THEN
      -- The position lock is the session's: never leave it held on a pooled connection.
      PERFORM pg_advisory_unlock_all();
      RAISE;
  END;
  IF notify_channel IS NOT NULL THEN
    PERFORM pg_notify(notify_channel, (reserved.first_position + total - 1)::text);
  END IF;
  RETURN NEXT;
END $$;
`;

/** Creating the schema from several processes at once must not race on the catalog. */
export const SCHEMA_LOCK_KEY = 7_295_836_121;
