import { v5 as uuidv5 } from 'uuid';

/** Names ids this service derives, so the same facts always give the same id. */
const DERIVED_IDS = '5b0f8c52-6a3e-4f0e-9d7c-2a4a1c9e8b13';

/**
 * Rule R7: the one invoice of a contract for a cycle has one id, whoever issues it — a billing
 * run, a second run racing it, or a simulation looking for what was already issued.
 */
export const invoiceIdFor = (contractId: string, cyclePeriod: string): string =>
  uuidv5(`invoice/${contractId}/${cyclePeriod}`, DERIVED_IDS);

/** The direct-debit effect a billing run sends for an invoice it issues. */
export const firstEffectIdFor = (invoiceId: string): string =>
  uuidv5(`effect/${invoiceId}/1`, DERIVED_IDS);
