import { DomainError } from '../shared/domain-error';

/** Refusals of the contract aggregate; IBAN validation itself refuses with rule R4. */
export const ContractRefusal = {
  notFound: 'CONTRACT.NOT_FOUND',
  deleted: 'CONTRACT.DELETED',
  alreadyDrafted: 'CONTRACT.ALREADY_DRAFTED',
  alreadySigned: 'CONTRACT.ALREADY_SIGNED',
  /** A signed (or once signed) contract cannot be deleted, only terminated (rule R6). */
  signed: 'CONTRACT.SIGNED',
  notSigned: 'CONTRACT.NOT_SIGNED',
  terminated: 'CONTRACT.TERMINATED',
  /** Terminated or deleted: it takes no new subscriptions. */
  closed: 'CONTRACT.CLOSED',
  /** Direct debit charges the signed IBAN under a SEPA mandate: both must be on the signature. */
  ibanRequired: 'CONTRACT.IBAN_REQUIRED',
  mandateRequired: 'CONTRACT.MANDATE_REQUIRED',
  /** Input the HTTP layer should have caught (400) but the domain still guards. */
  invalidInput: 'CONTRACT.INVALID_INPUT',
} as const;

export type ContractRefusal = (typeof ContractRefusal)[keyof typeof ContractRefusal];

export const contractNotFound = (contractId: string) =>
  new DomainError(
    ContractRefusal.notFound,
    `Contract ${contractId} does not exist; draft it before signing or changing it.`,
  );

export const contractDeleted = (contractId: string, deletedAt: string) =>
  new DomainError(
    ContractRefusal.deleted,
    `Contract ${contractId} was deleted as a draft on ${deletedAt}; draft a new contract instead.`,
  );

export const contractTerminated = (contractId: string, terminatedAt: string) =>
  new DomainError(
    ContractRefusal.terminated,
    `Contract ${contractId} was terminated on ${terminatedAt} and can no longer change; draft a new contract instead.`,
  );
