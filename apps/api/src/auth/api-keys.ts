import { createHash, timingSafeEqual } from 'node:crypto';

export const ROLES = ['admin', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyIdentity {
  role: Role;
  /** A short fingerprint of the key: safe to log and to record as who acted. */
  keyId: string;
  /**
   * The key may name the person it acts for (`X-Actor`): a front office that authenticates
   * its own users. Any other key acts as itself. Configured as `role+delegate:key`.
   */
  delegate: boolean;
}

interface ConfiguredKey extends ApiKeyIdentity {
  digest: Buffer;
}

const digestOf = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * The keys of `API_KEYS` (`role:key,…`, `role+delegate:key` for a key that may act for
 * others). Presented keys are compared by SHA-256 digest with
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
        const [role, marker] = entry.slice(0, separator).split('+') as [Role, string?];
        const key = entry.slice(separator + 1);
        if (!ROLES.includes(role)) throw new Error(`API_KEYS: unknown role ${role}`);
        if (marker !== undefined && marker !== 'delegate')
          throw new Error(`API_KEYS: unknown marker +${marker} (only +delegate)`);
        const digest = digestOf(key);
        const keyId = `${role}:${digest.toString('hex').slice(0, 8)}`;
        return { role, digest, keyId, delegate: marker === 'delegate' };
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
    return found && { role: found.role, keyId: found.keyId, delegate: found.delegate };
  }
}
