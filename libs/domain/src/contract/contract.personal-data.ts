import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { ContractEvent } from './contract.events';

/** Why contract data is kept in clear after a customer's erasure. */
export const CONTRACT_RETENTION =
  'The signed contract and its SEPA mandate are kept for as long as the law requires (rule R4): billing charges the signed IBAN, and a disputed charge is answered with the mandate.';

/**
 * Contract events seal nothing: what is personal in them belongs to the signed contract,
 * which the law obliges us to keep (docs/event-store.md, "Personal-data erasure").
 */
export const CONTRACT_PERSONAL_FIELDS = {
  ContractDrafted: NO_PERSONAL_DATA,
  ContractSigned: {
    keptInClear: { paths: ['signatory', 'iban', 'mandateReference'], because: CONTRACT_RETENTION },
  },
  SignatureIbanChanged: {
    keptInClear: {
      paths: ['before.iban', 'before.mandateReference', 'after.iban', 'after.mandateReference'],
      because: CONTRACT_RETENTION,
    },
  },
  ContractDraftDeleted: NO_PERSONAL_DATA,
  ContractTerminated: { keptInClear: { paths: ['reason'], because: CONTRACT_RETENTION } },
  MandateInvalidated: { keptInClear: { paths: ['mandateReference'], because: CONTRACT_RETENTION } },
} satisfies PersonalDataMap<ContractEvent>;
