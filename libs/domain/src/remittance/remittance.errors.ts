export const RemittanceRefusal = {
  invalidInput: 'REMITTANCE.INVALID_INPUT',
  alreadyCreated: 'REMITTANCE.ALREADY_CREATED',
  /** No effect due could go in: the reasons of those left out are listed. */
  nothingToRemit: 'REMITTANCE.NOTHING_TO_REMIT',
  /** The issuer has no SEPA creditor data (identifier, IBAN) to collect with. */
  creditorMissing: 'REMITTANCE.CREDITOR_NOT_CONFIGURED',
} as const;

/** Why an effect due stayed out of a remittance (rule 18). */
export const ExclusionCode = {
  notSigned: 'MANDATE.CONTRACT_NOT_SIGNED',
  noMandate: 'MANDATE.MISSING',
  noIban: 'MANDATE.NO_IBAN',
  invalidated: 'MANDATE.INVALIDATED',
  noLongerPending: 'EFFECT.NO_LONGER_PENDING',
} as const;
