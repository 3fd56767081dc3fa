import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a portal token vouches for: one customer, under one password, until `expiresAt`. */
export interface PortalTokenClaims {
  customerId: string;
  /** The password it was issued under: regenerating the password voids it. */
  regenerationId: string;
  expiresAt: Date;
}

/**
 * Rule 26's short-lived portal tokens: `<payload>.<signature>`, the payload base64url JSON
 * `{ c: customerId, r: regenerationId, e: expiry in epoch seconds }`, the signature its
 * HMAC-SHA256 under the portal's secret. They open only `/portal/me/…`, never an operator route.
 */
export class PortalTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlSeconds: number,
  ) {
    if (secret.length < 32) throw new Error('A portal token secret takes 32 bytes or more');
  }

  issue(
    customerId: string,
    regenerationId: string,
    now = new Date(),
  ): { token: string; expiresAt: Date } {
    const expiry = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ c: customerId, r: regenerationId, e: expiry }));
    const encoded = payload.toString('base64url');
    return { token: `${encoded}.${this.sign(encoded)}`, expiresAt: new Date(expiry * 1000) };
  }

  /** The claims of a token this secret signed and that has not expired; else null. */
  verify(token: string, now = new Date()): PortalTokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [encoded, signature] = parts;
    const expected = Buffer.from(this.sign(encoded), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = parseClaims(encoded);
    if (claims === null || claims.expiresAt.getTime() <= now.getTime()) return null;
    return claims;
  }

  private sign(encoded: string): string {
    return createHmac('sha256', this.secret).update(encoded).digest('base64url');
  }
}

function parseClaims(encoded: string): PortalTokenClaims | null {
  try {
    const { c, r, e } = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as {
      c?: unknown;
      r?: unknown;
      e?: unknown;
    };
    if (typeof c !== 'string' || typeof r !== 'string' || !Number.isSafeInteger(e)) return null;
    return { customerId: c, regenerationId: r, expiresAt: new Date((e as number) * 1000) };
  } catch {
    return null;
  }
}
