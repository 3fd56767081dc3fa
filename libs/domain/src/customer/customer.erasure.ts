import { DeletionBlocker } from './customer.deletion';
import { ContactPerson, CustomerAddress } from './customer.addresses-and-contacts';
import { EMPTY_ADDRESS, NameField, PersonName, PersonType } from './customer.profile';

/**
 * Personal-data erasure (GDPR art. 17) by crypto-shredding: the personal fields of customer
 * events are sealed under a key per customer, and `CustomerPersonalDataErased` destroys it.
 * Refused while the law still requires keeping the data (art. 17(3)(b)).
 */
export const ErasureRefusal = {
  retentionRequired: 'ERASURE.RETENTION_REQUIRED',
  unpaidInvoices: 'ERASURE.UNPAID_INVOICES',
  liveSubscriptions: 'ERASURE.LIVE_SUBSCRIPTIONS',
  alreadyErased: 'ERASURE.ALREADY_ERASED',
} as const;

/** One reason the data must still be kept; same shape as rule R6's blockers. */
export type ErasureBlocker = DeletionBlocker;

/** What the application layer counts in the customer's invoices and subscriptions. */
export interface ErasureFacts {
  /** Invoices with an amount still outstanding, and that amount in cents. */
  unpaidInvoices: number;
  outstandingCents: number;
  /** Subscriptions still providing (or about to provide) service. */
  liveSubscriptions: number;
}

export function personalDataErasureBlockers(facts: ErasureFacts): ErasureBlocker[] {
  const blockers: ErasureBlocker[] = [];
  if (facts.unpaidInvoices > 0)
    blockers.push({
      code: ErasureRefusal.unpaidInvoices,
      message: `${facts.unpaidInvoices} invoice(s) are unpaid (${(facts.outstandingCents / 100).toFixed(2)} outstanding): the debt must be collectable, so the data is kept until they are paid or credited.`,
    });
  if (facts.liveSubscriptions > 0)
    blockers.push({
      code: ErasureRefusal.liveSubscriptions,
      message: `${facts.liveSubscriptions} subscription(s) are still live: cancel them first, since a customer still served and billed needs a name and an address.`,
    });
  return blockers;
}

/** What an erased required text reads as; erased optional values read as `null`. */
export const ERASED = '[erased]';

export function erasedPersonName(personType: PersonType): PersonName {
  const others: Record<Exclude<NameField, 'name'>, null> = {
    givenName: null,
    middleName: null,
    firstSurname: null,
    secondSurname: null,
  };
  return { personType, name: ERASED, ...others };
}

export const erasedAddress = (entry: CustomerAddress): CustomerAddress => ({
  addressId: entry.addressId,
  label: null,
  address: EMPTY_ADDRESS,
});

export const erasedContact = (contact: ContactPerson): ContactPerson => ({
  ...contact,
  name: ERASED,
  role: null,
  email: null,
  phone: null,
});
