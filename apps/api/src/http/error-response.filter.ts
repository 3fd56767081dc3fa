import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { isConnectionError } from '@app/database';
import { isDomainError } from '@app/domain';
import {
  InvalidAppendError,
  versionAtRevision,
  WrongExpectedRevisionError,
} from '@app/event-store';
import type { Response } from 'express';

/** The error shape of API.md: `{ statusCode, error, message, details? }`. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown[];
}

const reasonPhrase = (status: number) =>
  (HttpStatus[status] ?? 'ERROR')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

function response(status: number, message: string, details?: unknown[]): ErrorResponse {
  return {
    statusCode: status,
    error: reasonPhrase(status),
    message,
    ...(details ? { details } : {}),
  };
}

/** Seconds a client is told to wait (`Retry-After`) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Body-parser errors arrive as plain errors carrying `type` and `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The only place errors become status codes (ARCHITECTURE rule 3): invalid input 400, a body
 * over BODY_LIMIT 413, unknown id 404, stale version or uniqueness clash 409, a refused rule
 * 422, the database unreachable (a restart, a failover) 503 with `Retry-After`.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = this.toResponse(error);
    const res = host.switchToHttp().getResponse<Response>();
    // Every 503 is a wait, not a refusal: a lost database, a read model not caught up yet.
    if (body.statusCode === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    res.status(body.statusCode).json(body);
  }

  toResponse(error: unknown): ErrorResponse {
    if (isDomainError(error)) {
      const status = error.code.endsWith('NOT_FOUND')
        ? 404
        : error.code.endsWith('CONFLICT') || error.code.endsWith('TAKEN')
          ? 409
          : 422;
      const details = error.details ?? [{ code: error.code, message: error.message }];
      return response(status, error.message, details);
    }
    if (error instanceof WrongExpectedRevisionError) {
      // In the versions commands answer and If-Match takes, not the store's 0-based revisions.
      return response(409, 'The resource was changed by someone else: reload it and try again.', [
        {
          code: 'STALE_VERSION',
          expected: versionAtRevision(error.expected),
          actual: versionAtRevision(error.actual),
        },
      ]);
    }
    if (error instanceof InvalidAppendError) return response(400, error.message);
    if (isConnectionError(error)) {
      // A restart or failover, not a fault of the request: the client sends it again (with its
      // Idempotency-Key, so a write whose commit did land is not applied twice).
      this.logger.warn(`Database unavailable: ${(error as Error).message}`);
      const message = 'The database is unavailable; retry shortly.';
      return response(503, message, [{ code: 'DATABASE_UNAVAILABLE', message }]);
    }
    if (error instanceof HttpException) return this.fromHttpException(error);
    const bodyError = error as BodyParserError;
    if (bodyError?.type === 'entity.too.large') {
      return response(413, `The request body is larger than the ${bodyError.limit} bytes allowed.`);
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return response(400, 'The request body is not valid JSON.');
    }
    if (bodyError?.status && bodyError.status >= 400 && bodyError.status < 500) {
      return response(bodyError.status, (error as Error).message);
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return response(500, 'Internal server error');
  }

  private fromHttpException(error: HttpException): ErrorResponse {
    const status = error.getStatus();
    const raw = error.getResponse();
    if (typeof raw === 'string') return response(status, raw);
    const { message, details } = raw as { message?: unknown; details?: unknown[] };
    if (Array.isArray(message)) {
      return response(status, 'The request is invalid.', details ?? message);
    }
    return response(status, typeof message === 'string' ? message : error.message, details);
  }
}
