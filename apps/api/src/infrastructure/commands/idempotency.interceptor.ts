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
import { catchError, finalize, mergeMap } from 'rxjs/operators';
import { isConnectionError } from '@app/database';
import type { AuthenticatedRequest } from '../../auth/api-key.guard';
import { ErrorResponseFilter } from '../../http/error-response.filter';
import { commandContextOf } from './command-context';
import { IdempotencyClaim, IdempotencyStore } from '@app/application';
import { AnswerFromEvents, RECOVERED_ANSWER } from './recovered-answer';

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
 * writes nothing; the same key with another body is a 422 (API.md, Commands). A key whose
 * process died mid-request is recovered: if the request wrote its events, the retry gets the
 * answer rebuilt from them (routes with `@AnswerRebuiltFromStream`) or a 409
 * `IDEMPOTENT_REQUEST_APPLIED`; if it wrote nothing, the request runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly errors = new ErrorResponseFilter();

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.method === 'GET') return next.handle();
    const { idempotencyKey: key, correlationId } = commandContextOf(request);
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
    return from(this.store.claim({ scope, key, requestHash: hash, correlationId })).pipe(
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
          case 'applied': {
            const rebuild = Reflect.getMetadata(RECOVERED_ANSWER, context.getHandler()) as
              AnswerFromEvents | undefined;
            return from(this.answerApplied(scope, key, status, claim, rebuild)).pipe(
              mergeMap((answer) => {
                response.status(answer.status);
                response.setHeader('Idempotent-Replayed', 'true');
                return of(answer.body);
              }),
            );
          }
          case 'new':
            return next.handle().pipe(
              catchError((error: unknown) =>
                from(this.releaseAfter(scope, key, error)).pipe(
                  mergeMap(() => {
                    throw error;
                  }),
                ),
              ),
              // An answer that cannot be saved leaves the key pending: the retry finds the
              // request's events in the log (it was applied) instead of running it twice.
              mergeMap((body) =>
                from(this.store.complete(scope, key, status, body)).pipe(mergeMap(() => of(body))),
              ),
              finalize(() => this.store.settled(scope, key)),
            );
        }
      }),
    );
  }

  /**
   * A refused or failed command wrote nothing: its key may be used again. Not so when the
   * database went away mid-command (a commit may have happened): the key stays pending and
   * the retry reads the log to learn the outcome. A release that fails leaves it pending too.
   */
  private async releaseAfter(scope: string, key: string, error: unknown): Promise<void> {
    if (isConnectionError(error)) return;
    await this.store.release(scope, key).catch(() => undefined);
  }

  /**
   * The answer to a request its dead process had applied, saved as the key's answer so every
   * later retry gets it too: rebuilt from its events where the route allows, else a 409
   * telling the client it was applied (so it must not be sent again under a new key).
   */
  private async answerApplied(
    scope: string,
    key: string,
    status: number,
    claim: Extract<IdempotencyClaim, { kind: 'applied' }>,
    rebuild: AnswerFromEvents | undefined,
  ): Promise<{ status: number; body: unknown }> {
    const rebuilt = rebuild?.(claim.events);
    const answer =
      rebuilt !== undefined
        ? { status, body: rebuilt }
        : { status: 409, body: this.errors.toResponse(appliedConflict(claim)) };
    await this.store.complete(scope, key, answer.status, answer.body);
    return answer;
  }
}

function appliedConflict(claim: Extract<IdempotencyClaim, { kind: 'applied' }>) {
  const positions = claim.events.map((event) => Number(event.position));
  return new ConflictException({
    message:
      'The request with this Idempotency-Key was applied, but the process running it stopped ' +
      'before answering: do not send it again; read the resource to see its outcome.',
    details: [
      {
        code: 'IDEMPOTENT_REQUEST_APPLIED',
        correlationId: claim.correlationId,
        events: positions.length,
        position: Math.max(...positions),
      },
    ],
  });
}
