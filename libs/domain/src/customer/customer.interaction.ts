export const INTERACTION_KINDS = ['call', 'email', 'visit', 'incident', 'note'] as const;
/** "Interacciones": a communication, need or incident worth remembering. */
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
/** Who started it: the customer (inbound), the company (outbound), or nobody outside (internal). */
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

/**
 * The direction of an interaction nobody gave one: a note stays inside the company; every
 * other kind is taken as the customer getting in touch, the desk's usual case. Total over
 * every kind (and any unknown one), pure: it is both the decider's default and how
 * InteractionRecorded v1, which had no direction, is upcast.
 */
export function defaultInteractionDirection(kind: string): InteractionDirection {
  return kind === 'note' ? 'internal' : 'inbound';
}
