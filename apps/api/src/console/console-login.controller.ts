import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '@app/application';
import { ApiKeys } from '../auth/api-keys';
import { Public } from '../http/public.decorator';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf, sessionCookieOf } from './console-request';
import { ConsoleSessions, SESSION_COOKIE, SESSION_TTL_MS } from './console-session';
import { ConsoleViews } from './console-views';

/**
 * `/console/login`: an API key of `API_KEYS` opens a session as its role; with no API_KEYS
 * (outside production, as the API) any non-empty key is an admin. The key itself is never
 * kept: the cookie carries the role and the key's fingerprint, signed.
 */
@ApiExcludeController()
@Public()
@UseFilters(ConsoleExceptionFilter)
@Controller('console')
export class ConsoleLoginController {
  private readonly keys: ApiKeys;

  constructor(
    private readonly views: ConsoleViews,
    @Inject(ConsoleSessions) private readonly sessions: ConsoleSessions,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = new ApiKeys(config.API_KEYS);
  }

  @Get()
  home(@Res() response: Response): void {
    response.redirect(303, '/console/customers');
  }

  @Get('login')
  form(@Req() request: ConsoleRequest, @Res() response: Response): void {
    this.sendLogin(request, response, 200, null);
  }

  @Post('login')
  login(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): void {
    if (!sameOrigin(request)) {
      this.sendLogin(request, response, 403, 'Cross-site login refused');
      return;
    }
    const key = typeof body?.apiKey === 'string' ? body.apiKey.trim() : '';
    const identity = !key
      ? undefined
      : this.keys.configured
        ? this.keys.identify(key)
        : { role: 'admin' as const, keyId: 'admin:open' };
    if (!identity) {
      const t = this.views.messages(frameOf(request).lang);
      this.sendLogin(request, response, 401, t.loginFailed);
      return;
    }
    response.cookie(SESSION_COOKIE, this.sessions.issue(identity.role, identity.keyId), {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/console',
      maxAge: SESSION_TTL_MS,
    });
    response.redirect(303, '/console/customers');
  }

  @Post('logout')
  logout(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): void {
    const cookie = sessionCookieOf(request);
    if (
      cookie &&
      this.sessions.verify(cookie) &&
      !this.sessions.csrfTokenMatches(cookie, body?._csrf)
    ) {
      response.status(403).type('text').send('The form has no valid CSRF token');
      return;
    }
    response.clearCookie(SESSION_COOKIE, { path: '/console', httpOnly: true, sameSite: 'strict' });
    response.redirect(303, '/console/login');
  }

  private sendLogin(
    request: ConsoleRequest,
    response: Response,
    status: number,
    error: string | null,
  ): void {
    const frame = { ...frameOf(request), session: null, csrf: null };
    const t = this.views.messages(frame.lang);
    response
      .status(status)
      .type('html')
      .send(this.views.page('@login', frame, t.login, { error }));
  }
}

/** A browser's login form posts from our own origin; another origin's page is refused. */
function sameOrigin(request: ConsoleRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
