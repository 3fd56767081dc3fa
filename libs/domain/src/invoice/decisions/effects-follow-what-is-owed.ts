import { Cents, sumCents } from '../../values/money';
import { outstandingCents } from '../invoice.balance';
import { EffectCancelled, EffectReduced } from '../invoice.events';
import { IssuedInvoice } from '../invoice.state';
import { DirectDebitEffect, EffectChangeCause } from '../invoice.terms';
import { ofInvoice } from './of-invoice';

type PendingEffect = Extract<DirectDebitEffect, { status: 'pending' }>;

const pending = (invoice: IssuedInvoice): PendingEffect[] =>
  invoice.effects.filter((effect): effect is PendingEffect => effect.status === 'pending');

/** Pending effects that have gone to the bank: they are not changed (rule 17). */
export const remittedPendingCents = (invoice: IssuedInvoice): Cents =>
  sumCents(
    pending(invoice)
      .filter((effect) => effect.remittanceId !== null)
      .map((effect) => effect.amountCents),
  );

/** What effects not yet remitted may still ask for: what is owed, less what the bank already has. */
export const collectableByNewEffectsCents = (invoice: IssuedInvoice): Cents =>
  Math.max(0, outstandingCents(invoice) - remittedPendingCents(invoice));

/**
 * Rule 17: the bank is never asked for more than is owed. After a payment, a credit note or a
 * collection, the pending effects not yet remitted that ask for more than is left are reduced,
 * newest first, and cancelled when nothing is left for them. Remitted effects are not touched:
 * what they over-collect becomes the customer's available credit.
 */
export function effectsFollowingWhatIsOwed(
  invoice: IssuedInvoice,
  cause: EffectChangeCause,
  at: string,
): (EffectReduced | EffectCancelled)[] {
  let allowed = collectableByNewEffectsCents(invoice);
  const unremitted = pending(invoice).filter((effect) => effect.remittanceId === null);
  const kept = new Map<string, Cents>();
  for (const effect of unremitted) {
    const keep = Math.min(effect.amountCents, allowed);
    kept.set(effect.effectId, keep);
    allowed -= keep;
  }
  // Oldest effects keep their amount first, so the newest are the ones reduced.
  return unremitted.flatMap((effect): (EffectReduced | EffectCancelled)[] => {
    const toCents = kept.get(effect.effectId) ?? 0;
    if (toCents === effect.amountCents) return [];
    const { effectId, amountCents } = effect;
    if (toCents === 0)
      return [
        {
          type: 'EffectCancelled',
          data: {
            ...ofInvoice(invoice),
            effectId,
            amountCents,
            cause,
            reason: null,
            cancelledAt: at,
          },
        },
      ];
    return [
      {
        type: 'EffectReduced',
        data: {
          ...ofInvoice(invoice),
          effectId,
          fromCents: amountCents,
          toCents,
          cause,
          reason: null,
          reducedAt: at,
        },
      },
    ];
  });
}
