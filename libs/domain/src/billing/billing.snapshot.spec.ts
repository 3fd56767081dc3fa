import { ContractState } from '../contract/contract.state';
import { DEFAULT_BILLING_SETTINGS } from '../customer/customer.billing';
import { EMPTY_PROFILE } from '../customer/customer.profile';
import { ActiveCustomer, CustomerState } from '../customer/customer.state';
import { ActiveSubscription, SubscriptionState } from '../subscription/subscription.state';
import { contractBillingSnapshot } from './billing.snapshot';
import { CUSTOMER_FILE_IBAN, SIGNED_IBAN } from './testing/billing.snapshot.fixtures';

const customer: ActiveCustomer = {
  status: 'active',
  customerId: 'customer-1',
  registeredAt: '2025-01-15T09:00:00.000Z',
  profile: {
    ...EMPTY_PROFILE,
    personType: 'natural',
    givenName: 'Ana',
    firstSurname: 'García',
    secondSurname: 'López',
    email: 'ana@example.com',
    document: { type: 'dni', number: '12345678Z' },
    address: { ...EMPTY_PROFILE.address, street: 'Calle Mayor 1', city: 'Madrid' },
  },
  billing: {
    ...DEFAULT_BILLING_SETTINGS,
    billingEnabled: true,
    paymentMethod: 'direct_debit',
    invoiceSeries: 'F',
    billingDay: 5,
    iban: CUSTOMER_FILE_IBAN,
    sendInvoiceEmail: true,
  },
  addresses: [],
  contacts: [],
};

const contract: ContractState = {
  status: 'signed',
  contractId: 'contract-1',
  customerId: 'customer-1',
  paymentMethod: 'direct_debit',
  draftedAt: '2025-01-20T09:00:00.000Z',
  signature: {
    iban: SIGNED_IBAN,
    mandateReference: 'MNDT-1',
    signatory: 'Ana García',
    signedAt: '2025-01-25T12:00:00.000Z',
  },
};

const subscription: ActiveSubscription = {
  status: 'active',
  activatedAt: '2025-02-01',
  subscriptionId: 'sub-1',
  contractId: 'contract-1',
  customerId: 'customer-1',
  billingMode: 'advance',
  requestedAt: '2025-01-20T09:00:00.000Z',
  statusHistory: [
    { status: 'pending-activation', at: '2025-01-20T09:00:00.000Z' },
    { status: 'active', at: '2025-02-01' },
    // 23:30 UTC on the 9th is already the 10th in Madrid.
    { status: 'suspended', at: '2025-03-09T23:30:00.000Z' },
    { status: 'active', at: '2025-03-20' },
  ],
  tariffs: [{ tariff: 'Fibra 300', monthlyPriceCents: 2990, effectiveFrom: '2025-02-01' }],
  migrations: 0,
  discounts: [
    {
      discountId: 'd-1',
      percent: 50,
      amountCents: null,
      from: '2025-02-01',
      until: '2025-05-01',
      grantedAt: '2025-01-21T09:00:00.000Z',
    },
  ],
  extraCharges: [
    {
      chargeId: 'x-1',
      amountCents: 500,
      description: 'Router',
      recurring: false,
      from: null,
      addedAt: '2025-02-10T09:00:00.000Z',
    },
  ],
};

const otherContractsSubscription: SubscriptionState = {
  ...subscription,
  subscriptionId: 'sub-elsewhere',
  contractId: 'contract-2',
};

describe('contractBillingSnapshot', () => {
  const snapshot = contractBillingSnapshot(customer, contract, [
    subscription,
    otherContractsSubscription,
  ]);

  it('keeps the legal name, tax id and address to print on the invoice', () => {
    expect(snapshot?.billedParty).toEqual({
      legalName: 'Ana García López',
      taxId: '12345678Z',
      address: expect.objectContaining({ street: 'Calle Mayor 1', city: 'Madrid' }),
    });
    expect(snapshot?.mainEmail).toBe('ana@example.com');
  });

  it("takes the IBAN from the signature, never the customer file's (R4)", () => {
    expect(snapshot?.contract).toEqual({
      status: 'signed',
      paymentMethod: 'direct_debit',
      signed: true,
      signedIban: SIGNED_IBAN,
      mandateInvalidated: null,
    });
    expect(JSON.stringify(snapshot)).not.toContain(CUSTOMER_FILE_IBAN);
  });

  it("keeps only this contract's subscriptions", () => {
    expect(snapshot?.subscriptions.map((s) => s.subscriptionId)).toEqual(['sub-1']);
  });

  it("turns instants into the tenant's days (Europe/Madrid)", () => {
    expect(snapshot?.subscriptions[0].statusTimeline).toEqual([
      { status: 'pending-activation', from: '2025-01-20' },
      { status: 'active', from: '2025-02-01' },
      { status: 'suspended', from: '2025-03-10' },
      { status: 'active', from: '2025-03-20' },
    ]);
  });

  it('reads a discount until the day before its `until` (the aggregate records [from, until))', () => {
    expect(snapshot?.subscriptions[0].discounts).toEqual([
      { percent: 50, from: '2025-02-01', until: '2025-04-30' },
    ]);
  });

  it('dates an extra charge "from the next cycle invoiced" on the next cycle charged', () => {
    // Added on 10 February, billed in advance on the 5th: the cycle from 5 February was
    // already invoiced, the next invoice charges the cycle from 5 March.
    expect(snapshot?.subscriptions[0].extraCharges).toEqual([
      { amountCents: 500, description: 'Router', recurring: false, from: '2025-03-05' },
    ]);
    const arrears = contractBillingSnapshot(customer, contract, [
      { ...subscription, billingMode: 'arrears' },
    ]);
    expect(arrears?.subscriptions[0].extraCharges?.[0].from).toBe('2025-02-05');
  });

  it('is plain JSON: it survives a round trip through a read model', () => {
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('is null for a customer or contract that is not there to bill', () => {
    const deleted: CustomerState = { status: 'deleted', customerId: 'c', deletedAt: '2025-01-01' };
    expect(contractBillingSnapshot(deleted, contract, [])).toBeNull();
    expect(contractBillingSnapshot(customer, { status: 'none' }, [])).toBeNull();
  });

  it('says an unsigned draft has no IBAN to charge', () => {
    const draft: ContractState = { ...contract, status: 'draft' } as ContractState;
    const unsigned = contractBillingSnapshot(customer, draft, []);
    expect(unsigned?.contract).toEqual(
      expect.objectContaining({ status: 'draft', signed: false, signedIban: null }),
    );
  });

  describe('rule 20: a suspension for debt is billed unless the setting says not', () => {
    const forDebt: SubscriptionState = {
      ...subscription,
      statusHistory: [
        { status: 'pending-activation', at: '2025-01-20T09:00:00.000Z' },
        { status: 'active', at: '2025-02-01' },
        { status: 'suspended', at: '2025-03-10T08:00:00.000Z', by: 'system' },
      ],
    };
    const timeline = (options: { billSuspendedForDebt?: boolean }) =>
      contractBillingSnapshot(customer, contract, [forDebt], options)?.subscriptions[0]
        .statusTimeline;

    it('marks the days suspended by the system as billed, by default', () => {
      expect(timeline({})?.at(-1)).toEqual({
        status: 'suspended',
        from: '2025-03-10',
        billed: true,
      });
      expect(timeline({ billSuspendedForDebt: true })?.at(-1)).toMatchObject({ billed: true });
    });

    it('leaves them unbilled when the setting is off, and an operator’s suspension always', () => {
      expect(timeline({ billSuspendedForDebt: false })?.at(-1)).toEqual({
        status: 'suspended',
        from: '2025-03-10',
      });
      expect(snapshot?.subscriptions[0].statusTimeline).toContainEqual({
        status: 'suspended',
        from: '2025-03-10',
      });
    });
  });
});
