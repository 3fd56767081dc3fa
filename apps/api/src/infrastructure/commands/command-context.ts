import {
  BadRequestException,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
} from '@nestjs/common';
import { v4 as uuid } from 'uuid';
import type { CommandContext } from '@app/application';
import type { AuthenticatedRequest } from '../../auth/api-key.guard';

const SAFE_HEADER = /^[\p{L}\p{N} ._@:/+-]{1,120}$/u;

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw new BadRequestException({
      message: 'If-Match must be the version number a command or query answered',
      details: [{ field: 'If-Match', problems: ['must be a non-negative integer version'] }],
    });
  }
  return Number(match[1]);
}

function optionalHeader(request: AuthenticatedRequest, name: string): string | undefined {
  const value = header(request, name);
  if (value === undefined || value === '') return undefined;
  if (!SAFE_HEADER.test(value)) {
    throw new BadRequestException({
      message: `The ${name} header has characters it may not contain`,
      details: [{ field: name, problems: ['1–120 letters, digits, spaces or . _ @ : / + -'] }],
    });
  }
  return value;
}

/** One correlation id per request, however often its context is asked for. */
const generatedCorrelationIds = new WeakMap<object, string>();

function correlationIdOf(request: AuthenticatedRequest): string {
  const given = optionalHeader(request, 'x-correlation-id');
  if (given) return given;
  let generated = generatedCorrelationIds.get(request);
  if (!generated) {
    generated = uuid();
    generatedCorrelationIds.set(request, generated);
  }
  return generated;
}

/**
 * `X-Actor` is a claim about who is acting: only a key allowed to act for others (`+delegate`
 * in API_KEYS; every caller when API_KEYS is unset) may make it, else anyone could put another
 * person's name on the trail.
 */
function actorOf(request: AuthenticatedRequest, via: string): string {
  const claimed = optionalHeader(request, 'x-actor');
  if (claimed === undefined) return via;
  if (!request.identity?.delegate)
    throw new ForbiddenException(
      'This API key may not act for others (X-Actor): leave the header out, or use a key configured as role+delegate',
    );
  return claimed;
}

export function commandContextOf(request: AuthenticatedRequest, now = new Date()): CommandContext {
  const via = request.identity?.keyId ?? 'anonymous';
  return {
    actor: actorOf(request, via),
    via,
    correlationId: correlationIdOf(request),
    causationId: optionalHeader(request, 'x-causation-id') ?? null,
    expectedVersion: parseIfMatch(header(request, 'if-match')),
    idempotencyKey: optionalHeader(request, 'idempotency-key'),
    at: now.toISOString(),
  };
}

/** Injects the CommandContext of the current request into a controller method. */
export const Context = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
