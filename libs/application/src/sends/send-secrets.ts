import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SqlDatabase } from '@app/database';
import { PersonalDataKeys, SqlPersonalDataKeys } from '@app/event-store';

/** A secret held for a message could not be read: never held, already used, or erased. */
export class SendSecretUnavailableError extends Error {
  override readonly name = 'SendSecretUnavailableError';
}

interface SealedSecret {
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * Secrets a message carries (the portal password, rule 26) and that must stand in no event,
 * read model nor log line: held here before the event that triggers the message is appended,
 * read when the message is rendered, deleted once it is sent or given up. Sealed with AES-256-GCM
 * under the customer's personal-data key (the one the log's personal data is sealed with), bound
 * to their key, so erasing the customer makes them unreadable. Their own table, not a projection.
 */
export class SendSecrets {
  private constructor(
    private readonly database: SqlDatabase,
    private readonly keys: PersonalDataKeys,
  ) {}

  static async open(database: SqlDatabase): Promise<SendSecrets> {
    return new SendSecrets(database, await SqlPersonalDataKeys.create(database));
  }

  /** Holds `secret` under `key` (holding it again replaces it). */
  async hold(key: string, customerId: string, secret: Record<string, string>): Promise<void> {
    const dataKey = await this.keys.keyFor(customerId);
    if (dataKey === 'erased')
      throw new SendSecretUnavailableError(
        `customer ${customerId} is erased: no secret is held for it`,
      );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(Buffer.from(key));
    const ciphertext = Buffer.concat([
      cipher.update(JSON.stringify(secret), 'utf8'),
      cipher.final(),
    ]);
    const sealed: SealedSecret = {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
    await this.database.query(
      `INSERT INTO send_secrets (secret_key, customer_id, sealed) VALUES ($1, $2, $3)
       ON CONFLICT (secret_key) DO UPDATE SET customer_id = EXCLUDED.customer_id,
         sealed = EXCLUDED.sealed, held_at = now()`,
      [key, customerId, JSON.stringify(sealed)],
    );
  }

  /** The secret held under `key`; throws `SendSecretUnavailableError` when there is none to read. */
  async read(key: string): Promise<Record<string, string>> {
    const { rows } = await this.database.query<{ customer_id: string; sealed: string }>(
      'SELECT customer_id, sealed FROM send_secrets WHERE secret_key = $1',
      [key],
    );
    if (rows.length === 0) throw new SendSecretUnavailableError(`no secret is held under ${key}`);
    const dataKey = (await this.keys.keysOf([rows[0].customer_id])).get(rows[0].customer_id);
    if (dataKey === undefined || dataKey === 'erased')
      throw new SendSecretUnavailableError(`the secret under ${key} was erased with its customer`);
    const sealed = JSON.parse(rows[0].sealed) as SealedSecret;
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(sealed.iv, 'base64'))
      .setAAD(Buffer.from(key))
      .setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as Record<string, string>;
  }

  /** The keys of every secret held now. */
  async heldKeys(): Promise<string[]> {
    const { rows } = await this.database.query<{ secret_key: string }>(
      'SELECT secret_key FROM send_secrets ORDER BY held_at',
    );
    return rows.map((row) => row.secret_key);
  }

  /** Forgets the secret (its message was sent or given up). Idempotent. */
  async release(key: string): Promise<void> {
    await this.database.query('DELETE FROM send_secrets WHERE secret_key = $1', [key]);
  }
}
