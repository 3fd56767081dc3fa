import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { currentPortalRegeneration, portalLoginByEmail } from '@app/read-models';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../storage/read-models.module';
import { PortalLoginLimits } from './portal-login-attempts';
import { verifyPortalPassword } from './portal-password';
import { PortalTokens } from './portal-tokens';

export const PORTAL_TOKENS = Symbol('PORTAL_TOKENS');

/** Wrong e-mail or password, said alike whichever it was. */
export class PortalLoginRefused extends Error {
  constructor() {
    super('The e-mail or the password is wrong.');
  }
}

/** Too many failed logins for the e-mail or from the address: wait `retryAfterSeconds`. */
export class PortalLoginThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface PortalSession {
  token: string;
  expiresAt: string;
  customerId: string;
}

/**
 * Rule 26's portal logins and the tokens they give. A login is checked in constant time (scrypt
 * runs, and the hashes are compared with `timingSafeEqual`, whether the e-mail is known or
 * not) and rate-limited per e-mail and per client address; a token opens only its customer's
 * `/portal/me/…`, and only while its password is the customer's current one.
 */
@Injectable()
export class PortalSessions implements OnModuleInit {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(PORTAL_TOKENS) private readonly tokens: PortalTokens,
    private readonly limits: PortalLoginLimits,
  ) {}

  /** The dummy hash unknown e-mails are checked against, made before the first login. */
  async onModuleInit(): Promise<void> {
    await verifyPortalPassword('', null);
  }

  async open(email: string, password: string, clientAddress: string): Promise<PortalSession> {
    const wait = await this.limits.retryAfterSeconds(email, clientAddress);
    if (wait > 0) throw new PortalLoginThrottled(wait);
    const login = await portalLoginByEmail(this.readModels, email);
    const valid = await verifyPortalPassword(password, login?.passwordHash ?? null);
    if (!valid || login === null) {
      await this.limits.recordFailure(email, clientAddress);
      throw new PortalLoginRefused();
    }
    await this.limits.succeeded(email);
    const { token, expiresAt } = this.tokens.issue(login.customerId, login.regenerationId);
    return { token, expiresAt: expiresAt.toISOString(), customerId: login.customerId };
  }

  /** The customer a token opens, or null: forged, expired, or its password regenerated since. */
  async customerOf(token: string): Promise<string | null> {
    const claims = this.tokens.verify(token);
    if (claims === null) return null;
    const current = await currentPortalRegeneration(this.readModels, claims.customerId);
    return current === claims.regenerationId ? claims.customerId : null;
  }
}
