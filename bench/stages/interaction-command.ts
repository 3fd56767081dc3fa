import { CommandContext } from '@app/application';
import { RecordInteraction } from '@app/domain';

/**
 * The single-event command the append stages time: a note recorded on an existing customer
 * (`InteractionRecorded`, whose text is personal data and sealed by the service's store).
 */
export function recordInteraction(
  customerId: string,
  interactionId: string,
  correlationId = 'bench',
): { command: RecordInteraction; context: CommandContext } {
  const at = new Date().toISOString();
  return {
    command: {
      type: 'RecordInteraction',
      data: { customerId, interactionId, kind: 'note', text: 'Bench' },
      metadata: { at },
    },
    context: { actor: 'bench', via: 'bench', correlationId, causationId: null, at },
  };
}
