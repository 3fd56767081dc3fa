import { SqlExecutor } from '@app/database';
import { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';

/**
 * Checks the writer's expectation against `es_streams` and advances the stream by `count`
 * in the same statement, so concurrent writers queue on the stream's row and all but one
 * find the revision moved. Returns the revision of the first new event.
 */
export async function checkAndAdvanceStream(
  tx: SqlExecutor,
  stream: string,
  count: number,
  expected: ExpectedRevision,
): Promise<bigint> {
  const advanced = await advance(tx, stream, count, expected);
  if (advanced !== undefined) return advanced - BigInt(count) + 1n;
  throw new WrongExpectedRevisionError(stream, expected, await currentRevision(tx, stream));
}

async function advance(
  tx: SqlExecutor,
  stream: string,
  count: number,
  expected: ExpectedRevision,
): Promise<bigint | undefined> {
  let result;
  if (expected === 'no_stream') {
    result = await tx.query<{ revision: string }>(
      `INSERT INTO es_streams (stream_id, revision) VALUES ($1, $2::bigint - 1)
       ON CONFLICT (stream_id) DO NOTHING RETURNING revision`,
      [stream, count],
    );
  } else if (expected === 'any') {
    result = await tx.query<{ revision: string }>(
      `INSERT INTO es_streams (stream_id, revision) VALUES ($1, $2::bigint - 1)
       ON CONFLICT (stream_id) DO UPDATE SET revision = es_streams.revision + $2::bigint
       RETURNING revision`,
      [stream, count],
    );
  } else if (expected === 'stream_exists') {
    result = await tx.query<{ revision: string }>(
      `UPDATE es_streams SET revision = revision + $2::bigint WHERE stream_id = $1
       RETURNING revision`,
      [stream, count],
    );
  } else {
    result = await tx.query<{ revision: string }>(
      `UPDATE es_streams SET revision = revision + $2::bigint
       WHERE stream_id = $1 AND revision = $3::bigint RETURNING revision`,
      [stream, count, expected.toString()],
    );
  }
  return result.rows.length > 0 ? BigInt(result.rows[0].revision) : undefined;
}

async function currentRevision(tx: SqlExecutor, stream: string): Promise<bigint | 'no_stream'> {
  const { rows } = await tx.query<{ revision: string }>(
    'SELECT revision FROM es_streams WHERE stream_id = $1',
    [stream],
  );
  return rows.length > 0 ? BigInt(rows[0].revision) : 'no_stream';
}
