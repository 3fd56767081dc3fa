import { assertNever } from '../shared/decider';
import { InvoiceEvent } from './invoice.events';
import { InvoiceState, IssuedInvoice } from './invoice.state';
import { DirectDebitEffect } from './invoice.terms';

/**
 * Folds one event into the state. Events are facts already accepted, so evolve never refuses:
 * an event that cannot apply (a second issue, an unknown effect) leaves the state as it is.
 */
export function evolveInvoice(state: InvoiceState, event: InvoiceEvent): InvoiceState {
  if (event.type === 'InvoiceDrafted')
    return state.status === 'none' ? { status: 'draft', ...event.data } : state;
  if (event.type === 'InvoiceIssued')
    return state.status === 'issued'
      ? state
      : {
          status: 'issued',
          ...event.data,
          creditNotes: [],
          draftCreditNotes: [],
          payments: [],
          effects: [],
          creditTransfers: [],
          cancellation: null,
        };
  if (state.status !== 'issued') return state;
  switch (event.type) {
    case 'CreditNoteDrafted': {
      const { invoiceId: _i, customerId: _cu, contractId: _co, ...draft } = event.data;
      return { ...state, draftCreditNotes: [...state.draftCreditNotes, draft] };
    }
    case 'CreditNoteGranted': {
      const {
        invoiceId: _i,
        customerId: _cu,
        contractId: _co,
        rectifies: _r,
        ...note
      } = event.data;
      return {
        ...state,
        creditNotes: [...state.creditNotes, note],
        draftCreditNotes: state.draftCreditNotes.filter(
          (draft) => draft.creditNoteId !== note.creditNoteId,
        ),
      };
    }
    case 'PaymentRecorded': {
      const { paymentId, amountCents, method, paidAt } = event.data;
      return {
        ...state,
        payments: [...state.payments, { paymentId, amountCents, method, paidAt }],
      };
    }
    case 'DirectDebitEffectCreated': {
      const { effectId, amountCents, iban, dueDate, createdAt } = event.data;
      const effect: DirectDebitEffect = {
        status: 'pending',
        remittanceId: null,
        effectId,
        amountCents,
        iban,
        dueDate,
        createdAt,
      };
      return { ...state, effects: [...state.effects, effect] };
    }
    case 'EffectCollected':
      return updateEffect(state, event.data.effectId, (effect) =>
        effect.status === 'pending'
          ? { ...effect, status: 'collected', collectedAt: event.data.collectedAt }
          : effect,
      );
    case 'EffectReturned':
      return updateEffect(state, event.data.effectId, (effect) =>
        effect.status === 'returned'
          ? effect
          : {
              ...effect,
              status: 'returned',
              collectedAt: effect.status === 'collected' ? effect.collectedAt : null,
              returnedAt: event.data.returnedAt,
              returnReason: event.data.reason,
            },
      );
    case 'EffectRemitted':
      return updateEffect(state, event.data.effectId, (effect) =>
        effect.status === 'pending' && effect.remittanceId === null
          ? { ...effect, remittanceId: event.data.remittanceId }
          : effect,
      );
    case 'EffectReduced':
      return updateEffect(state, event.data.effectId, (effect) =>
        effect.status === 'pending' ? { ...effect, amountCents: event.data.toCents } : effect,
      );
    case 'EffectCancelled':
      return updateEffect(state, event.data.effectId, (effect) =>
        effect.status === 'pending'
          ? {
              ...effect,
              status: 'cancelled',
              remittanceId: null,
              cancelledAt: event.data.cancelledAt,
              cause: event.data.cause,
            }
          : effect,
      );
    case 'CreditTransferredOut': {
      const { transferId, toInvoiceId, amountCents, transferredAt } = event.data;
      if (state.creditTransfers.some((t) => t.transferId === transferId)) return state;
      const transfer = {
        transferId,
        direction: 'out' as const,
        otherInvoiceId: toInvoiceId,
        amountCents,
        at: transferredAt,
      };
      return { ...state, creditTransfers: [...state.creditTransfers, transfer] };
    }
    case 'CreditAppliedIn': {
      const { transferId, fromInvoiceId, amountCents, appliedAt } = event.data;
      if (state.creditTransfers.some((t) => t.transferId === transferId)) return state;
      const transfer = {
        transferId,
        direction: 'in' as const,
        otherInvoiceId: fromInvoiceId,
        amountCents,
        at: appliedAt,
      };
      return { ...state, creditTransfers: [...state.creditTransfers, transfer] };
    }
    case 'InvoiceCancelled': {
      const { reason, cancelledAt } = event.data;
      return state.cancellation ? state : { ...state, cancellation: { reason, cancelledAt } };
    }
    default:
      return assertNever(event, 'invoice event');
  }
}

function updateEffect(
  invoice: IssuedInvoice,
  effectId: string,
  change: (effect: DirectDebitEffect) => DirectDebitEffect,
): IssuedInvoice {
  const effects = invoice.effects.map((effect) =>
    effect.effectId === effectId ? change(effect) : effect,
  );
  return { ...invoice, effects };
}
