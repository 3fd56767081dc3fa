/**
 * A renewable product's life ("Renovables", seed 003): `active` until first renewed,
 * `renewed` once renewed at least once (still running, due again at its next date), `lapsed`
 * once the operator stops it (final: it renews no more).
 */
export const RENEWABLE_STATES = ['active', 'renewed', 'lapsed'] as const;
export type RenewableStatus = (typeof RENEWABLE_STATES)[number];

export const MAX_PRODUCT_CODE_LENGTH = 100;
export const MAX_RENEWABLE_DESCRIPTION_LENGTH = 500;
