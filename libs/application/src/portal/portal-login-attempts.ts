import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '../storage/tokens';

/**
 * Failed logins allowed within the window (rule 26): 5 per e-mail (a password guessed), 20 per
 * client address (many e-mails tried from one place, yet room for a shared NAT's customers).
 */
export const PORTAL_LOGIN_MAX_FAILURES_PER_EMAIL = 5;
export const PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
export const PORTAL_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * The two counts a portal login is checked against, per e-mail (in any case) and per client
 * address, kept in the database (`portal_login_failures`) so that every API process on it
 * counts the same failures and a restart forgets none. A key with its maximum of failures in
 * the window is refused until the oldest leaves it. Keys are stored as SHA-256 digests.
 */
@Injectable()
export class PortalLoginLimits {
  private readonly windowMs = PORTAL_LOGIN_WINDOW_MS;

  constructor(@Inject(SQL_DATABASE) private readonly database: SqlDatabase) {}

  /** Seconds until a login for `email` from `address` may be tried; 0: now. */
  async retryAfterSeconds(email: string, address: string, now = Date.now()): Promise<number> {
    const waits = await Promise.all([
      this.waitOf(emailKey(email), PORTAL_LOGIN_MAX_FAILURES_PER_EMAIL, now),
      this.waitOf(addressKey(address), PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS, now),
    ]);
    return Math.max(0, ...waits);
  }

  async recordFailure(email: string, address: string, now = Date.now()): Promise<void> {
    await this.database.query(
      `INSERT INTO portal_login_failures (limit_key, failed_at_ms) VALUES ($1, $3), ($2, $3)`,
      [emailKey(email), addressKey(address), now],
    );
    await this.database.query('DELETE FROM portal_login_failures WHERE failed_at_ms <= $1', [
      now - this.windowMs,
    ]);
  }

  /** A login that succeeded forgets the e-mail's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.database.query('DELETE FROM portal_login_failures WHERE limit_key = $1', [
      emailKey(email),
    ]);
  }

  /** Seconds until `key` may try again: 0 unless `maxFailures` fell in the window. */
  private async waitOf(key: string, maxFailures: number, now: number): Promise<number> {
    const { rows } = await this.database.query<{ failed_at_ms: string | number }>(
      `SELECT failed_at_ms FROM portal_login_failures
        WHERE limit_key = $1 AND failed_at_ms > $2
        ORDER BY failed_at_ms DESC LIMIT $3`,
      [key, now - this.windowMs, maxFailures],
    );
    if (rows.length < maxFailures) return 0;
    const oldestCounted = Number(rows[rows.length - 1].failed_at_ms);
    return Math.max(0, Math.ceil((oldestCounted + this.windowMs - now) / 1000));
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');
const emailKey = (email: string) => `email:${digest(email.trim().toLowerCase())}`;
const addressKey = (address: string) => `ip:${digest(address)}`;
