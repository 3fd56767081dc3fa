import { MandateInvalidated } from '../contract.events';
import { ContractState } from '../contract.state';
import { InvalidateMandate } from '../contract.commands';

/** The return codes that make a mandate unusable until a new one is signed (rule 19). */
export const MANDATE_INVALIDATING_RETURN_CODES = ['AC04', 'AC06', 'MD01', 'MD07'] as const;

export const invalidatesMandate = (reasonCode: string): boolean =>
  (MANDATE_INVALIDATING_RETURN_CODES as readonly string[]).includes(
    reasonCode.trim().toUpperCase(),
  );

/**
 * Rule 19: a return for one of those codes invalidates the mandate the effect was collected
 * under. Nothing to do when the signature has a new mandate since, when it is already
 * invalidated, or when the code does not invalidate mandates: a bank file may repeat a return.
 */
export function invalidateMandate(
  command: InvalidateMandate,
  contract: Exclude<ContractState, { status: 'none' }>,
): MandateInvalidated[] {
  const { mandateReference, reasonCode, effectId } = command.data;
  if (contract.status !== 'signed' && contract.status !== 'terminated') return [];
  const { signature } = contract;
  if (signature.mandateReference !== mandateReference) return [];
  if (signature.mandateInvalidated) return [];
  if (!invalidatesMandate(reasonCode)) return [];
  const data = {
    contractId: contract.contractId,
    customerId: contract.customerId,
    mandateReference,
    reasonCode: reasonCode.trim().toUpperCase(),
    effectId,
    invalidatedAt: command.metadata.at,
  };
  return [{ type: 'MandateInvalidated', data }];
}
