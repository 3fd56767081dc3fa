import { SetMetadata } from '@nestjs/common';
import { TASK_STREAM_PREFIX } from '@app/domain';
import { CommandOutcome } from '@app/application';
import { RECOVERED_ANSWER } from '../infrastructure/commands/recovered-answer';

/**
 * A copy answers the new task, not the source: when its process died after the append, a
 * retry with the same Idempotency-Key gets the copy's id, version 1 and the position of the
 * last event the request wrote.
 */
export const AnswerWithTheCopy = () =>
  SetMetadata(
    RECOVERED_ANSWER,
    (events: readonly { type: string; stream: string; position: bigint }[]) => {
      const created = events.find(
        (event) => event.type === 'TaskCreated' && event.stream.startsWith(TASK_STREAM_PREFIX),
      );
      if (!created) return undefined;
      const outcome: CommandOutcome = {
        id: created.stream.slice(TASK_STREAM_PREFIX.length),
        version: 1,
        position: Math.max(...events.map((event) => Number(event.position))),
      };
      return outcome;
    },
  );
