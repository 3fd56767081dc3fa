import { addDays, PlainDate, startOfDayInZone, SubscriptionStatus } from '@app/domain';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { HAS_DEBT_SQL, invoiceToday } from '../invoices/invoice.queries';
import { CustomerFileRow, CustomerFileStatus } from './customer-file.entity';
import { foldForSearch } from './search-text';

/**
 * The list's filters (`GET /customers`, `GET /customers/export.csv`, a bulk operation over a
 * search); all optional, all combined (AND): the groups of seed 002's advanced search.
 */
export interface CustomerFilters {
  // — Customer —
  /**
   * Free text: the display name, a street or a city contains it, case and accents aside (`perez`
   * finds Pérez, `pena` finds Peña: `foldForSearch`); or the code, document number, e-mail,
   * phone or mobile contain it, case aside.
   */
  q?: string;
  /** Zone, seller, collector, city and neighbourhood: equal to it, case and accents aside. */
  zone?: string;
  seller?: string;
  collector?: string;
  city?: string;
  neighbourhood?: string;
  /** Deleted customers are left out unless asked for by this filter. */
  status?: CustomerFileStatus;
  personType?: string;
  /** Registered on or after this day, and on or before that one (the tenant's days). */
  createdFrom?: PlainDate;
  createdTo?: PlainDate;

  // — Contract and subscriptions —
  /**
   * With a subscription in this rule R5 state; with `tariff` too, one subscription in that
   * state on that tariff.
   */
  subscriptionState?: SubscriptionStatus;
  /** With a subscription on this tariff (its current one), case and accents aside. */
  tariff?: string;
  /**
   * "Deshabilitado por sistema" (rule R20): with (true) or without (false) a subscription the
   * system suspended for debt.
   */
  disabledBySystem?: boolean;
  /** With (true) or without (false) a signed contract (not terminated). */
  contractSigned?: boolean;
  /** With (true) or without (false) rule R4's IBAN-mismatch warning on the customer file. */
  ibanMismatch?: boolean;

  // — Billing —
  billingEnabled?: boolean;
  paymentMethod?: string;
  billingDay?: number;
  /** The invoice series the customer's billing settings name. */
  series?: string;
  /** The issuer the customer's billing settings name (rule 21). */
  issuerId?: string;
  /** With (true) or without (false) an unpaid balance on its invoices. */
  hasDebt?: boolean;
  /** Owing strictly more than this on its invoices (the file's `unpaidBalanceCents`). */
  debtOverCents?: number;
  /** With (true) or without (false) an invoice overdue on `today`. */
  hasOverdueInvoices?: boolean;
  /** The day `hasOverdueInvoices` is judged on; today in the tenant's zone by default. */
  today?: PlainDate;
}

const DISABLED_BY_SYSTEM_SQL = `EXISTS (SELECT 1 FROM customer_subscriptions s
  WHERE s.customer_id = c.id AND s.status = 'suspended' AND s.suspended_by = 'system')`;

const CONTRACT_SIGNED_SQL = `EXISTS (SELECT 1 FROM customer_contracts k
  WHERE k.customer_id = c.id AND k.status = 'signed')`;

/** Rule R4's warning, as `ibanWarningsOf` computes it for the file. */
const IBAN_MISMATCH_SQL = `(c.iban_fingerprint IS NOT NULL AND EXISTS (
  SELECT 1 FROM customer_contracts m WHERE m.customer_id = c.id AND m.status = 'signed'
    AND m.iban_fingerprint IS NOT NULL AND m.iban_fingerprint <> c.iban_fingerprint))`;

/** An invoice whose status on `:today` is overdue (`INVOICE_STATUS_SQL`). */
const HAS_OVERDUE_SQL = `EXISTS (SELECT 1 FROM invoices o WHERE o.customer_id = c.id::text
  AND o.outstanding_cents > 0 AND o.cancelled_at IS NULL AND o.due_date < :today)`;

/** What `accountSummaries` counts as the unpaid balance. */
const DEBT_SQL = `(SELECT coalesce(sum(b.outstanding_cents), 0) FROM invoices b
  WHERE b.customer_id = c.id::text AND b.outstanding_cents > 0)`;

/** `sql` when the flag is true, its negation when false. */
const either = (flag: boolean, sql: string): string => (flag ? sql : `NOT ${sql}`);

/**
 * Matching customers in the list's stable order: display name (case aside), then id. One
 * statement: the file's own columns, and `EXISTS` probes into the subscriptions', contracts'
 * and invoices' views for what those own (one projection owns each table, so none of them is
 * copied into the file), each served by an index (migration 1765003000000).
 */
export function selectCustomers(
  manager: EntityManager,
  filters: CustomerFilters,
): SelectQueryBuilder<CustomerFileRow> {
  const query = manager.getRepository(CustomerFileRow).createQueryBuilder('c');
  if (filters.status !== undefined)
    query.andWhere('c.status = :status', { status: filters.status });
  else query.andWhere("c.status <> 'deleted'");
  for (const [field, column] of FOLDED_FILTERS) {
    const value = filters[field];
    if (value !== undefined)
      query.andWhere(`c.${column} = :${field}`, { [field]: foldForSearch(value.trim()) });
  }
  if (filters.personType !== undefined)
    query.andWhere('c.person_type = :personType', { personType: filters.personType });
  if (filters.createdFrom !== undefined)
    query.andWhere('c.created_at >= :createdFrom', {
      createdFrom: startOfDayInZone(filters.createdFrom),
    });
  if (filters.createdTo !== undefined)
    query.andWhere('c.created_at < :createdBefore', {
      createdBefore: startOfDayInZone(addDays(filters.createdTo, 1)),
    });
  subscriptionFilters(query, filters);
  if (filters.disabledBySystem !== undefined)
    query.andWhere(either(filters.disabledBySystem, DISABLED_BY_SYSTEM_SQL));
  if (filters.contractSigned !== undefined)
    query.andWhere(either(filters.contractSigned, CONTRACT_SIGNED_SQL));
  if (filters.ibanMismatch !== undefined)
    query.andWhere(either(filters.ibanMismatch, IBAN_MISMATCH_SQL));
  if (filters.paymentMethod !== undefined)
    query.andWhere('c.payment_method = :paymentMethod', { paymentMethod: filters.paymentMethod });
  if (filters.billingEnabled !== undefined)
    query.andWhere('c.billing_enabled = :billingEnabled', {
      billingEnabled: filters.billingEnabled,
    });
  if (filters.billingDay !== undefined)
    query.andWhere('c.billing_day = :billingDay', { billingDay: filters.billingDay });
  if (filters.series !== undefined)
    query.andWhere('c.invoice_series = :series', { series: filters.series });
  if (filters.issuerId !== undefined)
    query.andWhere('c.issuer_id = :issuerId', { issuerId: filters.issuerId });
  if (filters.hasDebt !== undefined) query.andWhere(either(filters.hasDebt, HAS_DEBT_SQL));
  if (filters.debtOverCents !== undefined)
    query.andWhere(`${DEBT_SQL} > :debtOverCents`, { debtOverCents: filters.debtOverCents });
  if (filters.hasOverdueInvoices !== undefined)
    query.andWhere(either(filters.hasOverdueInvoices, HAS_OVERDUE_SQL), {
      today: filters.today ?? invoiceToday(),
    });
  const text = filters.q?.trim() ?? '';
  if (text !== '') query.andWhere(matchingText(text));
  return query.orderBy('lower(c.display_name)', 'ASC').addOrderBy('c.id', 'ASC');
}

/** The filters compared with a folded column of the file. */
const FOLDED_FILTERS = [
  ['zone', 'zone_folded'],
  ['seller', 'seller_folded'],
  ['collector', 'collector_folded'],
  ['city', 'city_folded'],
  ['neighbourhood', 'neighbourhood_folded'],
] as const;

/** State and tariff on one subscription when both are asked for. */
function subscriptionFilters(
  query: SelectQueryBuilder<CustomerFileRow>,
  { subscriptionState, tariff }: CustomerFilters,
): void {
  if (subscriptionState === undefined && tariff === undefined) return;
  const conditions = ['s.customer_id = c.id'];
  const parameters: Record<string, string> = {};
  if (subscriptionState !== undefined) {
    conditions.push('s.status = :subscriptionState');
    parameters.subscriptionState = subscriptionState;
  }
  if (tariff !== undefined) {
    conditions.push('s.tariff_folded = :tariff');
    parameters.tariff = foldForSearch(tariff.trim());
  }
  query.andWhere(
    `EXISTS (SELECT 1 FROM customer_subscriptions s WHERE ${conditions.join(' AND ')})`,
    parameters,
  );
}

function matchingText(text: string): Brackets {
  const pattern = `%${escapeLike(text)}%`;
  const folded = `%${escapeLike(foldForSearch(text))}%`;
  // "600 12 34 56" finds 600123456: phones are compared on their digits too.
  const digits = /^[\d\s+().-]+$/.test(text) ? text.replace(/\D/g, '') : '';
  return new Brackets((where) => {
    where.where('c.search_text LIKE :folded', { folded });
    for (const column of ['code', 'document_number', 'email', 'phone', 'mobile'])
      where.orWhere(`c.${column} ILIKE :pattern`, { pattern });
    if (digits !== '')
      for (const column of ['phone', 'mobile'])
        where.orWhere(`regexp_replace(c.${column}, '[^0-9]', '', 'g') LIKE :digits`, {
          digits: `%${digits}%`,
        });
  });
}

/** The text is searched for literally: `%`, `_` and `\` are not wildcards. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
