import {
  BillingProblemCode,
  ContractBillingSnapshot,
  contractBillingSnapshot,
  contractDecider,
  ContractEvent,
  ContractState,
  customerDecider,
  CustomerEvent,
  CustomerState,
  foldEvents,
  isContractEvent,
  isCustomerEvent,
  subscriptionDecider,
  SubscriptionEvent,
  SubscriptionState,
  CycleSimulation,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { CustomerLog, databaseName, IBAN } from '../customers/testing/customer-log';
import {
  draftContract,
  requestSubscription,
  runContract,
  runSubscription,
  signedContract,
} from '../contracts/testing/contract-log';
import { allReadModelProjections } from '../contracts';
import { billingProjections } from '.';
import {
  contractBillingSnapshots,
  simulateFromView,
  simulationBatchesFromView,
} from './cycle-simulation.queries';
import { cycleSimulationViewProjection } from './cycle-simulation-view.projection';

describe(`Cycle simulation view on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('cycle_simulation_view');
  });
  afterEach(() => log.close());

  const project = () => log.project(billingProjections());
  const byContract = (snapshots: ContractBillingSnapshot[]) =>
    [...snapshots].sort((a, b) => a.contractId.localeCompare(b.contractId));

  /** Ana: a signed contract with an active subscription. Bea: a direct-debit draft with one. */
  async function twoCustomers() {
    const billing = {
      billingEnabled: true,
      invoiceSeries: 'F',
      paymentMethod: 'direct_debit' as const,
    };
    const ana = await log.register(1);
    await log.run('ChangeBillingSettings', { customerId: ana, iban: IBAN, ...billing });
    const signed = await signedContract(log, ana, IBAN);
    const anaLine = await requestSubscription(log, signed, ana);
    await runSubscription(log, 'ActivateSubscription', {
      subscriptionId: anaLine,
      activatedAt: '2025-01-01',
    });

    const bea = await log.register(2);
    await log.run('ChangeBillingSettings', { customerId: bea, ...billing });
    const unsigned = await draftContract(log, bea, 'direct_debit');
    const beaLine = await requestSubscription(log, unsigned, bea);
    await runSubscription(log, 'ActivateSubscription', {
      subscriptionId: beaLine,
      activatedAt: '2025-01-01',
    });
    // A deleted draft has nothing to bill.
    const deleted = await draftContract(log, bea, 'transfer');
    await runContract(log, 'DeleteContractDraft', { contractId: deleted });
    return { ana, bea, signed, unsigned, anaLine, beaLine };
  }

  /** The snapshots as folding each stream of the log gives them. */
  async function snapshotsFromLog(): Promise<ContractBillingSnapshot[]> {
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await log.allEvents())
      streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
    const customers = new Map<string, CustomerState>();
    const contracts: ContractState[] = [];
    const subscriptions: SubscriptionState[] = [];
    for (const events of streams.values()) {
      if (isCustomerEvent(events[0])) {
        const state = foldEvents(customerDecider, events as unknown as CustomerEvent[]);
        if ('customerId' in state) customers.set(state.customerId, state);
      } else if (isContractEvent(events[0]))
        contracts.push(foldEvents(contractDecider, events as unknown as ContractEvent[]));
      else
        subscriptions.push(
          foldEvents(subscriptionDecider, events as unknown as SubscriptionEvent[]),
        );
    }
    return contracts.flatMap((contract) => {
      if (contract.status === 'none') return [];
      const customer = customers.get(contract.customerId) ?? customerDecider.initialState;
      const snapshot = contractBillingSnapshot(customer, contract, subscriptions);
      return snapshot === null ? [] : [snapshot];
    });
  }

  it('gives the same snapshots as folding the streams from the log', async () => {
    const { ana, signed, unsigned } = await twoCustomers();
    await project();

    const fromView = await contractBillingSnapshots(log.dataSource);
    expect(byContract(fromView)).toEqual(byContract(await snapshotsFromLog()));
    expect(fromView.map((snapshot) => snapshot.contractId).sort()).toEqual(
      [signed, unsigned].sort(),
    );
    const onlyAna = await contractBillingSnapshots(log.dataSource, { customerIds: [ana] });
    expect(onlyAna.map((snapshot) => snapshot.contractId)).toEqual([signed]);
    expect(await contractBillingSnapshots(log.dataSource, { customerIds: ['nope'] })).toEqual([]);
  });

  it('is kept by the runner of every read model', async () => {
    await twoCustomers();
    await log.project(allReadModelProjections());
    expect(byContract(await contractBillingSnapshots(log.dataSource))).toEqual(
      byContract(await snapshotsFromLog()),
    );
  });

  it('simulates: lists rule R12 problems and previews invoices of signed contracts', async () => {
    const { ana, bea, signed, unsigned } = await twoCustomers();
    await project();

    const simulation = await simulateFromView(log.dataSource, {
      from: '2025-03-01',
      cycles: 2,
      vatDefault: 21,
      defaultIssuerId: 'default',
    });

    expect(simulation.problems).toContainEqual(
      expect.objectContaining({
        code: BillingProblemCode.directDebitWithoutSignedIban,
        customerId: bea,
        contractId: unsigned,
      }),
    );
    expect(simulation.problems).toContainEqual(
      expect.objectContaining({
        code: BillingProblemCode.activeOnUnsignedContract,
        contractId: unsigned,
      }),
    );
    expect(simulation.problems.filter((problem) => problem.contractId === signed)).toEqual([]);
    const anaContract = simulation.contracts.find((contract) => contract.contractId === signed)!;
    expect(anaContract.customerId).toBe(ana);
    expect(anaContract.cycles).toHaveLength(2);
    for (const cycle of anaContract.cycles) expect(cycle.invoice).not.toBeNull();
    const beaContract = simulation.contracts.find((contract) => contract.contractId === unsigned)!;
    expect(beaContract.cycles.every((cycle) => cycle.invoice === null)).toBe(true);

    const onlyBea = await simulateFromView(log.dataSource, {
      customerIds: [bea],
      from: '2025-03-01',
      cycles: 1,
      vatDefault: 21,
      defaultIssuerId: 'default',
    });
    expect(onlyBea.contracts.map((contract) => contract.contractId)).toEqual([unsigned]);
  });

  it('simulates a batch of customers at a time: batches of one give the whole answer', async () => {
    const { ana, bea } = await twoCustomers();
    await project();
    const query = { from: '2025-03-01', cycles: 2, vatDefault: 21, defaultIssuerId: 'default' };
    const batches: CycleSimulation[] = [];
    for await (const batch of simulationBatchesFromView(log.dataSource, {
      ...query,
      batchCustomers: 1,
    }))
      batches.push(batch);

    const customersOf = (batch: CycleSimulation) => [
      ...new Set(batch.contracts.map((contract) => contract.customerId)),
    ];
    expect(batches.map(customersOf)).toEqual([ana, bea].sort().map((customer) => [customer]));
    const whole = await simulateFromView(log.dataSource, query);
    expect(batches.flatMap((batch) => batch.contracts)).toEqual(whole.contracts);
    expect(batches.flatMap((batch) => batch.problems)).toEqual(whole.problems);
    expect(await simulateFromView(log.dataSource, { ...query, batchCustomers: 1 })).toEqual(whole);
    await expect(simulateFromView(log.dataSource, { ...query, batchCustomers: 0 })).rejects.toThrow(
      RangeError,
    );
  });

  it('applies each event once: replaying the log changes nothing', async () => {
    await twoCustomers();
    await project();
    const table = () =>
      log.dataSource.query('SELECT * FROM billing_aggregate_states ORDER BY stream');
    const before = await table();
    expect(before.length).toBeGreaterThan(0);

    const projection = cycleSimulationViewProjection();
    const events = await log.allEvents();
    await log.dataSource.transaction(async (manager) => {
      for (const event of events) await projection.applyBatch([event], manager);
    });
    expect(await table()).toEqual(before);
    expect(byContract(await contractBillingSnapshots(log.dataSource))).toEqual(
      byContract(await snapshotsFromLog()),
    );
  });
});
