import { BillingLine } from './billing.lines';
import { cycleContaining } from './billing.cycles';
import { MigrationCredit, migrationCredit } from './billing.migration-credit';
import { PricingTariff } from './billing.pricing-input';
import { SnapshotSubscription } from './billing.snapshot';

/** What the mass credit run reads of an issued invoice. */
export interface CreditedInvoice {
  lines: readonly BillingLine[];
  /** Migrations already credited on it (R10: at most once each). */
  creditedMigrationIds: readonly string[];
}

export interface MigrationCreditDue {
  /** Names the migration: the subscription and the day its new tariff took effect. */
  migrationId: string;
  subscriptionId: string;
  credit: MigrationCredit;
}

/** The id rule R10's "at most once" is kept by. */
export const migrationIdOf = (subscriptionId: string, effectiveFrom: string): string =>
  `${subscriptionId}/tariff-from/${effectiveFrom}`;

/**
 * Rule R10's mass credit run, for one invoice: each tariff migration of a subscription billed
 * in advance that took effect strictly inside days the invoice charged at the old tariff, and
 * not credited yet, is owed the unused days of the old tariff. A migration recorded before the
 * invoice was priced owes nothing: pricing already split the tariff lines at its day.
 */
export function migrationCreditsDue(
  invoice: CreditedInvoice,
  subscriptions: readonly SnapshotSubscription[],
  billingDay: number,
): MigrationCreditDue[] {
  return invoice.lines.flatMap((line) => {
    if (line.kind !== 'tariff') return [];
    const subscription = subscriptions.find((s) => s.subscriptionId === line.subscriptionId);
    if (subscription?.billingMode !== 'advance') return [];
    const timeline = [...subscription.tariffTimeline].sort((a, b) =>
      a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
    return timeline.flatMap((migration, index) => {
      const previous = timeline[index - 1];
      const inside = line.period.from < migration.effectiveFrom;
      if (!previous || !inside || migration.effectiveFrom >= line.period.to) return [];
      const migrationId = migrationIdOf(line.subscriptionId, migration.effectiveFrom);
      if (invoice.creditedMigrationIds.includes(migrationId)) return [];
      const credit = creditFor(line, previous, migration, subscription, billingDay);
      return credit.lines.length === 0
        ? []
        : [{ migrationId, subscriptionId: line.subscriptionId, credit }];
    });
  });
}

function creditFor(
  line: BillingLine,
  previous: PricingTariff,
  migration: PricingTariff,
  subscription: SnapshotSubscription,
  billingDay: number,
): MigrationCredit {
  return migrationCredit({
    subscriptionId: line.subscriptionId,
    previousTariff: { tariff: previous.tariff, monthlyPriceCents: previous.monthlyPriceCents },
    newTariff: { tariff: migration.tariff, monthlyPriceCents: migration.monthlyPriceCents },
    effectiveDate: migration.effectiveFrom,
    invoicedPeriod: cycleContaining(line.period.from, billingDay),
    invoicedDays: line.period,
    discounts: subscription.discounts ?? [],
    vatRatePercent: line.vatRatePercent,
  });
}
