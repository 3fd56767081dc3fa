import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleCsrfRefused, ConsoleLoginRequired } from './console-session.guard';
import { ConsoleViews } from './console-views';

/**
 * Console errors as pages: no session → the login page (303); refusals and missing pages
 * with their status and a message in the page's language; anything else 500, logged.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  constructor(private readonly views: ConsoleViews) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ConsoleRequest>();
    const response = http.getResponse<Response>();
    if (error instanceof ConsoleLoginRequired) {
      if (request.headers['hx-request'] === 'true') {
        response.status(401).setHeader('HX-Redirect', '/console/login').end();
        return;
      }
      response.redirect(303, '/console/login');
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : 500;
    if (status === 500) this.logger.error(error);
    const frame = frameOf(request);
    const t = this.views.messages(frame.lang);
    const message =
      error instanceof ConsoleCsrfRefused
        ? t.csrfRefused
        : status === 404
          ? t.notFound
          : status === 403
            ? `${t.forbidden} ${messageOf(error)}`
            : messageOf(error);
    response
      .status(status)
      .type('html')
      .send(this.views.page('@message', frame, String(status), { heading: status, message }));
  }
}

function messageOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
  }
  return 'Internal error';
}
