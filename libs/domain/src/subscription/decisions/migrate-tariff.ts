import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { MigrateSubscriptionTariff } from '../subscription.commands';
import { SubscriptionRefusal } from '../subscription.errors';
import { SubscriptionTariffMigrated } from '../subscription.events';
import { currentTariffOf } from '../subscription.pricing';
import {
  ActiveNotBillableSubscription,
  ActiveSubscription,
  SuspendedSubscription,
} from '../subscription.state';
import { ofSubscription } from './of-subscription';
import { checkDay, checkPrice, requireText } from './subscription-inputs';

type LiveSubscription = ActiveSubscription | ActiveNotBillableSubscription | SuspendedSubscription;

/**
 * Rule R10: a new tariff from a calendar day. The event keeps the previous tariff and price so
 * billing can credit the unused days already billed in advance. A migration cannot reach back
 * before the current tariff took effect: that period may already be invoiced at its price.
 * Migrating to the tariff and price already current changes nothing.
 */
export function migrateSubscriptionTariff(
  command: MigrateSubscriptionTariff,
  subscription: LiveSubscription,
): SubscriptionTariffMigrated[] {
  const { monthlyPriceCents, effectiveDate } = command.data;
  const problems: RefusalReason[] = [];
  const tariff = requireText(command.data.tariff, 'tariff', 'Name the new tariff.', problems);
  checkPrice(monthlyPriceCents, problems);
  checkDay(effectiveDate, 'effectiveDate', problems);
  refuseIfAny(problems);
  const current = currentTariffOf(subscription);
  if (current === null)
    throw new Error(`Subscription ${subscription.subscriptionId} has no tariff`);
  if (effectiveDate < current.effectiveFrom) {
    const message = `The new tariff cannot take effect on ${effectiveDate}: the current tariff "${current.tariff}" took effect on ${current.effectiveFrom}. Choose ${current.effectiveFrom} or later.`;
    throw DomainError.fromReasons([
      { code: SubscriptionRefusal.migrationBackdated, field: 'effectiveDate', message },
    ]);
  }
  if (current.tariff === tariff && current.monthlyPriceCents === monthlyPriceCents) return [];
  const data = {
    ...ofSubscription(subscription),
    migrationNumber: subscription.migrations + 1,
    billingMode: subscription.billingMode,
    previousTariff: current.tariff,
    previousMonthlyPriceCents: current.monthlyPriceCents,
    previousEffectiveFrom: current.effectiveFrom,
    tariff,
    ...(command.data.tariffId ? { tariffId: command.data.tariffId } : {}),
    monthlyPriceCents,
    effectiveDate,
    migratedAt: command.metadata.at,
  };
  return [{ type: 'SubscriptionTariffMigrated', data }];
}
