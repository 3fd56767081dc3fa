import { CustomerFilters, findCustomerFile, searchCustomers } from '@app/read-models';
import { DataSource } from 'typeorm';
import { percentile, round, timed } from '../support/measure';

/** Latencies of one query called again and again, one call at a time. */
export interface LatencyFigures {
  calls: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SearchQueryFigures extends LatencyFigures {
  name: string;
  filters: CustomerFilters;
  /** How many customers it matches (`total`). */
  matches: number;
  /** p50 over the baseline's p50 (the unfiltered first page). */
  ratio: number;
}

export interface SearchFigures {
  customers: number;
  subscriptions: number;
  contracts: number;
  invoices: number;
  /** Seconds the bulk INSERTs and VACUUM ANALYZE took. */
  loadSeconds: number;
  /** The unfiltered first page (with its total), the same function. */
  baseline: LatencyFigures;
  /** One customer file by id (`findCustomerFile`): a primary-key read and its figures. */
  primaryKeyRead: LatencyFigures;
  queries: SearchQueryFigures[];
}

/** The headline filter: one of each group, as the issue names it. */
export const COMBINED_FILTER: CustomerFilters = {
  zone: 'zona 3',
  status: 'active',
  paymentMethod: 'direct_debit',
  hasDebt: true,
  subscriptionState: 'active',
};

const QUERIES: { name: string; filters: CustomerFilters }[] = [
  { name: 'zone + status + paymentMethod + hasDebt + subscriptionState', filters: COMBINED_FILTER },
  {
    name: 'city + tariff + contractSigned + hasOverdueInvoices',
    filters: {
      city: 'CIUDAD 7',
      tariff: 'fibra 600',
      contractSigned: true,
      hasOverdueInvoices: true,
    },
  },
  {
    name: 'every group: seller + personType + createdFrom + subscriptionState + ibanMismatch + series + debtOverCents',
    filters: {
      seller: 'vendedor 2',
      personType: 'legal',
      createdFrom: '2025-01-01',
      subscriptionState: 'active',
      ibanMismatch: false,
      series: 'A',
      debtOverCents: 1000,
    },
  },
  {
    name: 'unselective: status + subscriptionState + hasDebt false',
    filters: { status: 'active', subscriptionState: 'active', hasDebt: false },
  },
];

/**
 * The advanced search at `customers` customers: read-model rows written straight by bulk
 * `INSERT … SELECT generate_series` (not through the log and the projections: this stage
 * measures the query, and 100,000 customers projected would take the rebuild stage's time),
 * then VACUUM ANALYZE (what autovacuum would have done: statistics and the visibility map
 * index-only scans need), then each combined filter through `searchCustomers` (the list's page and its
 * total, as `GET /customers` answers) `calls` times, beside the unfiltered first page and a
 * primary-key read measured in the same run.
 */
export async function customerSearchStage(
  readModels: DataSource,
  customers: number,
  calls = 200,
): Promise<SearchFigures> {
  const { result: counts, seconds: loadSeconds } = await timed(async () => {
    const rows = await loadSearchRows(readModels, customers);
    for (const table of [
      'customer_file',
      'customer_subscriptions',
      'customer_contracts',
      'invoices',
    ])
      await readModels.query(`VACUUM ANALYZE ${table}`);
    return rows;
  });
  const baseline = await latencies(calls, () => searchCustomers(readModels, {}));
  const ids: { id: string }[] = await readModels.query(
    'SELECT id FROM customer_file ORDER BY id LIMIT 1000',
  );
  const primaryKeyRead = await latencies(calls, (index) =>
    findCustomerFile(readModels, ids[index % ids.length].id),
  );
  const queries: SearchQueryFigures[] = [];
  for (const { name, filters } of QUERIES) {
    const { total } = await searchCustomers(readModels, filters);
    const figures = await latencies(calls, () => searchCustomers(readModels, filters));
    queries.push({
      name,
      filters,
      matches: total,
      ...figures,
      ratio: round(figures.p50Ms / baseline.p50Ms),
    });
  }
  return {
    customers,
    ...counts,
    loadSeconds: round(loadSeconds),
    baseline,
    primaryKeyRead,
    queries,
  };
}

async function latencies(
  calls: number,
  call: (index: number) => Promise<unknown>,
): Promise<LatencyFigures> {
  for (let warm = 0; warm < 5; warm++) await call(warm);
  const samples: number[] = [];
  for (let index = 0; index < calls; index++) {
    const started = performance.now();
    await call(index);
    samples.push(performance.now() - started);
  }
  return { calls, p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)) };
}

/** A value in 0…m−1 of `of` for `kind`, by hash: independent of the others' (no shared modulus). */
const h = (kind: string, m: number, of = 'i') => `(abs(hashtext('${kind}-' || ${of})) % ${m})`;

/** A deterministic uuid of `n` in namespace `kind` (md5 shaped as a uuid). */
const uuidOf = (kind: string, n: string) => `md5('${kind}-' || ${n})::uuid`;

/**
 * The rows: per customer one file row (20 zones, 10 sellers, 5 collectors, 50 cities, 200
 * neighbourhoods, 3 person types, 28 billing days, 95 % active, 60 % direct debit), one contract
 * (90 % signed, 5 % of those with another IBAN than the file's), one or two subscriptions (80 %
 * active, 8 % suspended, a tenth of those by the system) on one of 4 tariffs, and three invoices
 * of which one in six is unpaid (half of those overdue).
 */
async function loadSearchRows(
  readModels: DataSource,
  customers: number,
): Promise<{ subscriptions: number; contracts: number; invoices: number }> {
  const chunk = 20_000;
  for (let from = 1; from <= customers; from += chunk) {
    const to = Math.min(customers, from + chunk - 1);
    await readModels.query(`
      INSERT INTO customer_file (
        id, code, status, person_type, display_name, name, email, street, city, neighbourhood,
        zone, seller, collector, billing_enabled, payment_method, invoice_series, billing_day,
        masked_iban, iban_fingerprint, vat_rate_percent, notify_emails, send_invoice_email,
        send_payment_email, issuer_id, addresses, contacts, interaction_count, address_count,
        contact_count, invoice_count, pending_effect_count, contract_count, subscription_count,
        unpaid_invoice_count, unpaid_balance_cents, available_credit_cents, warnings,
        last_revision, created_at, updated_at, last_modified_by, search_text, zone_folded,
        seller_folded, collector_folded, city_folded, neighbourhood_folded)
      SELECT ${uuidOf('customer', 'i')}, 'C' || i,
        CASE WHEN ${h('status', 100)} = 0 THEN 'deleted' WHEN ${h('status', 100)} < 5 THEN 'inactive'
             ELSE 'active' END,
        (ARRAY['other', 'natural', 'legal'])[1 + ${h('person', 3)}],
        'Cliente ' || i, 'Cliente ' || i, 'cliente' || i || '@example.com',
        'Calle ' || (i % 997) || ' ' || i, 'Ciudad ' || ${h('city', 50)},
        'Barrio ' || ${h('neighbourhood', 200)}, 'Zona ' || ${h('zone', 20)},
        'Vendedor ' || ${h('seller', 10)}, 'Cobrador ' || ${h('collector', 5)},
        ${h('billing', 10)} <> 0,
        CASE WHEN ${h('method', 20)} < 12 THEN 'direct_debit' WHEN ${h('method', 20)} < 17 THEN 'transfer'
             WHEN ${h('method', 20)} < 19 THEN 'card' ELSE 'cash' END,
        CASE WHEN ${h('series', 4)} = 0 THEN 'B' ELSE 'A' END, 1 + ${h('day', 28)},
        'ES** **** **** **** ' || lpad((i % 10000)::text, 4, '0'), md5('iban-' || i),
        21, '[]'::jsonb, true, false, NULL, '[]'::jsonb, '[]'::jsonb, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, '[]'::jsonb, 1,
        timestamptz '2024-01-01' + ${h('created', 1000)} * interval '1 day', now(), 'bench',
        'cliente ' || i || E'\\ncalle ' || (i % 997) || ' ' || i || E'\\nciudad ' || ${h('city', 50)},
        'zona ' || ${h('zone', 20)}, 'vendedor ' || ${h('seller', 10)},
        'cobrador ' || ${h('collector', 5)}, 'ciudad ' || ${h('city', 50)},
        'barrio ' || ${h('neighbourhood', 200)}
      FROM generate_series(${from}, ${to}) AS i`);
    await readModels.query(`
      INSERT INTO customer_contracts (
        id, customer_id, status, payment_method, masked_iban, iban_fingerprint,
        mandate_reference, signatory, drafted_at, signed_at, last_revision, updated_at,
        last_modified_by)
      SELECT ${uuidOf('contract', 'i')}, ${uuidOf('customer', 'i')},
        CASE WHEN ${h('signed', 10)} = 0 THEN 'draft' ELSE 'signed' END, 'direct_debit',
        'ES** **** **** **** 0000',
        CASE WHEN ${h('signed', 10)} = 0 THEN NULL WHEN ${h('mismatch', 20)} = 0 THEN md5('other-' || i)
             ELSE md5('iban-' || i) END,
        'M-' || i, 'Firma', '2024-01-01',
        CASE WHEN ${h('signed', 10)} = 0 THEN NULL ELSE '2024-01-02' END,
        2, now(), 'bench'
      FROM generate_series(${from}, ${to}) AS i`);
    await readModels.query(`
      INSERT INTO customer_subscriptions (
        id, contract_id, customer_id, status, billable, service_active, tariff, tariff_folded,
        monthly_price_cents, billing_mode, tariff_timeline, discounts, extra_charges,
        requested_at, activated_at, status_since, status_reason, suspended_by, last_revision,
        updated_at, last_modified_by)
      SELECT ${uuidOf('subscription', "i || '-' || n")}, ${uuidOf('contract', 'i')},
        ${uuidOf('customer', 'i')}, s.status, s.status = 'active',
        s.status IN ('active', 'active-not-billable'), s.tariff, s.folded, 3000,
        'advance', '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, '2024-01-01', '2024-01-02',
        '2024-01-02', NULL,
        CASE WHEN s.status <> 'suspended' THEN NULL WHEN ${h('by', 10, "i || '-' || n")} = 0 THEN 'system'
             ELSE 'operator' END,
        2, now(), 'bench'
      FROM generate_series(${from}, ${to}) AS i
      CROSS JOIN generate_series(1, 2) AS n
      CROSS JOIN LATERAL (SELECT ${h('state', 100, "i || '-' || n")} AS state,
        ${h('tariff', 4, "i || '-' || n")} AS tariff) r
      CROSS JOIN LATERAL (SELECT
        CASE WHEN r.state < 80 THEN 'active' WHEN r.state < 88 THEN 'suspended'
             WHEN r.state < 93 THEN 'pending-activation'
             WHEN r.state < 98 THEN 'cancelled' ELSE 'active-not-billable' END AS status,
        (ARRAY['Fibra 300', 'Fibra 600', 'Fibra 1000', 'Móvil 10'])[1 + r.tariff] AS tariff,
        (ARRAY['fibra 300', 'fibra 600', 'fibra 1000', 'movil 10'])[1 + r.tariff] AS folded) s
      WHERE n = 1 OR ${h('second', 2)} = 0`);
    await readModels.query(`
      INSERT INTO invoices (
        id, customer_id, contract_id, series, number, formatted, period_from, period_to,
        cycle_period, issue_date, due_date, customer_snapshot, issuer, masked_iban,
        payment_method, lines, net_cents, vat_cents, total_cents, credited_cents, paid_cents,
        outstanding_cents, available_credit_cents, pending_effects_cents, payments,
        cancelled_at, cancellation_reason, last_revision, issued_at, updated_at)
      SELECT 'inv-' || i || '-' || n, ${uuidOf('customer', 'i')}::text,
        ${uuidOf('contract', 'i')}::text, 'A', i * 3 + n, 'A-' || (i * 3 + n),
        p.day, p.day, substr(p.day, 1, 7), p.day, p.due, '{}'::jsonb, NULL, NULL,
        'direct_debit', '[]'::jsonb, 3000, 630, 3630, 0,
        CASE WHEN p.unpaid THEN 0 ELSE 3630 END, CASE WHEN p.unpaid THEN 3630 ELSE 0 END,
        0, 0, '[]'::jsonb, NULL, NULL, 1, now(), now()
      FROM generate_series(${from}, ${to}) AS i
      CROSS JOIN generate_series(1, 3) AS n
      CROSS JOIN LATERAL (SELECT
        '2025-0' || (n + 1) || '-01' AS day,
        CASE WHEN n = 3 AND ${h('due', 2)} = 0 THEN '2999-01-01' ELSE '2025-0' || (n + 1) || '-15' END AS due,
        n = 3 AND ${h('unpaid', 6)} = 0 AS unpaid) p`);
  }
  const [counts]: { subscriptions: string; contracts: string; invoices: string }[] =
    await readModels.query(`SELECT
      (SELECT count(*) FROM customer_subscriptions) AS subscriptions,
      (SELECT count(*) FROM customer_contracts) AS contracts,
      (SELECT count(*) FROM invoices) AS invoices`);
  return {
    subscriptions: Number(counts.subscriptions),
    contracts: Number(counts.contracts),
    invoices: Number(counts.invoices),
  };
}
