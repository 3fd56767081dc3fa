import {
  ContractBillingSnapshot,
  contractBillingSnapshot,
  ContractState,
  customerDecider,
  CustomerState,
  CycleSimulation,
  cycleInvoiceIdFor,
  IssuedCycleInvoice,
  PlainDate,
  simulateCycles,
  simulatedCycles,
  SubscriptionState,
} from '@app/domain';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';
import { billingIssuersOf } from '../issuers/issuer.queries';
import { BillingAggregateKind } from './billing-aggregate-state.entity';

export interface ContractBillingSnapshotsQuery {
  /** Only these customers; all when left out. */
  customerIds?: readonly string[];
  /** Days of the timelines in this zone (default: the tenant's, Europe/Madrid). */
  timeZone?: string;
  /** Rule 20: subscriptions suspended for debt are invoiced (default: yes). */
  billSuspendedForDebt?: boolean;
}

export interface SimulateFromViewQuery {
  customerIds?: readonly string[];
  /** The configured issuer's id (rule 21): the simulation lists the run's issuer problems. */
  defaultIssuerId: string;
  from: PlainDate;
  cycles: number;
  vatDefault: number;
  timeZone?: string;
  billSuspendedForDebt?: boolean;
}

interface StateRow {
  customer_id: string;
  kind: BillingAggregateKind;
  state: unknown;
}

interface CustomerGroup {
  customer: CustomerState;
  contracts: ContractState[];
  subscriptions: SubscriptionState[];
}

/** Customers a simulation reads, simulates and answers at a time (keyset pages of customer ids). */
export const SIMULATION_BATCH_CUSTOMERS = 500;

export interface SimulationBatchesQuery extends SimulateFromViewQuery {
  /** Customers per batch (default `SIMULATION_BATCH_CUSTOMERS`). */
  batchCustomers?: number;
}

/**
 * Every contract's billing snapshot (rule R12), from the cycle simulation view in ONE pass: a
 * single SELECT ordered by customer, grouped per customer in memory. Contracts with nothing to
 * bill (customer not registered or deleted, contract deleted) are left out. The states read
 * here hold full IBANs; only the snapshots (the signed IBAN billing charges) leave this function.
 */
export async function contractBillingSnapshots(
  source: ReadModelSource,
  query: ContractBillingSnapshotsQuery = {},
): Promise<ContractBillingSnapshot[]> {
  const ids = query.customerIds?.filter(isUuid);
  if (ids !== undefined && ids.length === 0) return [];
  const where = ids === undefined ? '' : 'WHERE customer_id = ANY($1::uuid[])';
  const rows: StateRow[] = await managerOf(source).query(
    `SELECT customer_id, kind, state FROM billing_aggregate_states ${where}
      ORDER BY customer_id, kind, stream`,
    ids === undefined ? [] : [ids],
  );
  return snapshotsOfRows(rows, query);
}

/**
 * The snapshots of the next `limit` customers after `after` (by id; from the first when null),
 * of those in `customerIds` when given: one keyset page of the view, read in one SELECT. Answers
 * the last customer id read (null when there was none left), where the next page starts.
 */
export async function contractBillingSnapshotsPage(
  source: ReadModelSource,
  page: { after: string | null; limit: number },
  query: ContractBillingSnapshotsQuery = {},
): Promise<{ snapshots: ContractBillingSnapshot[]; last: string | null }> {
  const ids = query.customerIds?.filter(isUuid);
  if (ids !== undefined && ids.length === 0) return { snapshots: [], last: null };
  const parameters: unknown[] = [page.limit];
  const conditions: string[] = [];
  if (page.after !== null) conditions.push(`customer_id > $${parameters.push(page.after)}::uuid`);
  if (ids !== undefined) conditions.push(`customer_id = ANY($${parameters.push(ids)}::uuid[])`);
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows: StateRow[] = await managerOf(source).query(
    `SELECT customer_id, kind, state FROM billing_aggregate_states
      WHERE customer_id IN (SELECT DISTINCT customer_id FROM billing_aggregate_states ${where}
                             ORDER BY customer_id LIMIT $1)
      ORDER BY customer_id, kind, stream`,
    parameters,
  );
  const last = rows.length === 0 ? null : rows[rows.length - 1].customer_id;
  return { snapshots: snapshotsOfRows(rows, query), last };
}

/** Rows ordered by customer, grouped per customer, each contract's snapshot (none for those with nothing to bill). */
function snapshotsOfRows(
  rows: readonly StateRow[],
  query: ContractBillingSnapshotsQuery,
): ContractBillingSnapshot[] {
  const groups = new Map<string, CustomerGroup>();
  for (const row of rows) {
    let group = groups.get(row.customer_id);
    if (group === undefined) {
      group = { customer: customerDecider.initialState, contracts: [], subscriptions: [] };
      groups.set(row.customer_id, group);
    }
    const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
    if (row.kind === 'customer') group.customer = state as CustomerState;
    else if (row.kind === 'contract') group.contracts.push(state as ContractState);
    else group.subscriptions.push(state as SubscriptionState);
  }
  const options = { timeZone: query.timeZone, billSuspendedForDebt: query.billSuspendedForDebt };
  return [...groups.values()].flatMap(({ customer, contracts, subscriptions }) =>
    contracts.flatMap((contract) => {
      const snapshot = contractBillingSnapshot(customer, contract, subscriptions, options);
      return snapshot === null ? [] : [snapshot];
    }),
  );
}

/**
 * Rule R12, "Simular ciclos", over the view, a batch of customers at a time: each batch's
 * snapshots and issued invoices are read, simulated and handed over before the next is read, so
 * memory holds one batch whatever the number of customers. A customer's contracts are all in one
 * batch, in the order the whole simulation lists them; each batch lists its own contracts'
 * problems (a problem is one contract's, so the batches' lists joined are the whole's). Each
 * batch reads the view as it stands when it is read. Writes nothing.
 */
export async function* simulationBatchesFromView(
  source: ReadModelSource,
  query: SimulationBatchesQuery,
): AsyncGenerator<CycleSimulation> {
  const limit = query.batchCustomers ?? SIMULATION_BATCH_CUSTOMERS;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`A simulation batch holds at least one customer, got ${limit}`);
  simulateCycles([], query); // the period and cycle count refused before anything is read
  const issuers = await billingIssuersOf(managerOf(source), query.defaultIssuerId);
  const snapshotsQuery = {
    customerIds: query.customerIds,
    timeZone: query.timeZone,
    billSuspendedForDebt: query.billSuspendedForDebt,
  };
  for (let after: string | null = null; ;) {
    const page = await contractBillingSnapshotsPage(source, { after, limit }, snapshotsQuery);
    if (page.last === null) return;
    yield simulateCycles(page.snapshots, {
      from: query.from,
      cycles: query.cycles,
      vatDefault: query.vatDefault,
      issuedInvoice: await issuedInvoicesOf(source, page.snapshots, query),
      issuers,
    });
    after = page.last;
  }
}

/** Rule R12, "Simular ciclos", over the view, as one answer (built from the batches). */
export async function simulateFromView(
  source: ReadModelSource,
  query: SimulationBatchesQuery,
): Promise<CycleSimulation> {
  const whole = simulateCycles([], query);
  for await (const batch of simulationBatchesFromView(source, query)) {
    for (const contract of batch.contracts) whole.contracts.push(contract);
    for (const problem of batch.problems) whole.problems.push(problem);
  }
  return whole;
}

/**
 * The invoices already issued for the cycles simulated, looked up by the ids the run gives
 * them (rule R7, `cycleInvoiceIdFor`; the primary key: one indexed read, however many invoices
 * the view holds), so those cycles are marked issued instead of previewed again. An annulled
 * invoice (rule 22) does not hold its cycle: the cycle's next id is looked up in a further
 * read, and a cycle with none standing is previewed as billable again.
 */
export async function issuedInvoicesOf(
  source: ReadModelSource,
  snapshots: readonly ContractBillingSnapshot[],
  query: { from: PlainDate; cycles: number },
): Promise<(contractId: string, period: string) => IssuedCycleInvoice | null> {
  const numbers = new Map<string, string>();
  /** Each cycle's standing invoice id (the first of its ids not annulled), by contract and period. */
  const standing = new Map<string, string>();
  let cycles = snapshots.flatMap((snapshot) =>
    simulatedCycles(query.from, snapshot.billing.billingDay, query.cycles).map((cycle) => ({
      key: `${snapshot.contractId}/${cycle.period}`,
      id: cycleInvoiceIdFor(snapshot.contractId, cycle.period, 0),
      contractId: snapshot.contractId,
      period: cycle.period,
    })),
  );
  for (let reissue = 1; cycles.length > 0; reissue++) {
    const rows: { id: string; formatted: string; cancelled_at: string | null }[] = await managerOf(
      source,
    ).query('SELECT id, formatted, cancelled_at FROM invoices WHERE id = ANY($1::text[])', [
      cycles.map((cycle) => cycle.id),
    ]);
    const annulled = new Set<string>();
    for (const row of rows)
      if (row.cancelled_at === null) numbers.set(row.id, row.formatted);
      else annulled.add(row.id);
    for (const cycle of cycles) standing.set(cycle.key, cycle.id);
    cycles = cycles
      .filter((cycle) => annulled.has(cycle.id))
      .map((cycle) => ({
        ...cycle,
        id: cycleInvoiceIdFor(cycle.contractId, cycle.period, reissue),
      }));
  }
  return (contractId, period) => {
    const id = standing.get(`${contractId}/${period}`) ?? cycleInvoiceIdFor(contractId, period, 0);
    const number = numbers.get(id);
    return number === undefined ? null : { id, number };
  };
}
