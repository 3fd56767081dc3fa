import { PaymentMethod } from '../customer/customer.billing';
import { Signature } from './contract.signature';

/** What every contract that exists holds. */
export interface ContractRecord {
  contractId: string;
  customerId: string;
  paymentMethod: PaymentMethod;
  draftedAt: string;
}

export type NoContract = { status: 'none' };
export type DraftedContract = { status: 'draft' } & ContractRecord;
export type SignedContract = { status: 'signed'; signature: Signature } & ContractRecord;
/** A terminated contract keeps its signature: a last period may still be invoiced in arrears. */
export type TerminatedContract = {
  status: 'terminated';
  signature: Signature;
  terminatedAt: string;
  terminationReason: string;
} & ContractRecord;
/** Only a draft can be deleted; it keeps nothing but the fact. */
export type DeletedContract = {
  status: 'deleted';
  contractId: string;
  customerId: string;
  deletedAt: string;
};

export type ContractState =
  NoContract | DraftedContract | SignedContract | TerminatedContract | DeletedContract;

export type ContractStatus = ContractState['status'];

/**
 * What another aggregate's decision needs to know of a contract (requesting a subscription on
 * it): read from the contract's own stream by the application layer and passed in.
 */
export interface ContractFact {
  status: ContractStatus;
}

export const initialContractState: ContractState = { status: 'none' };

/** Signed now or once: such a contract is a record to keep (rule R6). */
export const wasContractSigned = (
  state: ContractState,
): state is SignedContract | TerminatedContract =>
  state.status === 'signed' || state.status === 'terminated';
