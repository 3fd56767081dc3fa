import { PlainDate } from '../billing/billing.calendar';
import { DomainEvent } from '../shared/decider';
import { Cents } from '../values/money';

/** The SEPA Core Direct Debit message versions a remittance file is written in. */
export const PAIN_VERSIONS = ['001.08', '001.02'] as const;
export type PainVersion = (typeof PAIN_VERSIONS)[number];

/** Who collects: the issuer's SEPA creditor data. */
export interface Creditor {
  name: string;
  iban: string;
  bic: string | null;
  /** The SEPA creditor identifier ("identificador de acreedor", ES..ZZZ…). */
  creditorId: string;
}

/** One effect in the file: what the bank is asked to collect, under which mandate (rule 18). */
export interface RemittedTransaction {
  invoiceId: string;
  invoiceNumber: string;
  effectId: string;
  customerId: string;
  contractId: string;
  /** Leads back to the effect: its id without dashes (32 characters, ≤ 35 as SEPA allows). */
  endToEndId: string;
  amountCents: Cents;
  dueDate: PlainDate;
  mandateReference: string;
  mandateSignedOn: PlainDate;
  /** `FRST` on a mandate's first collection, `RCUR` after. */
  sequenceType: 'FRST' | 'RCUR';
  /** The account holder and IBAN of the contract signature (rule 4). */
  debtorName: string;
  debtorIban: string;
}

/** An effect due that stayed out of the remittance, and why. */
export interface ExcludedEffect {
  invoiceId: string;
  effectId: string;
  code: string;
  reason: string;
}

/**
 * A remittance ("remesa") of one issuer: the effects due by `dueUntil`, to be collected on
 * `collectionDate`, in one SEPA file. The effects are marked remitted on their invoices in
 * the same append (rule 17: from now on they are not changed).
 */
export type RemittanceCreated = DomainEvent<
  'RemittanceCreated',
  {
    remittanceId: string;
    issuerId: string;
    collectionDate: PlainDate;
    dueUntil: PlainDate;
    painVersion: PainVersion;
    /** The file's message id (GrpHdr/MsgId). */
    messageId: string;
    createdAt: string;
    creditor: Creditor;
    transactions: RemittedTransaction[];
    excluded: ExcludedEffect[];
    totalCents: Cents;
  }
>;

/**
 * The bank rejected a mandate's first collection before settling it (a pain.002 reject): the
 * mandate has still not been collected, so its next collection is `FRST` again.
 */
export type FirstCollectionRejected = DomainEvent<
  'FirstCollectionRejected',
  {
    issuerId: string;
    remittanceId: string;
    effectId: string;
    contractId: string;
    mandateReference: string;
    reasonCode: string;
    rejectedAt: string;
  }
>;

export type RemittanceEvent = RemittanceCreated | FirstCollectionRejected;

const REMITTANCE_EVENT_TYPE_SET: Record<RemittanceEvent['type'], true> = {
  RemittanceCreated: true,
  FirstCollectionRejected: true,
};
export const REMITTANCE_EVENT_TYPES = Object.keys(
  REMITTANCE_EVENT_TYPE_SET,
) as RemittanceEvent['type'][];
