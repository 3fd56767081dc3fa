import { SetMetadata } from '@nestjs/common';
import type { RecordedEvent } from '@app/event-store';
import { CommandOutcome } from '@app/application';

export const RECOVERED_ANSWER = 'idempotency:recoveredAnswer';

/** The answer a route gave, rebuilt from the events its request wrote; undefined: cannot. */
export type AnswerFromEvents = (events: readonly RecordedEvent[]) => unknown;

/**
 * The route answers the `CommandOutcome` of one aggregate whose stream starts with
 * `streamPrefix`: when the process running it died after the append, a retry with the same
 * Idempotency-Key gets that answer rebuilt from the log instead of a 409.
 */
export const AnswerRebuiltFromStream = (streamPrefix: string) =>
  SetMetadata(RECOVERED_ANSWER, outcomeOfLastEventOn(streamPrefix));

export function outcomeOfLastEventOn(streamPrefix: string): AnswerFromEvents {
  return (events): CommandOutcome | undefined => {
    const last = events.filter((event) => event.stream.startsWith(streamPrefix)).at(-1);
    if (!last) return undefined;
    return {
      id: last.stream.slice(streamPrefix.length),
      // The stream's revision after the append, as the command answered it.
      version: Number(last.revision) + 1,
      position: Number(last.position),
    };
  };
}
