import type { Request } from 'express';
import { consoleLanguageOf } from './console-i18n';
import { ConsoleSession, SESSION_COOKIE } from './console-session';
import { PageFrame } from './console-views';

/** A console request once its session is checked (`ConsoleSessionGuard`). */
export type ConsoleRequest = Request & {
  consoleSession?: ConsoleSession;
  consoleCookie?: string;
  consoleCsrf?: string;
};

/** One cookie of the request's `Cookie` header (no cookie parser on the API). */
export function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export const sessionCookieOf = (request: Request) => cookieOf(request, SESSION_COOKIE);

export function frameOf(request: ConsoleRequest): PageFrame {
  return {
    lang: consoleLanguageOf(request.headers['accept-language']),
    session: request.consoleSession ?? null,
    csrf: request.consoleCsrf ?? null,
  };
}

/** Whether the request came from htmx (answer a fragment, not a page). */
export const isHtmx = (request: Request) => request.headers['hx-request'] === 'true';
