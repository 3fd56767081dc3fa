import { assertNever, Decider } from '../shared/decider';
import {
  cancelEffect,
  collectEffect,
  createDirectDebitEffect,
  reduceEffect,
  remitEffect,
  returnEffect,
} from './decisions/direct-debit-effects';
import { effectsFollowingWhatIsOwed } from './decisions/effects-follow-what-is-owed';
import { applyCreditIn, transferCreditOut } from './decisions/credit-transfers';
import {
  draftCreditNote,
  grantCreditNote,
  grantDraftCreditNote,
} from './decisions/grant-credit-note';
import { draftInvoice, issueDraftInvoice, issueInvoice } from './decisions/issue-invoice';
import { recordPayment } from './decisions/record-payment';
import { cancelInvoice } from './decisions/cancel-invoice';
import { DomainError } from '../shared/domain-error';
import { InvoiceCommand } from './invoice.commands';
import { InvoiceRefusal, invoiceNotFound, invoiceNotIssued } from './invoice.errors';
import { InvoiceEvent } from './invoice.events';
import { evolveInvoice } from './invoice.evolve';
import { initialInvoiceState, InvoiceState } from './invoice.state';
import { EffectChangeCause } from './invoice.terms';

/**
 * Turns an invoice command into events, or throws a `DomainError` naming the rule it breaks.
 * There is no command that changes an issued invoice's lines (R9): corrections are credit notes.
 */
export function decideInvoice(command: InvoiceCommand, state: InvoiceState): InvoiceEvent[] {
  assertSameInvoice(command, state);
  const events = decideOnly(command, state);
  const cause = EFFECT_CHANGE_CAUSE_OF[command.type];
  if (cause === null || events.length === 0) return events;
  const after = events.reduce(evolveInvoice, state);
  if (after.status !== 'issued') return events;
  return [...events, ...effectsFollowingWhatIsOwed(after, cause, command.metadata.at)];
}

/**
 * Rule 17, after every command that lowers what the invoice owes: its pending effects not yet
 * remitted follow (`effectsFollowingWhatIsOwed`). Keyed by command type so a new command
 * states whether it can lower what is owed.
 */
const EFFECT_CHANGE_CAUSE_OF: Record<InvoiceCommand['type'], EffectChangeCause | null> = {
  DraftInvoice: null,
  IssueDraftInvoice: null,
  IssueInvoice: null,
  DraftCreditNote: null,
  GrantDraftCreditNote: 'credit-note',
  GrantCreditNote: 'credit-note',
  RecordPayment: 'payment',
  CreateDirectDebitEffect: null,
  CollectEffect: 'collection',
  ReturnEffect: null,
  RemitEffect: null,
  ReduceEffect: null,
  CancelEffect: null,
  TransferCreditOut: null,
  ApplyCreditIn: 'available-credit',
  CancelInvoice: null,
};

function decideOnly(command: InvoiceCommand, state: InvoiceState): InvoiceEvent[] {
  if (command.type === 'IssueInvoice') return issueInvoice(command, state);
  if (command.type === 'DraftInvoice') return draftInvoice(command, state);
  if (command.type === 'IssueDraftInvoice') return issueDraftInvoice(command, state);
  if (state.status === 'none') throw invoiceNotFound(command.data.invoiceId);
  if (state.status === 'draft') throw invoiceNotIssued(state.invoiceId);
  if (state.cancellation && command.type !== 'CancelInvoice')
    throw new DomainError(
      InvoiceRefusal.cancelled,
      `Invoice ${state.formatted} was annulled on ${state.cancellation.cancelledAt}: it takes no payment, credit note or direct debit.`,
    );
  switch (command.type) {
    case 'DraftCreditNote':
      return draftCreditNote(command, state);
    case 'GrantDraftCreditNote':
      return grantDraftCreditNote(command, state);
    case 'GrantCreditNote':
      return grantCreditNote(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'CreateDirectDebitEffect':
      return createDirectDebitEffect(command, state);
    case 'CollectEffect':
      return collectEffect(command, state);
    case 'ReturnEffect':
      return returnEffect(command, state);
    case 'RemitEffect':
      return remitEffect(command, state);
    case 'ReduceEffect':
      return reduceEffect(command, state);
    case 'CancelEffect':
      return cancelEffect(command, state);
    case 'TransferCreditOut':
      return transferCreditOut(command, state);
    case 'ApplyCreditIn':
      return applyCreditIn(command, state);
    case 'CancelInvoice':
      return cancelInvoice(command, state);
    default:
      return assertNever(command, 'invoice command');
  }
}

// The decider's three parts under the names every aggregate uses (ARCHITECTURE.md, rule 1);
// the library index exports them under invoice-specific names so aggregates do not clash.
export const initialState = initialInvoiceState;
export const evolve = evolveInvoice;
export const decide = decideInvoice;

export const invoiceDecider: Decider<InvoiceCommand, InvoiceEvent, InvoiceState> = {
  initialState,
  evolve,
  decide,
};

/** A command routed to another invoice's stream is a wiring bug, not a business refusal. */
function assertSameInvoice(command: InvoiceCommand, state: InvoiceState): void {
  if (state.status === 'none' || state.invoiceId === command.data.invoiceId) return;
  throw new Error(
    `Command ${command.type} for invoice ${command.data.invoiceId} was decided on the state of invoice ${state.invoiceId}`,
  );
}
