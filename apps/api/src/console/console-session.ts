import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../auth/api-keys';
import { ROLES } from '../auth/api-keys';

/** Who is logged in to the console, and until when. */
export interface ConsoleSession {
  role: Role;
  /** The API key's fingerprint (`role:xxxxxxxx`): the commands' `via` and default actor. */
  keyId: string;
  expiresAt: number;
}

export const SESSION_COOKIE = 'console_session';
export const SESSION_TTL_MS = 8 * 60 * 60_000;

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Console sessions as signed cookies (HMAC-SHA256), so any API process holding the same secret
 * serves them and nothing is stored; the CSRF token is derived from the session's cookie, so a
 * page of another origin, which cannot read the cookie, cannot forge it.
 */
export class ConsoleSessions {
  constructor(private readonly secret: Buffer) {}

  issue(role: Role, keyId: string, now = Date.now()): string {
    const payload = base64url(JSON.stringify({ role, keyId, expiresAt: now + SESSION_TTL_MS }));
    return `${payload}.${this.sign(`session:${payload}`)}`;
  }

  /** The session a cookie carries, or null when it is missing, forged, malformed or expired. */
  verify(cookie: string | undefined, now = Date.now()): ConsoleSession | null {
    if (!cookie) return null;
    const [payload, signature, ...rest] = cookie.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    if (!this.equal(signature, this.sign(`session:${payload}`))) return null;
    try {
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      if (!isSession(session) || session.expiresAt <= now) return null;
      return session;
    } catch {
      return null;
    }
  }

  csrfTokenFor(cookie: string): string {
    return this.sign(`csrf:${cookie}`);
  }

  csrfTokenMatches(cookie: string, presented: unknown): boolean {
    return typeof presented === 'string' && this.equal(presented, this.csrfTokenFor(cookie));
  }

  private sign(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('base64url');
  }

  private equal(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  }
}

function isSession(value: unknown): value is ConsoleSession {
  if (typeof value !== 'object' || value === null) return false;
  const { role, keyId, expiresAt } = value as Record<string, unknown>;
  return ROLES.includes(role as Role) && typeof keyId === 'string' && typeof expiresAt === 'number';
}
