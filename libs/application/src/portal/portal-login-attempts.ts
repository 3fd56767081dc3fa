import { Injectable } from '@nestjs/common';

/**
 * Failed logins allowed within the window (rule 26): 5 per e-mail (a password guessed), 20 per
 * client address (many e-mails tried from one place, yet room for a shared NAT's customers).
 */
export const PORTAL_LOGIN_MAX_FAILURES_PER_EMAIL = 5;
export const PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
export const PORTAL_LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Beyond this many tracked keys, the expired ones are swept on the next failure. */
const SWEEP_FROM = 10_000;

/**
 * The failed portal logins of the last window, per key (`email:…`, `ip:…`), in this process's
 * memory: a restart forgets them, and each API process counts its own (documented in
 * docs/portal.md). A key with `maxFailures` failures in the window is refused until the oldest
 * leaves it.
 */
export class PortalLoginAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = PORTAL_LOGIN_MAX_FAILURES_PER_EMAIL,
    private readonly windowMs = PORTAL_LOGIN_WINDOW_MS,
  ) {}

  /** Seconds until any of the keys may try again; 0: all may now. */
  retryAfterSeconds(keys: readonly string[], now = Date.now()): number {
    const waits = keys.map((key) => {
      const recent = this.recent(key, now);
      if (recent.length < this.maxFailures) return 0;
      return Math.ceil((recent[recent.length - this.maxFailures] + this.windowMs - now) / 1000);
    });
    return Math.max(0, ...waits);
  }

  recordFailure(keys: readonly string[], now = Date.now()): void {
    if (this.failures.size > SWEEP_FROM)
      for (const key of [...this.failures.keys()]) this.recent(key, now);
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A successful login forgets the failures of these keys. */
  forget(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}

/** The two counts a portal login is checked against: per e-mail and per client address. */
@Injectable()
export class PortalLoginLimits {
  readonly byEmail = new PortalLoginAttempts(PORTAL_LOGIN_MAX_FAILURES_PER_EMAIL);
  readonly byAddress = new PortalLoginAttempts(PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS);

  /** Seconds until a login for `email` from `address` may be tried; 0: now. */
  retryAfterSeconds(email: string, address: string, now = Date.now()): number {
    return Math.max(
      this.byEmail.retryAfterSeconds([emailKey(email)], now),
      this.byAddress.retryAfterSeconds([address], now),
    );
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    this.byEmail.recordFailure([emailKey(email)], now);
    this.byAddress.recordFailure([address], now);
  }

  /** A login that succeeded forgets the e-mail's failures (not the address's). */
  succeeded(email: string): void {
    this.byEmail.forget([emailKey(email)]);
  }
}

const emailKey = (email: string) => email.trim().toLowerCase();
