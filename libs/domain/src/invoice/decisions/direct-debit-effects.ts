import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { describeCents } from '../../values/money';
import { outstandingCents, pendingEffectsCents } from '../invoice.balance';
import {
  CancelEffect,
  CollectEffect,
  CreateDirectDebitEffect,
  ReduceEffect,
  RemitEffect,
  ReturnEffect,
} from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import {
  DirectDebitEffectCreated,
  EffectCancelled,
  EffectCollected,
  EffectReduced,
  EffectRemitted,
  EffectReturned,
} from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import { DirectDebitEffect } from '../invoice.terms';
import { checkDay, checkInstant, checkPositiveCents, requireText } from './invoice-inputs';
import { ofInvoice } from './of-invoice';

/**
 * A receivable ("efecto pendiente") charging the invoice's IBAN — the contract signature's
 * (R4). Effects in flight never add up to more than is owed, so the bank is never asked for
 * the same money twice.
 */
export function createDirectDebitEffect(
  command: CreateDirectDebitEffect,
  invoice: IssuedInvoice,
): DirectDebitEffectCreated[] {
  const { effectId } = command.data;
  if (invoice.effects.some((effect) => effect.effectId === effectId))
    throw new DomainError(
      InvoiceRefusal.effectAlreadyCreated,
      `Effect ${effectId} was already created on invoice ${invoice.formatted}; use a new id for another effect.`,
    );
  if (invoice.iban === null)
    throw new DomainError(
      InvoiceRefusal.ibanRequired,
      `Invoice ${invoice.formatted} has no IBAN to charge (it is paid by ${invoice.paymentMethod}); a direct-debit effect charges the IBAN on the contract signature (rule R4).`,
    );
  const uncovered = outstandingCents(invoice) - pendingEffectsCents(invoice);
  const amountCents = command.data.amountCents ?? uncovered;
  const dueDate = command.data.dueDate ?? invoice.dueDate;
  const problems: RefusalReason[] = [];
  requireText(effectId, 'effectId', 'Give the effect an id.', problems);
  checkDay(dueDate, 'dueDate', problems);
  if (command.data.amountCents !== undefined)
    checkPositiveCents(amountCents, 'amountCents', problems);
  refuseIfAny(problems);
  if (amountCents > uncovered || amountCents <= 0)
    throw DomainError.fromReasons([
      {
        code: InvoiceRefusal.effectExceedsOutstanding,
        field: 'amountCents',
        message: `Only ${describeCents(Math.max(0, uncovered))} is owed on invoice ${invoice.formatted} and not already being collected; an effect of ${describeCents(amountCents)} would charge more.`,
      },
    ]);
  const { iban } = invoice;
  const data = {
    ...ofInvoice(invoice),
    effectId,
    amountCents,
    iban,
    dueDate,
    createdAt: command.metadata.at,
  };
  return [{ type: 'DirectDebitEffectCreated', data }];
}

/**
 * The bank collected the effect. A bank's fact is recorded even if the invoice was paid
 * another way meanwhile: the excess shows as credit available to the customer.
 */
export function collectEffect(command: CollectEffect, invoice: IssuedInvoice): EffectCollected[] {
  const effect = effectOf(invoice, command.data.effectId);
  if (effect.status !== 'pending') throw notPending(invoice, effect, 'collected');
  const problems: RefusalReason[] = [];
  const collectedAt = command.data.collectedAt ?? command.metadata.at;
  checkInstant(collectedAt, 'collectedAt', problems);
  refuseIfAny(problems);
  const { effectId, amountCents } = effect;
  return [
    {
      type: 'EffectCollected',
      data: { ...ofInvoice(invoice), effectId, amountCents, collectedAt },
    },
  ];
}

/**
 * The bank returned the effect ("devuelto"), before or after collecting it: its amount is
 * owed again. To charge it again, create a new effect.
 */
export function returnEffect(command: ReturnEffect, invoice: IssuedInvoice): EffectReturned[] {
  const effect = effectOf(invoice, command.data.effectId);
  if (effect.status === 'returned')
    throw new DomainError(
      InvoiceRefusal.effectAlreadyReturned,
      `Effect ${effect.effectId} on invoice ${invoice.formatted} was already returned on ${effect.returnedAt}; create a new effect to charge it again.`,
    );
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the bank returned the effect (its return code).',
    problems,
  );
  const returnedAt = command.data.returnedAt ?? command.metadata.at;
  checkInstant(returnedAt, 'returnedAt', problems);
  refuseIfAny(problems);
  const { effectId, amountCents } = effect;
  const data = {
    ...ofInvoice(invoice),
    effectId,
    amountCents,
    reason,
    ...(command.data.reasonCode
      ? { reasonCode: command.data.reasonCode.trim().toUpperCase() }
      : {}),
    returnedAt,
    wasCollected: effect.status === 'collected',
  };
  return [{ type: 'EffectReturned', data }];
}

/** The effect goes to the bank in a remittance (rule 18): once, and only while pending. */
export function remitEffect(command: RemitEffect, invoice: IssuedInvoice): EffectRemitted[] {
  const effect = effectOf(invoice, command.data.effectId);
  const { remittanceId } = command.data;
  if (effect.status === 'pending' && effect.remittanceId === remittanceId) return [];
  if (effect.remittanceId !== null)
    throw new DomainError(
      InvoiceRefusal.effectAlreadyRemitted,
      `Effect ${effect.effectId} on invoice ${invoice.formatted} is already in remittance ${effect.remittanceId}; an effect is in at most one remittance (rule 18).`,
    );
  if (effect.status !== 'pending') throw notPending(invoice, effect, 'remitted');
  const problems: RefusalReason[] = [];
  requireText(remittanceId, 'remittanceId', 'Name the remittance.', problems);
  const remittedAt = command.data.remittedAt ?? command.metadata.at;
  checkInstant(remittedAt, 'remittedAt', problems);
  refuseIfAny(problems);
  const data = { ...ofInvoice(invoice), effectId: effect.effectId, remittanceId, remittedAt };
  return [{ type: 'EffectRemitted', data }];
}

/** An operator lowers what a pending effect asks for, before it goes to the bank (rule 17). */
export function reduceEffect(command: ReduceEffect, invoice: IssuedInvoice): EffectReduced[] {
  const effect = changeableEffect(invoice, command.data.effectId, 'reduced');
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the effect is reduced.',
    problems,
  );
  checkPositiveCents(command.data.amountCents, 'amountCents', problems);
  refuseIfAny(problems);
  const toCents = command.data.amountCents;
  if (toCents >= effect.amountCents)
    throw DomainError.fromReasons([
      {
        code: InvoiceRefusal.effectReductionInvalid,
        field: 'amountCents',
        message: `Effect ${effect.effectId} asks for ${describeCents(effect.amountCents)}; a reduction must ask for less (to ask for nothing, cancel it).`,
      },
    ]);
  const data = {
    ...ofInvoice(invoice),
    effectId: effect.effectId,
    fromCents: effect.amountCents,
    toCents,
    cause: 'operator' as const,
    reason,
    reducedAt: command.metadata.at,
  };
  return [{ type: 'EffectReduced', data }];
}

/** An operator cancels a pending effect before it goes to the bank (rule 17). */
export function cancelEffect(command: CancelEffect, invoice: IssuedInvoice): EffectCancelled[] {
  const effect = changeableEffect(invoice, command.data.effectId, 'cancelled');
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the effect is cancelled.',
    problems,
  );
  refuseIfAny(problems);
  const data = {
    ...ofInvoice(invoice),
    effectId: effect.effectId,
    amountCents: effect.amountCents,
    cause: 'operator' as const,
    reason,
    cancelledAt: command.metadata.at,
  };
  return [{ type: 'EffectCancelled', data }];
}

/** A pending effect not yet at the bank: the only kind an operator may change (rule 17). */
function changeableEffect(invoice: IssuedInvoice, effectId: string, done: string) {
  const effect = effectOf(invoice, effectId);
  if (effect.status !== 'pending') throw notPending(invoice, effect, done);
  if (effect.remittanceId !== null)
    throw new DomainError(
      InvoiceRefusal.effectRemitted,
      `Effect ${effect.effectId} on invoice ${invoice.formatted} went to the bank in remittance ${effect.remittanceId}; it cannot be ${done} (rule 17). Record its return, or what it over-collects becomes credit.`,
    );
  return effect;
}

const notPending = (invoice: IssuedInvoice, effect: DirectDebitEffect, done: string) =>
  new DomainError(
    InvoiceRefusal.effectNotPending,
    `Effect ${effect.effectId} on invoice ${invoice.formatted} is ${effect.status}; only a pending effect can be ${done}.`,
  );

function effectOf(invoice: IssuedInvoice, effectId: string): DirectDebitEffect {
  const effect = invoice.effects.find((candidate) => candidate.effectId === effectId);
  if (effect) return effect;
  throw new DomainError(
    InvoiceRefusal.effectNotFound,
    `Invoice ${invoice.formatted} has no effect ${effectId}; create it before collecting or returning it.`,
  );
}
