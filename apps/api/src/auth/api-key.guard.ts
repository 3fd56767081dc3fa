import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig } from '@app/application';
import { IS_PUBLIC } from '../http/public.decorator';
import { APP_CONFIG } from '@app/application';
import { ApiKeyIdentity, ApiKeys, Role } from './api-keys';
import { ALLOWED_ROLES } from './access.decorator';

export type AuthenticatedRequest = Request & { identity?: ApiKeyIdentity };

/**
 * `Authorization: Bearer <key>` on every endpoint but the public ones: no or unknown key 401,
 * a role the endpoint does not allow 403. An endpoint that declares no roles is admin-only.
 * With no API_KEYS configured outside production, every caller is an admin (a fresh clone's
 * `npm start` is usable at once); in production the service refuses to start without keys.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: ApiKeys;
  private readonly open: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = new ApiKeys(config.API_KEYS);
    this.open = !this.keys.configured;
    if (this.open && process.env.NODE_ENV === 'production') {
      throw new Error('API_KEYS must be set in production');
    }
    if (this.open) {
      new Logger('Auth').warn('API_KEYS is not set: every request is treated as admin');
    }
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.open) {
      request.identity = { role: 'admin', keyId: 'admin:open', delegate: true };
      return true;
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new UnauthorizedException('An API key is required: Authorization: Bearer <key>');
    const identity = this.keys.identify(match[1]);
    if (!identity) throw new UnauthorizedException('Unknown API key');
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? ['admin'];
    if (!allowed.includes(identity.role)) {
      throw new ForbiddenException(`The ${identity.role} role may not do this`);
    }
    request.identity = identity;
    return true;
  }
}
