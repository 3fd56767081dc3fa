export const INTERACTION_KINDS = ['call', 'email', 'visit', 'incident', 'note'] as const;
/** "Interacciones": a communication, need or incident worth remembering. */
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
