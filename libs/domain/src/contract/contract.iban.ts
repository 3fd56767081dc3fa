import { RuleCode } from '../shared/rule-codes';
import { Iban, maskIban } from '../values/iban';
import { ContractState, wasContractSigned } from './contract.state';

/**
 * Rule R4: the IBAN billing charges for a contract is the one on its signature, never the
 * customer file's. `null` when nothing can be charged: not signed (yet), deleted, or signed
 * without an IBAN (a contract not paid by direct debit). A terminated contract keeps its
 * signature, so a last period billed in arrears still charges the signed account.
 */
export function billingIbanOf(state: ContractState): string | null {
  return wasContractSigned(state) ? state.signature.iban : null;
}

/** A contract's signed IBAN, as the customer file gathers them to compare (rule R4). */
export interface SignatureIban {
  contractId: string;
  iban: string | null;
}

export const IBAN_MISMATCH = `${RuleCode.iban}.IBAN_MISMATCH` as const;

export interface IbanMismatchWarning {
  code: typeof IBAN_MISMATCH;
  message: string;
  contractId: string;
}

/** The signature's IBAN of a contract that has one, for `ibanWarning`. */
export function signatureIbanOf(state: ContractState): SignatureIban | null {
  const iban = billingIbanOf(state);
  return iban === null || !wasContractSigned(state) ? null : { contractId: state.contractId, iban };
}

/**
 * Rule R4: the customer file warns when its IBAN differs from a signature's, because the
 * operator may believe changing the file changed the account charged (it does not). One
 * warning per differing contract; IBANs are compared normalised and shown masked. Nothing to
 * warn about when either side has no IBAN: no account is then expected to be charged there.
 */
export function ibanWarning(
  customerIban: string | null,
  signatureIbans: readonly SignatureIban[],
): IbanMismatchWarning[] {
  if (customerIban === null || customerIban.trim() === '') return [];
  return signatureIbans
    .filter(({ iban }) => iban !== null && iban.trim() !== '')
    .filter(({ iban }) => Iban.normalize(iban as string) !== Iban.normalize(customerIban))
    .map(({ contractId, iban }) => ({
      code: IBAN_MISMATCH,
      contractId,
      message: `The customer file's IBAN (${maskIban(customerIban)}) differs from the one signed on contract ${contractId} (${maskIban(iban as string)}). Billing charges the signed one; change the contract's signature to charge the new account.`,
    }));
}
