import { RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { RecordInteraction } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { InteractionRecorded } from '../customer.events';
import { INTERACTION_KINDS } from '../customer.interaction';
import { RegisteredCustomer } from '../customer.state';

/** Allowed on inactive customers too: a former customer still calls and still complains. */
export function recordInteraction(
  command: RecordInteraction,
  customer: RegisteredCustomer,
): InteractionRecorded[] {
  const { interactionId, kind } = command.data;
  const text = command.data.text.trim();
  const problems: RefusalReason[] = [];
  if (!INTERACTION_KINDS.includes(kind))
    problems.push({
      code: CustomerRefusal.invalidInput,
      field: 'kind',
      message: `Unknown interaction kind "${String(kind)}"; use one of ${INTERACTION_KINDS.join(', ')}.`,
    });
  if (text === '')
    problems.push({
      code: CustomerRefusal.invalidInput,
      field: 'text',
      message: 'Write what the interaction was about.',
    });
  refuseIfAny(problems);
  const data = {
    customerId: customer.customerId,
    interactionId,
    kind,
    text,
    recordedAt: command.metadata.at,
  };
  return [{ type: 'InteractionRecorded', data }];
}
