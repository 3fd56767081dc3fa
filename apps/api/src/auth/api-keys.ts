import { createHash, timingSafeEqual } from 'node:crypto';

export const ROLES = ['admin', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyIdentity {
  role: Role;
  /** A short fingerprint of the key: safe to log and to record as who acted. */
  keyId: string;
}

interface ConfiguredKey extends ApiKeyIdentity {
  digest: Buffer;
}

const digestOf = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * The keys of `API_KEYS` (`role:key,…`). Presented keys are compared by SHA-256 digest with
 * `timingSafeEqual`, against every configured key, so the time taken says nothing about
 * how much of a key matched or which one.
 */
export class ApiKeys {
  private readonly keys: ConfiguredKey[];

  constructor(spec: string | undefined) {
    this.keys = (spec ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const separator = entry.indexOf(':');
        const role = entry.slice(0, separator) as Role;
        const key = entry.slice(separator + 1);
        if (!ROLES.includes(role)) throw new Error(`API_KEYS: unknown role ${role}`);
        const digest = digestOf(key);
        return { role, digest, keyId: `${role}:${digest.toString('hex').slice(0, 8)}` };
      });
  }

  get configured(): boolean {
    return this.keys.length > 0;
  }

  identify(presented: string): ApiKeyIdentity | undefined {
    const digest = digestOf(presented);
    let found: ConfiguredKey | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, digest) && !found) found = key;
    }
    return found && { role: found.role, keyId: found.keyId };
  }
}
