import { PaymentMethod } from '../customer/customer.billing';
import { DomainEvent } from '../shared/decider';
import { Signature, SignatureAccount } from './contract.signature';

/** Every contract event names its contract and its customer, so customer views can follow it. */
interface OfContract {
  contractId: string;
  customerId: string;
}

export type ContractDrafted = DomainEvent<
  'ContractDrafted',
  OfContract & { paymentMethod: PaymentMethod; draftedAt: string }
>;

/** The signature as signed, IBAN in full: billing charges it (rule R4). */
export type ContractSigned = DomainEvent<
  'ContractSigned',
  OfContract & { paymentMethod: PaymentMethod } & Signature
>;

/**
 * The account on the signature changed. Full IBANs before and after, for billing and audit;
 * views mask them. The customer file's IBAN is another thing and is not touched (rule R4).
 */
export type SignatureIbanChanged = DomainEvent<
  'SignatureIbanChanged',
  OfContract & { before: SignatureAccount; after: SignatureAccount; changedAt: string }
>;

/** An unsigned draft removed, e.g. with its customer (rule R6). */
export type ContractDraftDeleted = DomainEvent<
  'ContractDraftDeleted',
  OfContract & { deletedAt: string }
>;

export type ContractTerminated = DomainEvent<
  'ContractTerminated',
  OfContract & { reason: string; terminatedAt: string }
>;

/**
 * Rule 19: a bank return (`reasonCode` AC04, AC06, MD01 or MD07, of effect `effectId`) made
 * the signature's mandate unusable until a new one is signed: remittances leave its effects out.
 */
export type MandateInvalidated = DomainEvent<
  'MandateInvalidated',
  OfContract & {
    mandateReference: string;
    reasonCode: string;
    effectId: string;
    invalidatedAt: string;
  }
>;

export type ContractEvent =
  | ContractDrafted
  | ContractSigned
  | SignatureIbanChanged
  | ContractDraftDeleted
  | ContractTerminated
  | MandateInvalidated;

export type ContractEventType = ContractEvent['type'];

/** Every contract event type, for projections' `canHandle`; the map makes a missing one a compile error. */
const CONTRACT_EVENT_TYPE_SET: Record<ContractEventType, true> = {
  ContractDrafted: true,
  ContractSigned: true,
  SignatureIbanChanged: true,
  ContractDraftDeleted: true,
  ContractTerminated: true,
  MandateInvalidated: true,
};

export const CONTRACT_EVENT_TYPES = Object.keys(CONTRACT_EVENT_TYPE_SET) as ContractEventType[];

export const isContractEvent = (event: { type: string }): event is ContractEvent =>
  Object.prototype.hasOwnProperty.call(CONTRACT_EVENT_TYPE_SET, event.type);
