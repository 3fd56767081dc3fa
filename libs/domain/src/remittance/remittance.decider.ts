import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { inputChecks } from '../shared/input-checks';
import { calendarDateOf, isCalendarDate } from '../shared/iso-dates';
import { sumCents } from '../values/money';
import {
  CreateRemittance,
  RecordRejectedCollection,
  RemittanceCandidate,
  RemittanceCommand,
} from './remittance.commands';
import { ExclusionCode, RemittanceRefusal } from './remittance.errors';
import {
  ExcludedEffect,
  FirstCollectionRejected,
  PAIN_VERSIONS,
  RemittanceCreated,
  RemittanceEvent,
  RemittedTransaction,
} from './remittance.events';
import { endToEndIdOf } from './remittance.stream';

/** An issuer's remittances: their ids, and the mandates already collected (for FRST/RCUR). */
export interface RemittanceLedgerState {
  remittanceIds: ReadonlySet<string>;
  collectedMandates: ReadonlySet<string>;
  /** Each remitted effect's first collection, by effect id: what a reject sends back to FRST. */
  firstCollections: ReadonlyMap<
    string,
    { contractId: string; mandateReference: string; remittanceId: string }
  >;
  rejectedEffects: ReadonlySet<string>;
}

const initialState: RemittanceLedgerState = {
  remittanceIds: new Set(),
  collectedMandates: new Set(),
  firstCollections: new Map(),
  rejectedEffects: new Set(),
};

/** A mandate is the contract's signature under its reference (a new reference is a new mandate). */
const mandateKey = (contractId: string, reference: string) => `${contractId}:${reference}`;

function evolve(state: RemittanceLedgerState, event: RemittanceEvent): RemittanceLedgerState {
  switch (event.type) {
    case 'RemittanceCreated': {
      const firsts = event.data.transactions.filter((t) => t.sequenceType === 'FRST');
      return {
        ...state,
        remittanceIds: new Set([...state.remittanceIds, event.data.remittanceId]),
        collectedMandates: new Set([
          ...state.collectedMandates,
          ...event.data.transactions.map((t) => mandateKey(t.contractId, t.mandateReference)),
        ]),
        firstCollections: new Map([
          ...state.firstCollections,
          ...firsts.map(
            (t) =>
              [
                t.effectId,
                {
                  contractId: t.contractId,
                  mandateReference: t.mandateReference,
                  remittanceId: event.data.remittanceId,
                },
              ] as const,
          ),
        ]),
      };
    }
    case 'FirstCollectionRejected': {
      const collected = new Set(state.collectedMandates);
      collected.delete(mandateKey(event.data.contractId, event.data.mandateReference));
      return {
        ...state,
        collectedMandates: collected,
        rejectedEffects: new Set([...state.rejectedEffects, event.data.effectId]),
      };
    }
    default:
      return assertNever(event, 'remittance event');
  }
}

const { invalid, requireText } = inputChecks(RemittanceRefusal.invalidInput);

/**
 * Rule 18: the effects due by `dueUntil` (default: the collection date) go into one remittance
 * of the issuer, each under the mandate of its contract signature with that signature's IBAN
 * (rule 4), `FRST` on a mandate's first collection and `RCUR` after. Effects whose contract is
 * not signed, has no mandate or IBAN, or whose mandate a return invalidated stay out, listed
 * with the reason; an effect no longer pending (paid meanwhile, or already remitted) too.
 */
function createRemittance(
  command: CreateRemittance,
  state: RemittanceLedgerState,
): RemittanceCreated[] {
  const { data } = command;
  const problems: RefusalReason[] = [];
  const remittanceId = requireText(
    data.remittanceId,
    'remittanceId',
    'Name the remittance.',
    problems,
  );
  if (!isCalendarDate(data.collectionDate))
    problems.push(
      invalid(
        'collectionDate',
        `collectionDate must be a calendar day (YYYY-MM-DD), got ${String(data.collectionDate)}.`,
      ),
    );
  else if (data.collectionDate < calendarDateOf(command.metadata.at))
    problems.push(
      invalid(
        'collectionDate',
        `The collection date ${data.collectionDate} has passed; the bank collects on a day to come.`,
      ),
    );
  const dueUntil = data.dueUntil ?? data.collectionDate;
  if (data.dueUntil !== undefined && !isCalendarDate(data.dueUntil))
    problems.push(
      invalid(
        'dueUntil',
        `dueUntil must be a calendar day (YYYY-MM-DD), got ${String(data.dueUntil)}.`,
      ),
    );
  const painVersion = data.painVersion ?? '001.08';
  if (!PAIN_VERSIONS.includes(painVersion))
    problems.push(
      invalid('painVersion', `painVersion must be one of ${PAIN_VERSIONS.join(', ')}.`),
    );
  refuseIfAny(problems);
  if (data.creditor === null)
    throw new DomainError(
      RemittanceRefusal.creditorMissing,
      `Issuer ${data.issuerId} has no SEPA creditor data (creditor identifier and IBAN) to collect with: configure it first.`,
    );
  if (state.remittanceIds.has(remittanceId))
    throw new DomainError(
      RemittanceRefusal.alreadyCreated,
      `Remittance ${remittanceId} already exists; use a new id.`,
    );

  const due = data.candidates
    .filter((candidate) => candidate.dueDate <= dueUntil)
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) || a.invoiceNumber.localeCompare(b.invoiceNumber),
    );
  const transactions: RemittedTransaction[] = [];
  const excluded: ExcludedEffect[] = [];
  for (const candidate of due) {
    const exclusion = exclusionOf(candidate);
    if (exclusion) {
      excluded.push(exclusion);
      continue;
    }
    const mandate = candidate.mandate as NonNullable<RemittanceCandidate['mandate']> & {
      reference: string;
      iban: string;
    };
    transactions.push({
      invoiceId: candidate.invoiceId,
      invoiceNumber: candidate.invoiceNumber,
      effectId: candidate.effectId,
      customerId: candidate.customerId,
      contractId: candidate.contractId,
      endToEndId: endToEndIdOf(candidate.effectId),
      amountCents: candidate.amountCents,
      dueDate: candidate.dueDate,
      mandateReference: mandate.reference,
      mandateSignedOn: mandate.signedOn,
      sequenceType: state.collectedMandates.has(mandateKey(candidate.contractId, mandate.reference))
        ? 'RCUR'
        : 'FRST',
      debtorName: mandate.debtorName,
      debtorIban: mandate.iban,
    });
  }
  if (transactions.length === 0) {
    const message =
      due.length === 0
        ? `No pending effect is due by ${dueUntil}: there is nothing to remit.`
        : `None of the ${due.length} effect(s) due by ${dueUntil} can be remitted; see why for each.`;
    throw new DomainError(RemittanceRefusal.nothingToRemit, message, [
      { code: RemittanceRefusal.nothingToRemit, message },
      ...excluded.map((effect) => ({
        code: effect.code,
        message: effect.reason,
        target: effect.effectId,
      })),
    ]);
  }
  return [
    {
      type: 'RemittanceCreated',
      data: {
        remittanceId,
        issuerId: data.issuerId,
        collectionDate: data.collectionDate,
        dueUntil,
        painVersion,
        messageId: `REM${endToEndIdOf(remittanceId)}`.slice(0, 35),
        createdAt: command.metadata.at,
        creditor: data.creditor,
        transactions,
        excluded,
        totalCents: sumCents(transactions.map((t) => t.amountCents)),
      },
    },
  ];
}

function exclusionOf(candidate: RemittanceCandidate): ExcludedEffect | null {
  const out = (code: string, reason: string): ExcludedEffect => ({
    invoiceId: candidate.invoiceId,
    effectId: candidate.effectId,
    code,
    reason: `Invoice ${candidate.invoiceNumber}: ${reason}`,
  });
  const { mandate } = candidate;
  if (!candidate.remittable)
    return out(
      ExclusionCode.noLongerPending,
      'the effect is no longer pending or is already in a remittance.',
    );
  if (mandate === null)
    return out(
      ExclusionCode.notSigned,
      'its contract is not signed, so there is no mandate to collect under.',
    );
  if (!mandate.reference)
    return out(ExclusionCode.noMandate, 'its contract signature has no SEPA mandate reference.');
  if (!mandate.iban)
    return out(ExclusionCode.noIban, 'its contract signature has no IBAN to charge (rule 4).');
  if (candidate.mandateInvalidated)
    return out(
      ExclusionCode.invalidated,
      `its mandate was invalidated (${candidate.mandateInvalidated}); a new one must be signed.`,
    );
  return null;
}

/**
 * A pain.002 reject of a mandate's first collection: the mandate counts as never collected,
 * so its next collection is `FRST` again. Nothing for a reject of a recurring collection, of an
 * effect in no remittance of this ledger, or one already recorded (the same file twice).
 */
function recordRejectedCollection(
  command: RecordRejectedCollection,
  state: RemittanceLedgerState,
): FirstCollectionRejected[] {
  const { issuerId, remittanceId, effectId, reasonCode } = command.data;
  const first = state.firstCollections.get(effectId);
  if (!first || first.remittanceId !== remittanceId || state.rejectedEffects.has(effectId))
    return [];
  return [
    {
      type: 'FirstCollectionRejected',
      data: {
        issuerId,
        remittanceId,
        effectId,
        contractId: first.contractId,
        mandateReference: first.mandateReference,
        reasonCode,
        rejectedAt: command.metadata.at,
      },
    },
  ];
}

export function decideRemittance(
  command: RemittanceCommand,
  state: RemittanceLedgerState,
): RemittanceEvent[] {
  switch (command.type) {
    case 'CreateRemittance':
      return createRemittance(command, state);
    case 'RecordRejectedCollection':
      return recordRejectedCollection(command, state);
    default:
      return assertNever(command, 'remittance command');
  }
}

export const remittanceDecider: Decider<RemittanceCommand, RemittanceEvent, RemittanceLedgerState> =
  {
    initialState,
    evolve,
    decide: decideRemittance,
  };
