import {
  BadRequestException,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { parseMinPosition, PortalSessions, ProjectionProgress } from '@app/application';

type PortalRequest = Request & { portalCustomerId?: string };

/**
 * Rule 26: `/portal/me/…` opens only with `Authorization: Bearer <portal token>` from
 * `POST /portal/sessions`, for that token's customer. Its routes are `@Public()` to the API-key
 * guard, so an operator's API key opens nothing here; and a portal token is no API key, so it
 * opens no operator route.
 */
@Injectable()
export class PortalTokenGuard implements CanActivate {
  constructor(
    private readonly sessions: PortalSessions,
    private readonly progress: ProjectionProgress,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    // Guards run before interceptors: X-Min-Position is honoured here too, so a token is
    // judged on credentials that include the caller's last write (a regeneration, an erasure).
    const position = parseMinPosition(request.headers['x-min-position']);
    if (position === -1n)
      throw new BadRequestException(
        'X-Min-Position must be a log position (a non-negative integer)',
      );
    await this.progress.waitFor(position);
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const customerId = match === null ? null : await this.sessions.customerOf(match[1]);
    if (customerId === null)
      throw new UnauthorizedException(
        'A valid portal token is required (Authorization: Bearer <token> from POST /portal/sessions); log in again.',
      );
    request.portalCustomerId = customerId;
    return true;
  }
}

/** The customer the request's portal token opens (set by `PortalTokenGuard`). */
export const PortalCustomer = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const customerId = context.switchToHttp().getRequest<PortalRequest>().portalCustomerId;
  if (customerId === undefined)
    throw new Error('PortalCustomer is read only behind PortalTokenGuard');
  return customerId;
});
