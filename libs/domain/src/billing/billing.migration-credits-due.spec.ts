import { billingPeriod } from './billing.cycles';
import { migrationCreditsDue, migrationIdOf } from './billing.migration-credits-due';
import { priceSubscription } from './billing.pricing';
import { SnapshotSubscription } from './billing.snapshot';

const MARCH = billingPeriod('2026-03', 1);
const OLD = { tariff: 'Fibra 300', monthlyPriceCents: 3100, effectiveFrom: '2026-01-01' };
const NEW = { tariff: 'Fibra 1000', monthlyPriceCents: 6200, effectiveFrom: '2026-03-17' };

function subscription(
  tariffs: SnapshotSubscription['tariffTimeline'],
  billingMode: 'advance' | 'arrears' = 'advance',
): SnapshotSubscription {
  return {
    subscriptionId: 'sub-1',
    status: 'active',
    billingMode,
    statusTimeline: [{ status: 'active', from: '2026-01-01' }],
    tariffTimeline: tariffs,
    discounts: [],
    extraCharges: [],
  };
}

/** March's invoice as it was priced when issued on 1 March: the old tariff all month. */
const invoicedBeforeMigration = priceSubscription(subscription([OLD]), MARCH);

describe('Rule R10: which migrations the mass credit run owes a credit note', () => {
  it('credits the unused days of the old tariff when it migrated mid-cycle after being invoiced', () => {
    const due = migrationCreditsDue(
      { lines: invoicedBeforeMigration, creditedMigrationIds: [] },
      [subscription([OLD, NEW])],
      1,
    );
    expect(due).toHaveLength(1);
    const [{ migrationId, credit }] = due;
    expect(migrationId).toBe(migrationIdOf('sub-1', '2026-03-17'));
    expect(credit.unusedDays).toEqual({ from: '2026-03-17', to: '2026-04-01' });
    // 15 of 31 days of 31.00 EUR: exactly 15.00 EUR net, 21 % VAT on top.
    expect(credit.totals).toEqual({ netCents: 1500, vatCents: 315, totalCents: 1815 });
  });

  it('owes nothing for a migration already credited (at most once)', () => {
    const credited = [migrationIdOf('sub-1', '2026-03-17')];
    expect(
      migrationCreditsDue(
        { lines: invoicedBeforeMigration, creditedMigrationIds: credited },
        [subscription([OLD, NEW])],
        1,
      ),
    ).toEqual([]);
  });

  it('owes nothing when the invoice was priced after the migration (its lines split already)', () => {
    const lines = priceSubscription(subscription([OLD, NEW]), MARCH);
    expect(
      migrationCreditsDue({ lines, creditedMigrationIds: [] }, [subscription([OLD, NEW])], 1),
    ).toEqual([]);
  });

  it('owes nothing to subscriptions billed in arrears: they pay for days already used', () => {
    const arrears = subscription([OLD, NEW], 'arrears');
    expect(
      migrationCreditsDue(
        { lines: invoicedBeforeMigration, creditedMigrationIds: [] },
        [arrears],
        1,
      ),
    ).toEqual([]);
  });

  it('owes nothing for a migration on the first day of the cycle or after it', () => {
    for (const effectiveFrom of ['2026-03-01', '2026-04-01']) {
      expect(
        migrationCreditsDue(
          { lines: invoicedBeforeMigration, creditedMigrationIds: [] },
          [subscription([OLD, { ...NEW, effectiveFrom }])],
          1,
        ),
      ).toEqual([]);
    }
  });
});
