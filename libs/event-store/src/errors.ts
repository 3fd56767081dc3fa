import { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Stream ${stream}: expected revision ${String(expected)}, but it is at ${String(actual)}`,
    );
  }
}

/** The append was refused as malformed before touching the log (e.g. no events). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
