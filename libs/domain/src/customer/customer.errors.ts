import { DomainError } from '../shared/domain-error';

/** Refusals of the customer aggregate that are not numbered rules of DOMAIN.md. */
export const CustomerRefusal = {
  notFound: 'CUSTOMER.NOT_FOUND',
  deleted: 'CUSTOMER.DELETED',
  erased: 'CUSTOMER.ERASED',
  alreadyRegistered: 'CUSTOMER.ALREADY_REGISTERED',
  alreadyInactive: 'CUSTOMER.ALREADY_INACTIVE',
  alreadyActive: 'CUSTOMER.ALREADY_ACTIVE',
  /** Deactivation while subscriptions are still invoiced: they would go on being billed. */
  billableSubscriptions: 'CUSTOMER.BILLABLE_SUBSCRIPTIONS',
  addressNotFound: 'CUSTOMER.ADDRESS_NOT_FOUND',
  addressAlreadyAdded: 'CUSTOMER.ADDRESS_ALREADY_ADDED',
  contactNotFound: 'CUSTOMER.CONTACT_NOT_FOUND',
  contactAlreadyAdded: 'CUSTOMER.CONTACT_ALREADY_ADDED',
  interestNotFound: 'CUSTOMER.INTEREST_NOT_FOUND',
  interestAlreadyRecorded: 'CUSTOMER.INTEREST_ALREADY_RECORDED',
  /** An interest names a contact person the customer does not have. */
  interestContactUnknown: 'CUSTOMER.INTEREST_CONTACT_UNKNOWN',
  /** Input the HTTP layer should have caught (400) but the domain still guards. */
  invalidInput: 'CUSTOMER.INVALID_INPUT',
  /** Rule 21: billing settings name an issuer that is not registered. */
  unknownIssuer: 'R21.UNKNOWN_ISSUER',
  /** Rule 21: the invoice series belongs to another issuer than the one named. */
  seriesOfAnotherIssuer: 'R21.SERIES_OF_ANOTHER_ISSUER',
  /** Rule 26: a portal password needs the contact e-mail the customer logs in with. */
  portalWithoutEmail: 'R26.NO_EMAIL',
} as const;

export type CustomerRefusal = (typeof CustomerRefusal)[keyof typeof CustomerRefusal];

export const customerNotFound = (customerId: string) =>
  new DomainError(
    CustomerRefusal.notFound,
    `Customer ${customerId} is not registered; register it before changing it.`,
  );

export const customerErased = (customerId: string, erasedAt: string) =>
  new DomainError(
    CustomerRefusal.erased,
    `The personal data of customer ${customerId} was erased on ${erasedAt}; it can no longer be changed.`,
  );

export const customerDeleted = (customerId: string, deletedAt: string) =>
  new DomainError(
    CustomerRefusal.deleted,
    `Customer ${customerId} was deleted on ${deletedAt}; a deleted customer cannot be changed. Register a new customer instead.`,
  );
