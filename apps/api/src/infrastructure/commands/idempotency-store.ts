import { SqlDatabase } from '@app/database';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/**
 * Remembers the first answer to each `Idempotency-Key` (per API key), in the same database
 * as the read models. A key is claimed before the command runs, so two concurrent requests
 * with one key cannot both write.
 */
export class IdempotencyStore {
  constructor(private readonly database: SqlDatabase) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await this.database.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
       VALUES ($1, $2, $3, 'pending', now()) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.rows.length > 0) return { kind: 'new' };
    const { rows } = await this.database.query<{
      request_hash: string;
      status: string;
      response_status: number | null;
      response_body: unknown;
    }>(
      `SELECT request_hash, status, response_status, response_body FROM idempotency_keys
       WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const found = rows[0];
    if (!found) return this.claim(scope, key, requestHash);
    if (found.request_hash !== requestHash) return { kind: 'mismatch' };
    if (found.status !== 'done') return { kind: 'in-progress' };
    return { kind: 'replay', status: found.response_status ?? 200, body: found.response_body };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.database.query(
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4
       WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** The command was refused or failed: nothing was written, so the key may be used again. */
  async release(scope: string, key: string): Promise<void> {
    await this.database.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'pending'`,
      [scope, key],
    );
  }
}
