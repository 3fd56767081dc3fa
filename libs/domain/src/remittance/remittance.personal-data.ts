import { PersonalDataMap } from '../shared/personal-data';
import { RemittanceEvent } from './remittance.events';

/** Why a remittance keeps debtors' names and IBANs in clear after an erasure. */
export const REMITTANCE_RETENTION =
  'A remittance is the record of what the bank was asked to collect, under which mandate and from which account; it is kept as sent for as long as the collection and its accounting must be proven (as invoices are, rules R9, R15).';

/** A remittance names many customers: nothing is sealed under one key; debtors kept in clear. */
export const REMITTANCE_PERSONAL_FIELDS = {
  RemittanceCreated: {
    keptInClear: { paths: ['transactions', 'creditor'], because: REMITTANCE_RETENTION },
  },
  FirstCollectionRejected: {
    keptInClear: { paths: ['mandateReference'], because: REMITTANCE_RETENTION },
  },
} satisfies PersonalDataMap<RemittanceEvent>;
