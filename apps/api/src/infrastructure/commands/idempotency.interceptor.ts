import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { AuthenticatedRequest } from '../../auth/api-key.guard';
import { commandContextOf } from './command-context';
import { IdempotencyStore } from './idempotency-store';

/** Canonical JSON: the same body with keys in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` on a command: the same key and body again answers the first answer and
 * writes nothing; the same key with another body is a 422 (API.md, Commands).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.method === 'GET') return next.handle();
    const { idempotencyKey: key } = commandContextOf(request);
    if (!key) return next.handle();
    const scope = request.identity?.keyId ?? 'anonymous';
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonical(request.body)}`)
      .digest('hex');
    const response = context.switchToHttp().getResponse<Response>();
    // Nest sets the status after interceptors run: take it from where Nest will.
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? 201 : 200);
    return from(this.store.claim(scope, key, hash)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            response.status(claim.status);
            response.setHeader('Idempotent-Replayed', 'true');
            return of(claim.body);
          case 'mismatch':
            throw new UnprocessableEntityException(
              'This Idempotency-Key was already used with a different request',
            );
          case 'in-progress':
            throw new ConflictException('A request with this Idempotency-Key is still running');
          case 'new':
            return next.handle().pipe(
              mergeMap((body) =>
                from(this.store.complete(scope, key, status, body)).pipe(mergeMap(() => of(body))),
              ),
              catchError((error: unknown) =>
                from(this.store.release(scope, key)).pipe(
                  mergeMap(() => {
                    throw error;
                  }),
                ),
              ),
            );
        }
      }),
    );
  }
}
