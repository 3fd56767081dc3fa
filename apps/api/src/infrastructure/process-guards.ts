import { isConnectionError } from '@app/database';

/** What the guards need of `process`: tests pass an EventEmitter and a fake `exit`. */
export interface GuardedProcess {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): void;
  exit(code: number): void;
}

export interface GuardLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * A lost database connection that escapes every handler (an 'error' event of a `pg` client, a
 * promise nobody awaited) is not a reason to end the service: the pools and listeners reconnect
 * by themselves, so it is logged and the process goes on. Anything else uncaught is a bug and
 * ends the process as Node would (exit code 1), after logging it.
 */
export function installProcessGuards(target: GuardedProcess, logger: GuardLogger): void {
  const handle = (kind: string) => (error: unknown) => {
    if (isConnectionError(error)) {
      logger.warn(`${kind} (database connection, the service goes on): ${describe(error)}`);
      return;
    }
    logger.error(`${kind}, exiting: ${describe(error)}`);
    target.exit(1);
  };
  target.on('uncaughtException', handle('Uncaught exception'));
  target.on('unhandledRejection', handle('Unhandled rejection'));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
