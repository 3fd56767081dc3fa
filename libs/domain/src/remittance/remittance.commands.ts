import { PlainDate } from '../billing/billing.calendar';
import { DomainCommand } from '../shared/decider';
import { Cents } from '../values/money';
import { Creditor, PainVersion } from './remittance.events';

/**
 * A pending effect due, as the handler read it from its invoice and contract: the facts the
 * remittance decides on. `mandate` is the contract signature's, `null` when the contract is not
 * signed; `mandateInvalidated` says why a return made it unusable (rule 19), if one did.
 */
export interface RemittanceCandidate {
  invoiceId: string;
  invoiceNumber: string;
  effectId: string;
  customerId: string;
  contractId: string;
  amountCents: Cents;
  dueDate: PlainDate;
  /** Whether the effect is still pending and not in a remittance (its invoice's state). */
  remittable: boolean;
  mandate: {
    reference: string | null;
    signedOn: PlainDate;
    iban: string | null;
    debtorName: string;
  } | null;
  mandateInvalidated?: string | null;
}

export type CreateRemittance = DomainCommand<
  'CreateRemittance',
  {
    remittanceId: string;
    issuerId: string;
    collectionDate: PlainDate;
    dueUntil?: PlainDate;
    painVersion?: PainVersion;
    creditor: Creditor | null;
    candidates: RemittanceCandidate[];
  }
>;

/** A pain.002 reject of effect `effectId`, read from the bank's file (rule 19). */
export type RecordRejectedCollection = DomainCommand<
  'RecordRejectedCollection',
  { issuerId: string; remittanceId: string; effectId: string; reasonCode: string }
>;

export type RemittanceCommand = CreateRemittance | RecordRejectedCollection;
