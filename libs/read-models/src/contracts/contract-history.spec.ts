import { customerHistory } from '../customers/customer-history.queries';
import {
  CustomerLog,
  databaseName,
  IBAN,
  IBAN_MASKED,
  OTHER_IBAN,
  OTHER_IBAN_MASKED,
} from '../customers/testing/customer-log';
import { allReadModelProjections } from '.';
import {
  draftContract,
  requestSubscription,
  runContract,
  runSubscription,
  signedContract,
} from './testing/contract-log';

describe(`Contract and subscription lines on the history tab on ${databaseName}`, () => {
  let log: CustomerLog;
  let customerId: string;
  beforeEach(async () => {
    log = await CustomerLog.open('contract_history');
    customerId = await log.register(1);
  });
  afterEach(() => log.close());

  const historyOf = async () =>
    (await customerHistory(log.dataSource, customerId, { pageSize: 100 })).items;

  it("shows a contract's life with before/after, newest first, IBANs masked", async () => {
    const contractId = await draftContract(log, customerId, 'direct_debit', {
      actor: 'operator-eva',
      correlationId: 'request-1',
    });
    await runContract(log, 'SignContract', {
      contractId,
      iban: IBAN,
      signatory: 'Ana García',
      mandateReference: 'MANDATE-1',
      signedAt: '2025-01-01',
    });
    const [changed] = await runContract(log, 'ChangeSignatureIban', {
      contractId,
      iban: OTHER_IBAN,
      mandateReference: 'MANDATE-2',
    });
    await runContract(log, 'TerminateContract', { contractId, reason: 'moved abroad' });
    const draft = await draftContract(log, customerId, 'cash');
    await runContract(log, 'DeleteContractDraft', { contractId: draft });
    await log.project(allReadModelProjections());

    const items = await historyOf();
    expect(items.map((item) => [item.eventType, item.summary])).toEqual([
      ['ContractDraftDeleted', 'Contract draft deleted'],
      ['ContractDrafted', 'Contract drafted: cash'],
      ['ContractTerminated', 'Contract terminated: moved abroad'],
      ['SignatureIbanChanged', 'Signature IBAN changed'],
      ['ContractSigned', 'Contract signed by Ana García'],
      ['ContractDrafted', 'Contract drafted: direct debit'],
      ['CustomerRegistered', 'Customer registered'],
    ]);
    expect(items[5]).toMatchObject({
      stream: `contract-${contractId}`,
      actor: 'operator-eva',
      correlationId: 'request-1',
      changes: [
        { field: 'status', before: null, after: 'draft' },
        { field: 'paymentMethod', before: null, after: 'direct_debit' },
      ],
    });
    expect(items[4].changes).toEqual([
      { field: 'status', before: 'draft', after: 'signed' },
      { field: 'iban', before: null, after: IBAN_MASKED },
      { field: 'mandateReference', before: null, after: 'MANDATE-1' },
      { field: 'signatory', before: null, after: 'Ana García' },
      { field: 'signedAt', before: null, after: '2025-01-01' },
    ]);
    expect(items[3]).toMatchObject({
      eventId: changed.id,
      position: Number(changed.position),
      changes: [
        { field: 'iban', before: IBAN_MASKED, after: OTHER_IBAN_MASKED },
        { field: 'mandateReference', before: 'MANDATE-1', after: 'MANDATE-2' },
      ],
    });
    expect(items[2].changes).toEqual([{ field: 'status', before: 'signed', after: 'terminated' }]);
    expect(items[0]).toMatchObject({
      stream: `contract-${draft}`,
      changes: [{ field: 'status', before: 'draft', after: 'deleted' }],
    });
    const raw = JSON.stringify(await log.dataSource.query('SELECT * FROM customer_history'));
    expect(raw).not.toContain(IBAN);
    expect(raw).not.toContain(OTHER_IBAN);
  });

  it("shows a subscription's status transitions, tariff migrations, discounts and charges", async () => {
    const contractId = await signedContract(log, customerId);
    const id = await requestSubscription(log, contractId, customerId);
    const run = (type: Parameters<typeof runSubscription>[1], data: object = {}) =>
      runSubscription(log, type, { subscriptionId: id, ...data } as never);
    await run('GrantDiscount', { discountId: 'd-1', percent: 10, from: '2025-01-01' });
    await run('ActivateSubscription', { activatedAt: '2025-01-01' });
    await run('MoveSubscriptionToActiveNotBillable', { reason: 'company line' });
    await run('MoveSubscriptionToActiveBillable');
    await run('SuspendSubscription', { reason: 'unpaid' });
    await run('ResumeSubscription');
    await run('MigrateSubscriptionTariff', {
      tariff: 'Fibra 600',
      monthlyPriceCents: 3500,
      effectiveDate: '2025-02-15',
    });
    await run('AddExtraCharge', {
      chargeId: 'x-1',
      amountCents: 1500,
      description: 'Router',
      recurring: false,
    });
    await run('CancelSubscription', { reason: 'moved' });
    const rejected = await requestSubscription(log, contractId, customerId, { tariff: 'Móvil' });
    await runSubscription(log, 'RejectSubscription', {
      subscriptionId: rejected,
      reason: 'no coverage',
    });
    await log.project(allReadModelProjections());

    const lines = (await historyOf()).filter((item) => item.stream.startsWith('subscription-'));
    expect(lines.map((item) => [item.summary, item.changes]).reverse()).toEqual([
      [
        'Subscription requested: Fibra 300 at 29.90 EUR a month',
        [
          { field: 'status', before: null, after: 'pending-activation' },
          { field: 'tariff', before: null, after: 'Fibra 300' },
          { field: 'monthlyPriceCents', before: null, after: 2990 },
          { field: 'billingMode', before: null, after: 'advance' },
        ],
      ],
      [
        'Discount granted: 10%',
        [
          {
            field: 'discounts',
            before: null,
            after: {
              discountId: 'd-1',
              percent: 10,
              amountCents: null,
              from: '2025-01-01',
              until: null,
              grantedAt: expect.any(String),
            },
          },
        ],
      ],
      [
        'Subscription activated',
        [{ field: 'status', before: 'pending-activation', after: 'active' }],
      ],
      [
        'Subscription moved to active, not billable: company line',
        [{ field: 'status', before: 'active', after: 'active-not-billable' }],
      ],
      [
        'Subscription moved back to billable',
        [{ field: 'status', before: 'active-not-billable', after: 'active' }],
      ],
      [
        'Subscription suspended: unpaid',
        [{ field: 'status', before: 'active', after: 'suspended' }],
      ],
      ['Subscription resumed', [{ field: 'status', before: 'suspended', after: 'active' }]],
      [
        'Tariff migrated from Fibra 300 to Fibra 600 on 2025-02-15',
        [
          { field: 'tariff', before: 'Fibra 300', after: 'Fibra 600' },
          { field: 'monthlyPriceCents', before: 2990, after: 3500 },
          { field: 'effectiveFrom', before: '2025-01-01', after: '2025-02-15' },
        ],
      ],
      [
        'Extra charge added: Router, 15.00 EUR',
        [
          {
            field: 'extraCharges',
            before: null,
            after: {
              chargeId: 'x-1',
              amountCents: 1500,
              description: 'Router',
              recurring: false,
              from: null,
              addedAt: expect.any(String),
            },
          },
        ],
      ],
      ['Subscription cancelled: moved', [{ field: 'status', before: null, after: 'cancelled' }]],
      ['Subscription requested: Móvil at 29.90 EUR a month', expect.any(Array)],
      [
        'Subscription rejected: no coverage',
        [{ field: 'status', before: 'pending-activation', after: 'rejected' }],
      ],
    ]);
    expect(lines[0].stream).toBe(`subscription-${rejected}`);
    expect(lines[2].stream).toBe(`subscription-${id}`);
  });

  it("keeps the lines on their own customer's tab", async () => {
    const other = await log.register(2);
    await signedContract(log, other);
    await log.project(allReadModelProjections());
    expect((await historyOf()).map((item) => item.eventType)).toEqual(['CustomerRegistered']);
    const theirs = await customerHistory(log.dataSource, other);
    expect(theirs.items.map((item) => item.eventType)).toEqual([
      'ContractSigned',
      'ContractDrafted',
      'CustomerRegistered',
    ]);
  });
});
