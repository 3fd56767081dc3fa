import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { invalidInput, requestInputProblem } from '../http/request-input';
import { consoleLanguageOf } from './console-i18n';
import { ConsoleViews } from './console-views';

/**
 * The API's checks of a request's raw input (NUL, bad UTF-8 or percent-encoding in the path or
 * the query; a form body that is not UTF-8 or too large), answered on `/console` as the
 * console answers: an HTML page with the status and the problem, in the browser's language —
 * not the API's JSON. They run before the console's routes, as the API's guard does.
 */
export function consoleInputGuards(views: ConsoleViews) {
  const page = (request: Request, response: Response, status: number, message: string) => {
    const frame = {
      lang: consoleLanguageOf(request.headers['accept-language']),
      session: null,
      csrf: null,
    };
    response
      .status(status)
      .type('html')
      .send(views.page('@message', frame, String(status), { heading: status, message }));
  };
  return {
    /** The path and query, as `requestInputGuard` checks them for the API. */
    checkInput(request: Request, response: Response, next: NextFunction): void {
      const problem = requestInputProblem(request);
      if (problem) page(request, response, 400, invalidInput(problem).message);
      else next();
    },
    /** What the form parser refused (bad UTF-8, too large, malformed). */
    bodyRefused(error: unknown, request: Request, response: Response, _next: NextFunction): void {
      const status =
        error instanceof HttpException
          ? error.getStatus()
          : Number((error as { status?: unknown }).status) || 400;
      const message = error instanceof Error ? error.message : 'Invalid input';
      page(request, response, status >= 400 && status < 500 ? status : 400, message);
    },
  };
}
