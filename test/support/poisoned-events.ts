import { randomUUID } from 'node:crypto';
import {
  customerStream,
  dateInZone,
  DEFAULT_BILLING_SETTINGS,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent } from '@app/event-store';
import { BilledContract, BillingFixtures, CUSTOMER_IBAN } from './billing-fixtures';
import { TestApp } from './test-app';

export interface PoisonableContract {
  customerId: string;
  contractId: string;
  subscriptionId: string;
}

/**
 * Events as a version without today's checks wrote them (issue 16): appended to the log
 * directly, bypassing the API, as old data the billing run must live with.
 */
export class PoisonedEvents {
  constructor(
    private readonly testApp: TestApp,
    private readonly given: BillingFixtures,
  ) {}

  /** A customer billed in `series`, one signed contract, one active subscription. */
  async billed(series: string, price = 3000): Promise<PoisonableContract> {
    const customerId = await this.given.customer(series);
    const contractId = await this.given.signedContract(customerId);
    const subscriptionId = await this.given.activeSubscription(contractId, price);
    return { customerId, contractId, subscriptionId };
  }

  async append(stream: string, events: NewEvent[]): Promise<void> {
    const store = this.testApp.app.get<EventStore>(EVENT_STORE);
    const { position } = await store.append(stream, events, { expectedRevision: 'any' });
    this.given.last = Math.max(this.given.last, Number(position));
  }

  /** A recurring extra charge of `amountCents`, from the start. */
  extraCharge(
    target: PoisonableContract,
    amountCents: number,
    from: string | null = null,
  ): Promise<void> {
    return this.append(subscriptionStream(target.subscriptionId), [
      {
        type: 'ExtraChargeAdded',
        data: {
          ...ids(target),
          chargeId: randomUUID(),
          amountCents,
          description: 'Written before the maximum',
          recurring: true,
          from,
          addedAt: new Date().toISOString(),
        },
      },
    ]);
  }

  /** A migration to `monthlyPriceCents` from `effectiveDate` (the first one). */
  tariffMigration(
    target: PoisonableContract,
    monthlyPriceCents: number,
    effectiveDate: string,
  ): Promise<void> {
    return this.append(subscriptionStream(target.subscriptionId), [
      {
        type: 'SubscriptionTariffMigrated',
        data: {
          ...ids(target),
          migrationNumber: 1,
          billingMode: 'advance',
          previousTariff: 'Fibra 300',
          previousMonthlyPriceCents: 3000,
          previousEffectiveFrom: dateInZone(new Date().toISOString()),
          tariff: 'Oro',
          monthlyPriceCents,
          effectiveDate,
          migratedAt: new Date().toISOString(),
        },
      },
    ]);
  }

  /** The billing tab as the fixtures set it, but in `invoiceSeries`. */
  invoiceSeries(target: PoisonableContract, invoiceSeries: string): Promise<void> {
    return this.billingSettings(target, invoiceSeries, null);
  }

  /**
   * The billing tab as the fixtures set it, in `invoiceSeries` and naming issuer `issuerId`,
   * as written before rule 21 checked the issuer a customer names.
   */
  namedIssuer(target: BilledContract, issuerId: string, invoiceSeries: string): Promise<void> {
    return this.billingSettings(target, invoiceSeries, issuerId);
  }

  private billingSettings(
    target: BilledContract,
    invoiceSeries: string,
    issuerId: string | null,
  ): Promise<void> {
    return this.append(customerStream(target.customerId), [
      {
        type: 'CustomerBillingSettingsChanged',
        data: {
          customerId: target.customerId,
          settings: {
            ...DEFAULT_BILLING_SETTINGS,
            billingEnabled: true,
            paymentMethod: 'direct_debit',
            invoiceSeries,
            billingDay: 1,
            iban: CUSTOMER_IBAN.replace(/ /g, ''),
            issuerId,
          },
          changes: [{ field: 'invoiceSeries', before: null, after: invoiceSeries }],
        },
      },
    ]);
  }
}

const ids = ({ subscriptionId, contractId, customerId }: PoisonableContract) => ({
  subscriptionId,
  contractId,
  customerId,
});
