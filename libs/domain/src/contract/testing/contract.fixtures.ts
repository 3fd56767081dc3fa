import { PaymentMethod } from '../../customer/customer.billing';
import { CustomerFact } from '../../customer/customer.state';
import { CommandMeta } from '../../shared/decider';
import { ContractCommand, ContractCommandType } from '../contract.commands';
import {
  ContractDrafted,
  ContractDraftDeleted,
  ContractSigned,
  ContractTerminated,
  SignatureIbanChanged,
} from '../contract.events';

export const CONTRACT_ID = 'contract-under-test';
export const CONTRACT_CUSTOMER_ID = 'customer-of-contract';
export const DRAFTED_AT = '2025-01-20T09:00:00.000Z';
export const SIGNED_AT = '2025-01-25T12:00:00.000Z';
export const CONTRACT_NOW = '2025-03-01T10:30:00.000Z';
export const contractMeta: CommandMeta = { at: CONTRACT_NOW };
/** The contract's customer as its stream says, when a command needs it: registered, active. */
export const ACTIVE_CUSTOMER: CustomerFact = { status: 'active' };

/** Valid IBANs (mod-97) in electronic format, and one with a mistyped digit. */
export const SIGNED_IBAN = 'ES9121000418450200051332';
export const NEW_IBAN = 'DE89370400440532013000';
export const MISTYPED_IBAN = 'ES9121000418450200051333';
export const MANDATE = 'MNDT-2025-0001';

type DataOf<T extends ContractCommandType> = Extract<ContractCommand, { type: T }>['data'];

/** A command for the contract under test, stamped with `CONTRACT_NOW`. */
export function contractCommand<T extends ContractCommandType>(
  type: T,
  data: Omit<DataOf<T>, 'contractId'> & { contractId?: string },
): Extract<ContractCommand, { type: T }> {
  return {
    type,
    data: { contractId: CONTRACT_ID, ...data },
    metadata: contractMeta,
  } as unknown as Extract<ContractCommand, { type: T }>;
}

export const contractDrafted = (
  paymentMethod: PaymentMethod = 'direct_debit',
): ContractDrafted => ({
  type: 'ContractDrafted',
  data: {
    contractId: CONTRACT_ID,
    customerId: CONTRACT_CUSTOMER_ID,
    paymentMethod,
    draftedAt: DRAFTED_AT,
  },
});

/** Signed by Ana for direct debit on `SIGNED_IBAN` under mandate `MANDATE`. */
export const contractSigned = (
  overrides: Partial<ContractSigned['data']> = {},
): ContractSigned => ({
  type: 'ContractSigned',
  data: {
    contractId: CONTRACT_ID,
    customerId: CONTRACT_CUSTOMER_ID,
    paymentMethod: 'direct_debit',
    iban: SIGNED_IBAN,
    mandateReference: MANDATE,
    signatory: 'Ana García López',
    signedAt: SIGNED_AT,
    ...overrides,
  },
});

export const signatureIbanChanged = (
  iban = NEW_IBAN,
  mandateReference = MANDATE,
): SignatureIbanChanged => ({
  type: 'SignatureIbanChanged',
  data: {
    contractId: CONTRACT_ID,
    customerId: CONTRACT_CUSTOMER_ID,
    before: { iban: SIGNED_IBAN, mandateReference: MANDATE },
    after: { iban, mandateReference },
    changedAt: '2025-02-10T08:00:00.000Z',
  },
});

export const contractTerminated = (): ContractTerminated => ({
  type: 'ContractTerminated',
  data: {
    contractId: CONTRACT_ID,
    customerId: CONTRACT_CUSTOMER_ID,
    reason: 'moved abroad',
    terminatedAt: '2025-02-28T23:00:00.000Z',
  },
});

export const contractDraftDeleted = (): ContractDraftDeleted => ({
  type: 'ContractDraftDeleted',
  data: {
    contractId: CONTRACT_ID,
    customerId: CONTRACT_CUSTOMER_ID,
    deletedAt: '2025-01-21T09:00:00.000Z',
  },
});
