import { AppConfig } from '../config/app-config';
import { CustomerUniqueValues } from '../customers/customer-unique-values';
import { CustomerWrites } from '../customers/customer-writes';
import { APP_CONFIG } from '../storage/tokens';
import { PortalLoginLimits } from './portal-login-attempts';
import { portalTokenSecret } from './portal-token-secret';
import { PortalTokens } from './portal-tokens';
import { PORTAL_TOKENS, PortalSessions } from './portal-sessions';
import { RegeneratePortalPasswordHandler } from './regenerate-portal-password.handler';

/**
 * Everything the portal capability registers with Nest but the delivery of the passwords
 * (`PORTAL_PASSWORD_DELIVERY`), which the API module binds.
 */
export const portalApplicationProviders = [
  CustomerUniqueValues,
  CustomerWrites,
  RegeneratePortalPasswordHandler,
  PortalSessions,
  PortalLoginLimits,
  {
    provide: PORTAL_TOKENS,
    inject: [APP_CONFIG],
    useFactory: async (config: AppConfig) =>
      new PortalTokens(await portalTokenSecret(config), config.PORTAL_TOKEN_TTL_SECONDS),
  },
];
