import { PaymentMethod } from '../customer/customer.billing';

/**
 * What the customer signed ("Firmas/Contratos"). The IBAN is kept in full, in electronic
 * format: billing charges it (rule R4). Views that do not charge show it masked (`maskIban`).
 */
export interface Signature {
  /** Required for direct debit; optional (but validated) for other payment methods. */
  iban: string | null;
  /** The SEPA mandate reference; required for direct debit. */
  mandateReference: string | null;
  signatory: string;
  signedAt: string;
  /**
   * Set when a bank return said the mandate can no longer be used (rule 19: AC04 account
   * closed, AC06 blocked, MD01 no mandate, MD07 debtor deceased); cleared by a new mandate
   * reference. Absent on signatures from before returns were recorded.
   */
  mandateInvalidated?: { reasonCode: string; invalidatedAt: string } | null;
}

/** The account a signature charges, as `SignatureIbanChanged` records it before and after. */
export interface SignatureAccount {
  iban: string | null;
  mandateReference: string | null;
}

/** Direct debit is the method that charges the signed IBAN under a SEPA mandate. */
export const chargesSignedIban = (method: PaymentMethod): boolean => method === 'direct_debit';

/** A SEPA mandate reference: up to 35 characters of the SEPA Latin set (EPC rulebook). */
export const SEPA_MANDATE_REFERENCE = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;
