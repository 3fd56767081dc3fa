/** "Domicilios": further addresses of the customer besides the one printed on invoices. */
import { PostalAddress } from './customer.profile';

export interface CustomerAddress {
  addressId: string;
  /** What the address is for, in the operator's words ("installation", "second home"). */
  label: string | null;
  address: PostalAddress;
}

/** Whether the contact person accepts postal mailings, e-mailings and SMS campaigns. */
export interface ContactConsents {
  mailing: boolean;
  email: boolean;
  sms: boolean;
}

/** "Contactos": people at the customer we deal with (employees of a company, relatives). */
export interface ContactPerson {
  contactId: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  consents: ContactConsents;
}
