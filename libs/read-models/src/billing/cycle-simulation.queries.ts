import {
  ContractBillingSnapshot,
  contractBillingSnapshot,
  ContractState,
  customerDecider,
  CustomerState,
  CycleSimulation,
  cycleInvoiceIdFor,
  cycleInvoiceOf,
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

/** Rule R12, "Simular ciclos", over the view: writes nothing. */
export async function simulateFromView(
  source: ReadModelSource,
  query: SimulateFromViewQuery,
): Promise<CycleSimulation> {
  const snapshots = await contractBillingSnapshots(source, {
    customerIds: query.customerIds,
    timeZone: query.timeZone,
    billSuspendedForDebt: query.billSuspendedForDebt,
  });
  const issuedInvoice = await issuedInvoicesOf(source, snapshots, query);
  return simulateCycles(snapshots, {
    from: query.from,
    cycles: query.cycles,
    vatDefault: query.vatDefault,
    issuedInvoice,
    issuers: await billingIssuersOf(managerOf(source), query.defaultIssuerId),
  });
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
  const annulled = new Set<string>();
  let cycles = snapshots.flatMap((snapshot) =>
    simulatedCycles(query.from, snapshot.billing.billingDay, query.cycles).map((cycle) => ({
      contractId: snapshot.contractId,
      period: cycle.period,
    })),
  );
  for (let reissue = 0; cycles.length > 0; reissue++) {
    const idOf = ({ contractId, period }: { contractId: string; period: string }) =>
      cycleInvoiceIdFor(contractId, period, reissue);
    const rows: { id: string; formatted: string; cancelled_at: string | null }[] = await managerOf(
      source,
    ).query('SELECT id, formatted, cancelled_at FROM invoices WHERE id = ANY($1::text[])', [
      cycles.map(idOf),
    ]);
    for (const row of rows)
      if (row.cancelled_at === null) numbers.set(row.id, row.formatted);
      else annulled.add(row.id);
    cycles = cycles.filter((cycle) => annulled.has(idOf(cycle)));
  }
  return (contractId, period) => {
    const id = cycleInvoiceOf(contractId, period, (invoiceId) => annulled.has(invoiceId));
    const number = numbers.get(id);
    return number === undefined ? null : { id, number };
  };
}
