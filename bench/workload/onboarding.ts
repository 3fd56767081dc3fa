import {
  ContractBillingSnapshot,
  ContractState,
  contractDecider,
  contractStream,
  CustomerState,
  customerDecider,
  customerStream,
  SubscriptionState,
  subscriptionDecider,
  subscriptionStream,
} from '@app/domain';
import { SeededRandom } from './seeded-random';
import { decideOn, StreamAppend } from './workload-stream';
import { INVOICE_SERIES, TARIFFS, WORKLOAD_IBANS, WorkloadOptions } from './workload-options';

/** One customer of the workload, its aggregates' states kept in memory as the log grows. */
export interface WorkloadCustomer {
  customerId: string;
  customer: CustomerState;
  contracts: Map<string, ContractState>;
  subscriptions: Map<string, SubscriptionState>;
  /** Subscriptions whose tariff migrates, and in which month (1–12). */
  migrations: Map<string, number>;
  /**
   * Each contract's billing snapshot, kept until one of the customer's aggregates changes:
   * building it converts every timeline instant to a day in the tenant's zone, the generator's
   * largest cost when done twelve times over.
   */
  snapshots: Map<string, ContractBillingSnapshot | null>;
}

/**
 * A customer signing up in December before the billed year: registered with billing on
 * (direct debit, series F, a billing day), one or two signed contracts, one to three active
 * subscriptions each. Every event comes from the aggregates' deciders.
 */
export function onboardCustomer(
  random: SeededRandom,
  index: number,
  options: WorkloadOptions,
): { customer: WorkloadCustomer; appends: StreamAppend[] } {
  const customerId = random.uuid();
  const at = (d: number) => `${decemberDay(options, d)}T10:00:00.000Z`;
  const registered = decideOn(customerDecider, customerDecider.initialState, {
    type: 'RegisterCustomer',
    data: {
      customerId,
      personType: 'legal',
      name: `Bench Customer ${index}`,
      email: `customer-${index}@bench.example`,
      zone: random.pick(['Centro', 'Norte', 'Sur', 'Este', 'Oeste']),
      code: `B-${index}`,
    },
    metadata: { at: at(1) },
  });
  const billing = decideOn(customerDecider, registered.state, {
    type: 'ChangeBillingSettings',
    data: {
      customerId,
      billingEnabled: true,
      paymentMethod: 'direct_debit',
      invoiceSeries: INVOICE_SERIES,
      billingDay: random.int(1, 28),
    },
    metadata: { at: at(2) },
  });
  const customer: WorkloadCustomer = {
    customerId,
    customer: billing.state,
    contracts: new Map(),
    subscriptions: new Map(),
    migrations: new Map(),
    snapshots: new Map(),
  };
  const appends: StreamAppend[] = [
    { stream: customerStream(customerId), events: [...registered.events, ...billing.events] },
  ];
  const contractCount = random.chance(0.3) ? 2 : 1;
  for (let c = 0; c < contractCount; c++) {
    appends.push(...signContract(random, customer, at, options));
  }
  return { customer, appends };
}

function signContract(
  random: SeededRandom,
  customer: WorkloadCustomer,
  at: (day: number) => string,
  options: WorkloadOptions,
): StreamAppend[] {
  const contractId = random.uuid();
  const drafted = decideOn(contractDecider, contractDecider.initialState, {
    type: 'DraftContract',
    data: {
      contractId,
      customerId: customer.customerId,
      paymentMethod: 'direct_debit',
      customer: { status: customer.customer.status },
    },
    metadata: { at: at(3) },
  });
  const signed = decideOn(contractDecider, drafted.state, {
    type: 'SignContract',
    data: {
      contractId,
      iban: random.pick(WORKLOAD_IBANS),
      signatory: 'Bench Signatory',
      mandateReference: `MNDT-${contractId.slice(0, 8)}`,
      signedAt: at(4),
    },
    metadata: { at: at(4) },
  });
  customer.contracts.set(contractId, signed.state);
  const appends: StreamAppend[] = [
    { stream: contractStream(contractId), events: [...drafted.events, ...signed.events] },
  ];
  const subscriptionCount = random.int(1, 3);
  for (let s = 0; s < subscriptionCount; s++) {
    appends.push(requestAndActivate(random, customer, contractId, at, options));
  }
  return appends;
}

function requestAndActivate(
  random: SeededRandom,
  customer: WorkloadCustomer,
  contractId: string,
  at: (day: number) => string,
  options: WorkloadOptions,
): StreamAppend {
  const subscriptionId = random.uuid();
  const billingMode = random.chance(0.8) ? 'advance' : 'arrears';
  const requested = decideOn(subscriptionDecider, subscriptionDecider.initialState, {
    type: 'RequestSubscription',
    data: {
      subscriptionId,
      contractId,
      customerId: customer.customerId,
      ...random.pick(TARIFFS),
      billingMode,
      requestedAt: at(5),
      contract: { status: customer.contracts.get(contractId)?.status ?? 'none' },
      customer: { status: customer.customer.status },
    },
    metadata: { at: at(5) },
  });
  const activated = decideOn(subscriptionDecider, requested.state, {
    type: 'ActivateSubscription',
    data: { subscriptionId, activatedAt: decemberDay(options, random.int(6, 20)) },
    metadata: { at: at(21) },
  });
  customer.subscriptions.set(subscriptionId, activated.state);
  if (billingMode === 'advance' && random.chance(options.migrationShare)) {
    customer.migrations.set(subscriptionId, random.int(2, 12));
  }
  return {
    stream: subscriptionStream(subscriptionId),
    events: [...requested.events, ...activated.events],
  };
}

/** A day of the December before the billed year, when the workload's customers sign up. */
const decemberDay = (options: WorkloadOptions, day: number) =>
  `${options.year - 1}-12-${String(day).padStart(2, '0')}`;
