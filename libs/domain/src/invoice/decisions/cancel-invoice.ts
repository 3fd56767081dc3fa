import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { CancelInvoice } from '../invoice.commands';
import { InvoiceRefusal } from '../invoice.errors';
import { EffectCancelled, InvoiceCancelled } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import { checkInstant, requireText } from './invoice-inputs';
import { ofInvoice } from './of-invoice';

/**
 * Rule 22's `RegistroAnulacion`: an invoice issued by mistake is annulled, keeping its number.
 * Only while nothing happened to it — no payment, credit note, credit moved, or effect sent to
 * the bank — every blocking reason listed; its pending effects are cancelled with it.
 */
export function cancelInvoice(
  command: CancelInvoice,
  invoice: IssuedInvoice,
): (EffectCancelled | InvoiceCancelled)[] {
  if (invoice.cancellation)
    throw new DomainError(
      InvoiceRefusal.cancelled,
      `Invoice ${invoice.formatted} was already annulled on ${invoice.cancellation.cancelledAt}.`,
    );
  const problems: RefusalReason[] = [];
  const reason = requireText(
    command.data.reason,
    'reason',
    'Say why the invoice is annulled; its VERI*FACTU record keeps the invoice, not the reason.',
    problems,
  );
  const cancelledAt = command.data.cancelledAt ?? command.metadata.at;
  checkInstant(cancelledAt, 'cancelledAt', problems);
  refuseIfAny(problems);
  refuseIfAny(blockingReasons(invoice));
  const effects: EffectCancelled[] = invoice.effects
    .filter((effect) => effect.status === 'pending')
    .map((effect) => ({
      type: 'EffectCancelled',
      data: {
        ...ofInvoice(invoice),
        effectId: effect.effectId,
        amountCents: effect.amountCents,
        cause: 'invoice-cancelled',
        reason,
        cancelledAt,
      },
    }));
  return [
    ...effects,
    {
      type: 'InvoiceCancelled',
      data: {
        ...ofInvoice(invoice),
        formatted: invoice.formatted,
        totalCents: invoice.totals.totalCents,
        reason,
        cancelledAt,
      },
    },
  ];
}

function blockingReasons(invoice: IssuedInvoice): RefusalReason[] {
  const blocked = (message: string): RefusalReason => ({
    code: InvoiceRefusal.notCancellable,
    message: `${message}: invoice ${invoice.formatted} stands; correct it with a credit note.`,
  });
  const reasons: RefusalReason[] = [];
  if (invoice.payments.length > 0) reasons.push(blocked('It has payments'));
  if (invoice.creditNotes.length + invoice.draftCreditNotes.length > 0)
    reasons.push(blocked('It has credit notes'));
  if (invoice.creditTransfers.length > 0) reasons.push(blocked('Credit was moved to or from it'));
  if (
    invoice.effects.some((effect) => effect.status !== 'pending' && effect.status !== 'cancelled')
  )
    reasons.push(blocked('The bank collected or returned one of its direct debits'));
  if (invoice.effects.some((effect) => effect.status === 'pending' && effect.remittanceId !== null))
    reasons.push(blocked('One of its direct debits went to the bank in a remittance'));
  return reasons;
}
