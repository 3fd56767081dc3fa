import { RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { RecordInteraction } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { InteractionRecorded } from '../customer.events';
import {
  defaultInteractionDirection,
  INTERACTION_DIRECTIONS,
  INTERACTION_KINDS,
} from '../customer.interaction';
import { RegisteredCustomer } from '../customer.state';

/**
 * Allowed on inactive customers too: a former customer still calls and still complains.
 * Written at schema version 2 (with `direction`); see `upcastInteractionRecordedV1`.
 */
export function recordInteraction(
  command: RecordInteraction,
  customer: RegisteredCustomer,
): InteractionRecorded[] {
  const { interactionId, kind } = command.data;
  const direction = command.data.direction ?? defaultInteractionDirection(kind);
  const text = command.data.text.trim();
  refuseIfAny(problemsOf(kind, direction, text));
  const data = {
    customerId: customer.customerId,
    interactionId,
    kind,
    direction,
    text,
    recordedAt: command.metadata.at,
  };
  return [{ type: 'InteractionRecorded', data }];
}

function problemsOf(kind: string, direction: string, text: string): RefusalReason[] {
  const problems: RefusalReason[] = [];
  const invalid = (field: string, message: string) =>
    problems.push({ code: CustomerRefusal.invalidInput, field, message });
  if (!(INTERACTION_KINDS as readonly string[]).includes(kind))
    invalid(
      'kind',
      `Unknown interaction kind "${kind}"; use one of ${INTERACTION_KINDS.join(', ')}.`,
    );
  if (!(INTERACTION_DIRECTIONS as readonly string[]).includes(direction))
    invalid(
      'direction',
      `Unknown direction "${direction}"; use one of ${INTERACTION_DIRECTIONS.join(', ')}.`,
    );
  if (text === '') invalid('text', 'Write what the interaction was about.');
  return problems;
}
