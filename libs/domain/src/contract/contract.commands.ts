import { PaymentMethod } from '../customer/customer.billing';
import { CustomerFact } from '../customer/customer.state';
import { DomainCommand } from '../shared/decider';

/** Every contract command names its contract; the id of a new one comes from the caller. */
interface ForContract {
  contractId: string;
}

/**
 * `POST /contracts`. The customer lives in another stream: the application layer reads its
 * status into `customer`, and the decider refuses a customer never registered or deleted.
 */
export type DraftContract = DomainCommand<
  'DraftContract',
  ForContract & { customerId: string; paymentMethod: PaymentMethod; customer: CustomerFact }
>;

/**
 * `POST /contracts/:id/sign`. The IBAN and the SEPA mandate reference are required for direct
 * debit; for other methods they are optional, and an IBAN given is still validated (R4).
 */
export type SignContract = DomainCommand<
  'SignContract',
  ForContract & {
    iban?: string | null;
    signatory: string;
    mandateReference?: string | null;
    signedAt: string;
  }
>;

/**
 * `PUT /contracts/:id/iban`: the account the signature charges. A mandate reference left out
 * keeps the current one (SEPA lets a mandate be amended for a new account of the same debtor).
 */
export type ChangeSignatureIban = DomainCommand<
  'ChangeSignatureIban',
  ForContract & { iban: string; mandateReference?: string | null }
>;

/** `DELETE /contracts/:id`: only an unsigned draft. */
export type DeleteContractDraft = DomainCommand<'DeleteContractDraft', ForContract>;

/** Ends a signed contract; `terminatedAt` defaults to when the command was issued. */
export type TerminateContract = DomainCommand<
  'TerminateContract',
  ForContract & { reason: string; terminatedAt?: string }
>;

/**
 * Rule 19: the bank returned effect `effectId` for a reason that invalidates the mandate
 * `mandateReference` (the one it was collected under).
 */
export type InvalidateMandate = DomainCommand<
  'InvalidateMandate',
  ForContract & { mandateReference: string; reasonCode: string; effectId: string }
>;

export type ContractCommand =
  | DraftContract
  | SignContract
  | ChangeSignatureIban
  | DeleteContractDraft
  | TerminateContract
  | InvalidateMandate;

export type ContractCommandType = ContractCommand['type'];
