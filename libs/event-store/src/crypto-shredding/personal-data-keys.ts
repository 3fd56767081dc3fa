import { SqlDatabase } from '@app/database';
import { newDataKey } from './personal-data-cipher';

/** A subject's data key, or the fact that it was destroyed (its personal data erased). */
export type SubjectKey = Buffer | 'erased';

/**
 * The per-subject data keys, kept outside the log: destroying one makes every personal value
 * sealed under it unreadable, while the log itself stays append-only and untouched.
 */
export interface PersonalDataKeys {
  /** The subject's key, created on first use; `'erased'` once destroyed (never re-created). */
  keyFor(subject: string): Promise<SubjectKey>;
  /** The keys of these subjects; a subject that never had one is absent from the map. */
  keysOf(subjects: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** Destroys the subject's key for good. Idempotent. */
  destroy(subject: string): Promise<void>;
}

const KEYS_SCHEMA_LOCK_KEY = 7_295_836_122;

/**
 * The key table, in the SQL database whichever adapter holds the log (EventStoreDB too). Its
 * own table, never the log's: erasing sets `data_key` to NULL and keeps when it happened.
 */
export const personalDataKeysSchemaSql = `
CREATE TABLE IF NOT EXISTS personal_data_keys (
  subject text PRIMARY KEY,
  data_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz,
  CONSTRAINT personal_data_keys_erased_has_no_key CHECK (erased_at IS NULL OR data_key IS NULL)
);
`;

interface KeyRow {
  subject: string;
  data_key: string | null;
}

export class SqlPersonalDataKeys implements PersonalDataKeys {
  private constructor(private readonly db: SqlDatabase) {}

  static async create(db: SqlDatabase): Promise<SqlPersonalDataKeys> {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${KEYS_SCHEMA_LOCK_KEY})`);
      await tx.query(personalDataKeysSchemaSql);
    });
    return new SqlPersonalDataKeys(db);
  }

  /**
   * Created and read in one statement. When it answers no row — a concurrent creator committed
   * after this statement's snapshot, so the conflict is seen but the row is not — the key is
   * read again.
   */
  async keyFor(subject: string): Promise<SubjectKey> {
    const { rows } = await this.db.query<{ data_key: string | null }>(
      `WITH created AS (
         INSERT INTO personal_data_keys (subject, data_key) VALUES ($1, $2)
         ON CONFLICT (subject) DO NOTHING RETURNING data_key
       )
       SELECT data_key FROM created
       UNION ALL
       SELECT data_key FROM personal_data_keys
       WHERE subject = $1 AND NOT EXISTS (SELECT 1 FROM created)`,
      [subject, newDataKey().toString('base64')],
    );
    if (rows.length === 0) return (await this.keysOf([subject])).get(subject) ?? 'erased';
    return rows[0].data_key === null ? 'erased' : Buffer.from(rows[0].data_key, 'base64');
  }

  async keysOf(subjects: readonly string[]): Promise<Map<string, SubjectKey>> {
    if (subjects.length === 0) return new Map();
    const { rows } = await this.db.query<KeyRow>(
      'SELECT subject, data_key FROM personal_data_keys WHERE subject = ANY($1::text[])',
      [[...new Set(subjects)]],
    );
    return new Map(
      rows.map((row) => [
        row.subject,
        row.data_key === null ? 'erased' : Buffer.from(row.data_key, 'base64'),
      ]),
    );
  }

  async destroy(subject: string): Promise<void> {
    await this.db.query(
      `INSERT INTO personal_data_keys (subject, data_key, erased_at) VALUES ($1, NULL, now())
       ON CONFLICT (subject) DO UPDATE
         SET data_key = NULL, erased_at = COALESCE(personal_data_keys.erased_at, now())`,
      [subject],
    );
  }
}
