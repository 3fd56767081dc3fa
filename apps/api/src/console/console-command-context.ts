import { v4 as uuid } from 'uuid';
import type { CommandContext } from '@app/application';
import { ConsoleRequest } from './console-request';

/**
 * The context of a command sent from the console: the logged-in key acts as itself (its
 * fingerprint is both actor and `via`, as an API call without `X-Actor`), one correlation id
 * per form post.
 */
export function consoleCommandContext(request: ConsoleRequest, now = new Date()): CommandContext {
  const via = request.consoleSession?.keyId ?? 'anonymous';
  return {
    actor: via,
    via,
    correlationId: uuid(),
    causationId: null,
    expectedVersion: undefined,
    idempotencyKey: undefined,
    at: now.toISOString(),
  };
}
