import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { HAS_DEBT_SQL } from '../invoices/invoice.queries';
import { CustomerFileRow, CustomerFileStatus } from './customer-file.entity';
import { foldForSearch } from './search-text';

/** The list's filters (`GET /customers`, `GET /customers/export.csv`); all optional. */
export interface CustomerFilters {
  /**
   * Free text: the display name, a street or a city contains it, case and accents aside (`perez`
   * finds Pérez, `pena` finds Peña: `foldForSearch`); or the code, document number, e-mail,
   * phone or mobile contain it, case aside.
   */
  q?: string;
  zone?: string;
  /** Deleted customers are left out unless asked for by this filter. */
  status?: CustomerFileStatus;
  paymentMethod?: string;
  billingEnabled?: boolean;
  /** With (true) or without (false) an unpaid balance on its invoices. */
  hasDebt?: boolean;
  /**
   * "Deshabilitado por sistema" (rule R20): with (true) or without (false) a subscription the
   * system suspended for debt.
   */
  disabledBySystem?: boolean;
}

const DISABLED_BY_SYSTEM_SQL = `EXISTS (SELECT 1 FROM customer_subscriptions s
  WHERE s.customer_id = c.id AND s.status = 'suspended' AND s.suspended_by = 'system')`;

/** Matching customers in the list's stable order: display name (case aside), then id. */
export function selectCustomers(
  manager: EntityManager,
  filters: CustomerFilters,
): SelectQueryBuilder<CustomerFileRow> {
  const query = manager.getRepository(CustomerFileRow).createQueryBuilder('c');
  if (filters.status !== undefined)
    query.andWhere('c.status = :status', { status: filters.status });
  else query.andWhere("c.status <> 'deleted'");
  if (filters.zone !== undefined) query.andWhere('c.zone = :zone', { zone: filters.zone });
  if (filters.paymentMethod !== undefined)
    query.andWhere('c.payment_method = :paymentMethod', { paymentMethod: filters.paymentMethod });
  if (filters.billingEnabled !== undefined)
    query.andWhere('c.billing_enabled = :billingEnabled', {
      billingEnabled: filters.billingEnabled,
    });
  if (filters.hasDebt !== undefined)
    query.andWhere(filters.hasDebt ? HAS_DEBT_SQL : `NOT ${HAS_DEBT_SQL}`);
  if (filters.disabledBySystem !== undefined)
    query.andWhere(
      filters.disabledBySystem ? DISABLED_BY_SYSTEM_SQL : `NOT ${DISABLED_BY_SYSTEM_SQL}`,
    );
  const text = filters.q?.trim() ?? '';
  if (text !== '') query.andWhere(matchingText(text));
  return query.orderBy('lower(c.display_name)', 'ASC').addOrderBy('c.id', 'ASC');
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
