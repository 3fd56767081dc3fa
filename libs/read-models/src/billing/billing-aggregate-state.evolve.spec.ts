import {
  ContractEvent,
  contractDecider,
  CustomerEvent,
  customerDecider,
  SubscriptionEvent,
  subscriptionDecider,
} from '@app/domain';
import {
  CONTRACT_CUSTOMER_ID,
  CONTRACT_ID,
  contractDrafted,
  contractSigned,
  SIGNED_IBAN,
} from '@app/domain/contract/testing/contract.fixtures';
import {
  CUSTOMER_ID,
  deactivated,
  registered,
} from '@app/domain/customer/testing/customer.fixtures';
import {
  activated,
  requested,
  SUBSCRIPTION_CONTRACT_ID,
  SUBSCRIPTION_CUSTOMER_ID,
  SUBSCRIPTION_ID,
} from '@app/domain/subscription/testing/subscription.fixtures';
import type { RecordedEvent } from '@app/event-store';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import {
  evolveBillingAggregateState,
  isBillingAggregateEvent,
} from './billing-aggregate-state.evolve';

describe('evolveBillingAggregateState (pure: no database)', () => {
  it("keeps a customer's state as the customer decider folds it", () => {
    const history: CustomerEvent[] = [registered(), deactivated()];
    const row = foldRow(
      evolveBillingAggregateState,
      recordedStream(`customer-${CUSTOMER_ID}`, history),
    );
    expect(row).toEqual({
      stream: `customer-${CUSTOMER_ID}`,
      kind: 'customer',
      customerId: CUSTOMER_ID,
      contractId: null,
      state: history.reduce(customerDecider.evolve, customerDecider.initialState),
      lastRevision: 1,
    });
  });

  it("keeps a contract's state, with its customer, the IBAN in full (internal to billing)", () => {
    const history: ContractEvent[] = [contractDrafted(), contractSigned()];
    const row = foldRow(
      evolveBillingAggregateState,
      recordedStream(`contract-${CONTRACT_ID}`, history),
    );
    expect(row).toMatchObject({
      kind: 'contract',
      customerId: CONTRACT_CUSTOMER_ID,
      contractId: CONTRACT_ID,
      state: history.reduce(contractDecider.evolve, contractDecider.initialState),
      lastRevision: 1,
    });
    expect(JSON.stringify(row?.state)).toContain(SIGNED_IBAN);
  });

  it("keeps a subscription's state with its contract and customer", () => {
    const history: SubscriptionEvent[] = [requested(), activated()];
    const row = foldRow(
      evolveBillingAggregateState,
      recordedStream(`subscription-${SUBSCRIPTION_ID}`, history),
    );
    expect(row).toMatchObject({
      kind: 'subscription',
      customerId: SUBSCRIPTION_CUSTOMER_ID,
      contractId: SUBSCRIPTION_CONTRACT_ID,
      state: history.reduce(subscriptionDecider.evolve, subscriptionDecider.initialState),
    });
  });

  it('keeps nothing for a stream whose aggregate never started, or for other events', () => {
    const [, signed] = recordedStream(`contract-${CONTRACT_ID}`, [
      contractDrafted(),
      contractSigned(),
    ]);
    // Signed with no draft before it: the contract decider's state stays `none`.
    expect(evolveBillingAggregateState(null, { ...signed, revision: 0n })).toBeNull();
    const other = { ...signed, type: 'InvoiceIssued' } as RecordedEvent;
    expect(isBillingAggregateEvent(other)).toBe(false);
    expect(evolveBillingAggregateState(null, other)).toBeNull();
  });
});
