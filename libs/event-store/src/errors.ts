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

/**
 * A revision as the API's version: the number of events the stream holds once the event at
 * that revision is in (revision 2 → version 3, no stream → 0), the one numbering commands
 * answer and `If-Match` takes. `any` and `stream_exists` name no version: null.
 */
export function versionAtRevision(revision: ExpectedRevision): number | null {
  if (revision === 'no_stream') return 0;
  if (typeof revision === 'bigint') return Number(revision) + 1;
  return null;
}

/** The append was refused as malformed before touching the log (e.g. no events). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/**
 * The crypto-shredding store cannot write the event without risking personal data in clear:
 * its type has not declared its personal data, or it holds personal values but names no
 * subject to seal them under. A programming error, not bad input; nothing was written.
 */
export class UnsealableEventError extends Error {
  override readonly name = 'UnsealableEventError';
}
