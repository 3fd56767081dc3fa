import { DomainError } from '../shared/domain-error';

/** Refusals of renewables (seed 003). A code ending in NOT_FOUND answers 404, the others 422. */
export const RenewableRefusal = {
  invalidInput: 'RENEWABLE.INVALID_INPUT',
  notFound: 'RENEWABLE.NOT_FOUND',
  alreadyRegistered: 'RENEWABLE.ALREADY_REGISTERED',
  /** A lapsed renewable renews no more, and lapses only once. */
  lapsed: 'RENEWABLE.LAPSED',
} as const;

export type RenewableRefusal = (typeof RenewableRefusal)[keyof typeof RenewableRefusal];

export const renewableNotFound = (renewableId: string) =>
  new DomainError(
    RenewableRefusal.notFound,
    `Renewable ${renewableId} does not exist; register it (POST /customers/:id/renewables) first.`,
  );

export const renewableLapsed = (renewableId: string, lapsedOn: string, what: string) =>
  new DomainError(
    RenewableRefusal.lapsed,
    `Renewable ${renewableId} lapsed on ${lapsedOn}: it cannot be ${what}. Register the product again to sell it anew.`,
  );
