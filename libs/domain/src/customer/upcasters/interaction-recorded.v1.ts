import { defaultInteractionDirection, InteractionDirection } from '../customer.interaction';

/**
 * InteractionRecorded as schema version 1 stored it: no direction. Frozen — the log holds
 * events of this shape forever, so this type never changes with the current event.
 */
export interface InteractionRecordedV1Data {
  customerId: string;
  interactionId: string;
  kind: string;
  text: string;
  recordedAt: string;
}

export type InteractionRecordedV2Data = InteractionRecordedV1Data & {
  direction: InteractionDirection;
};

/** v1 → v2: adds the direction v1 never recorded, derived from the kind alone. Pure, total. */
export function upcastInteractionRecordedV1(
  data: InteractionRecordedV1Data,
): InteractionRecordedV2Data {
  return { ...data, direction: defaultInteractionDirection(data.kind) };
}
