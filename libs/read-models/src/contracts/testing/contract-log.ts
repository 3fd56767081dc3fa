import {
  ContractCommand,
  ContractCommandType,
  contractDecider,
  contractStream,
  PaymentMethod,
  SubscriptionCommand,
  SubscriptionCommandType,
  subscriptionDecider,
  subscriptionStream,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { CustomerLog, IBAN, RunOptions } from '../../customers/testing/customer-log';

type ContractDataOf<T extends ContractCommandType> = Extract<ContractCommand, { type: T }>['data'];
type SubscriptionDataOf<T extends SubscriptionCommandType> = Extract<
  SubscriptionCommand,
  { type: T }
>['data'];

/*
 * Contract and subscription commands on a `CustomerLog`: decided by the real deciders on their
 * streams' state and appended to the same log as the customers', so projection specs read
 * events with exactly the shape and metadata production writes.
 */

export function runContract<T extends ContractCommandType>(
  log: CustomerLog,
  type: T,
  data: ContractDataOf<T>,
  options?: RunOptions,
): Promise<RecordedEvent[]> {
  const command = { type, data } as Pick<ContractCommand, 'type' | 'data'>;
  return log.decideOn(contractDecider, contractStream(data.contractId), command, options);
}

export function runSubscription<T extends SubscriptionCommandType>(
  log: CustomerLog,
  type: T,
  data: SubscriptionDataOf<T>,
  options?: RunOptions,
): Promise<RecordedEvent[]> {
  const command = { type, data } as Pick<SubscriptionCommand, 'type' | 'data'>;
  return log.decideOn(
    subscriptionDecider,
    subscriptionStream(data.subscriptionId),
    command,
    options,
  );
}

/** Drafts a contract for the customer and returns its id. */
export async function draftContract(
  log: CustomerLog,
  customerId: string,
  paymentMethod: PaymentMethod = 'direct_debit',
  options?: RunOptions,
): Promise<string> {
  const contractId = randomUUID();
  const customer = { status: 'active' as const };
  await runContract(
    log,
    'DraftContract',
    { contractId, customerId, paymentMethod, customer },
    options,
  );
  return contractId;
}

/** Drafts and signs a direct-debit contract on `iban` (Ana signs, mandate `MANDATE-1`). */
export async function signedContract(
  log: CustomerLog,
  customerId: string,
  iban: string = IBAN,
): Promise<string> {
  const contractId = await draftContract(log, customerId);
  await runContract(log, 'SignContract', {
    contractId,
    iban,
    signatory: 'Ana García',
    mandateReference: 'MANDATE-1',
    signedAt: '2025-01-01',
  });
  return contractId;
}

/** Requests "Fibra 300" at 29.90 EUR a month, billed in advance; returns its id. */
export async function requestSubscription(
  log: CustomerLog,
  contractId: string,
  customerId: string,
  input: Partial<SubscriptionDataOf<'RequestSubscription'>> = {},
  options?: RunOptions,
): Promise<string> {
  const subscriptionId = input.subscriptionId ?? randomUUID();
  await runSubscription(
    log,
    'RequestSubscription',
    {
      subscriptionId,
      contractId,
      customerId,
      tariff: 'Fibra 300',
      monthlyPriceCents: 2990,
      billingMode: 'advance',
      contract: { status: 'signed' },
      customer: { status: 'active' },
      ...input,
    },
    options,
  );
  return subscriptionId;
}
