import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES } from '../auth/access.decorator';
import { Role } from '../auth/api-keys';
import { ConsoleRequest, sessionCookieOf } from './console-request';
import { ConsoleSessions } from './console-session';

/** Thrown for a console page without a valid session: the filter sends the login page. */
export class ConsoleLoginRequired extends Error {}

/** A POST without the session's CSRF token: 403, nothing done. */
export class ConsoleCsrfRefused extends ForbiddenException {
  constructor() {
    super('The form has no valid CSRF token: reload the page');
  }
}

/**
 * Every console route but the login: a valid session cookie, the role the route allows
 * (the API's: `@CommandEndpoint()`, `@AuditEndpoint()`, else every role), and on every POST
 * the session's CSRF token, in the form's `_csrf` field or htmx's `X-CSRF-Token` header.
 */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ConsoleSessions) private readonly sessions: ConsoleSessions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const cookie = sessionCookieOf(request);
    const session = this.sessions.verify(cookie);
    if (!session || !cookie) throw new ConsoleLoginRequired();
    request.consoleSession = session;
    request.consoleCookie = cookie;
    request.consoleCsrf = this.sessions.csrfTokenFor(cookie);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = request.body as Record<string, unknown> | undefined;
      const presented = body?._csrf ?? request.headers['x-csrf-token'];
      if (!this.sessions.csrfTokenMatches(cookie, presented)) throw new ConsoleCsrfRefused();
    }
    const targets = [context.getHandler(), context.getClass()];
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(session.role))
      throw new ForbiddenException(`The ${session.role} role may not do this`);
    return true;
  }
}
