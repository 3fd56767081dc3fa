import {
  assertPlainDate,
  dateInZone,
  DEFAULT_TIME_ZONE,
  PaymentMethod,
  PlainDate,
  startOfDayInZone,
} from '@app/domain';
import { In } from 'typeorm';
import { managerOf, ReadModelSource } from '../customers/read-model-source';
import { normalizePaging, Page, Paging } from '../customers/paging';
import { InvoiceTransactionRow, PendingEffectRow } from './account-statement.entity';
import { paymentMethodOfDescription } from './account-statement.projection';
import { invoiceToday } from './invoice.queries';

/** Money received on one of the customer's invoices: a payment, or a direct debit collected. */
export interface CustomerPaymentView {
  /** The payment's id, or the collected effect's. */
  id: string;
  kind: 'payment' | 'direct-debit';
  /** When it was paid or collected, as recorded (an instant). */
  paidAt: string;
  /** `paidAt`'s day in the tenant's zone. */
  date: PlainDate;
  amountCents: number;
  method: PaymentMethod;
  invoice: { id: string; number: string };
  /** A collected direct debit the bank returned since: when. Always null on payments. */
  returnedAt: string | null;
  /** The log position of the event that recorded it. */
  position: number;
}

export interface PaymentMethodTotal {
  method: PaymentMethod;
  count: number;
  amountCents: number;
}

/** `GET /customers/:id/payments`: the page, and the current month's money by method. */
export interface CustomerPaymentsPage extends Page<CustomerPaymentView> {
  timeZone: string;
  /** Payments and collections dated in `month` (`YYYY-MM`, tenant's zone), by method. */
  thisMonth: { month: string; byMethod: PaymentMethodTotal[] };
}

const PAYMENT_KINDS = ['payment', 'effect-collected'] as const;

/**
 * `GET /customers/:id/payments`: the payments tab (seed 004) — newest first, 20 a page, with
 * "see more" as the next pages — read from the account statement's payment and collection
 * lines. Returns of collected direct debits are not payments: a returned collection keeps its
 * line, with `returnedAt`, and still counts in the month it was collected.
 */
export async function customerPayments(
  source: ReadModelSource,
  customerId: string,
  paging: Paging = {},
  today: PlainDate = invoiceToday(),
): Promise<CustomerPaymentsPage> {
  const manager = managerOf(source);
  const { page, pageSize, offset } = normalizePaging(paging);
  const lines = manager
    .getRepository(InvoiceTransactionRow)
    .createQueryBuilder('t')
    .where('t.customer_id = :customerId', { customerId })
    .andWhere('t.kind IN (:...kinds)', { kinds: PAYMENT_KINDS });
  const [rows, total] = [
    await lines
      .clone()
      .orderBy('t.occurred_at::timestamptz', 'DESC')
      .addOrderBy('t.position', 'DESC')
      .offset(offset)
      .limit(pageSize)
      .getMany(),
    await lines.getCount(),
  ];
  const month = today.slice(0, 7);
  const { from, to } = monthInstants(month);
  const monthRows = await lines
    .clone()
    .andWhere('t.occurred_at::timestamptz >= :from', { from })
    .andWhere('t.occurred_at::timestamptz < :to', { to })
    .getMany();
  const described = await paymentViews(source, [...rows, ...monthRows]);
  return {
    items: rows.map((row) => described(row)),
    total,
    page,
    pageSize,
    timeZone: DEFAULT_TIME_ZONE,
    thisMonth: { month, byMethod: totalsByMethod(monthRows.map((row) => described(row))) },
  };
}

/** The month's payments summed per method, largest amount first (then by method): pure. */
export function totalsByMethod(payments: readonly CustomerPaymentView[]): PaymentMethodTotal[] {
  const totals = new Map<PaymentMethod, PaymentMethodTotal>();
  for (const { method, amountCents } of payments) {
    const sum = totals.get(method) ?? { method, count: 0, amountCents: 0 };
    totals.set(method, {
      method,
      count: sum.count + 1,
      amountCents: sum.amountCents + amountCents,
    });
  }
  return [...totals.values()].sort(
    (a, b) => b.amountCents - a.amountCents || a.method.localeCompare(b.method),
  );
}

/**
 * How to describe each line, from the account statement alone (one projection, so never ahead
 * of or behind itself): the invoice's number from its invoice line, a payment's method from its
 * description, a collected effect's return from the effects table the statement also keeps.
 */
async function paymentViews(
  source: ReadModelSource,
  rows: readonly InvoiceTransactionRow[],
): Promise<(row: InvoiceTransactionRow) => CustomerPaymentView> {
  const manager = managerOf(source);
  const invoiceIds = [...new Set(rows.map((row) => row.invoiceId))];
  const effectIds = rows
    .filter((row) => row.kind === 'effect-collected')
    .map((row) => row.reference);
  const numbers = new Map(
    invoiceIds.length === 0
      ? []
      : (
          await manager.getRepository(InvoiceTransactionRow).find({
            where: { invoiceId: In(invoiceIds), kind: 'invoice' },
            select: { invoiceId: true, reference: true },
          })
        ).map((line) => [line.invoiceId, line.reference]),
  );
  const returns = new Map(
    effectIds.length === 0
      ? []
      : (
          await manager.getRepository(PendingEffectRow).find({
            where: { id: In(effectIds) },
            select: { id: true, returnedAt: true },
          })
        ).map((effect) => [effect.id, effect.returnedAt]),
  );
  return (row) => {
    const isPayment = row.kind === 'payment';
    return {
      id: row.reference,
      kind: isPayment ? 'payment' : 'direct-debit',
      paidAt: row.occurredAt,
      date: dateInZone(row.occurredAt),
      amountCents: row.documentCents,
      method: isPayment ? methodOf(row) : 'direct_debit',
      invoice: { id: row.invoiceId, number: numbers.get(row.invoiceId) ?? row.invoiceId },
      returnedAt: isPayment ? null : (returns.get(row.reference) ?? null),
      position: row.position,
    };
  };
}

function methodOf(row: InvoiceTransactionRow): PaymentMethod {
  const method = paymentMethodOfDescription(row.description);
  if (method === null) throw new Error(`Payment line ${row.position} names no method`);
  return method;
}

/** The instants a calendar month (`YYYY-MM`) of the tenant's zone starts and ends at. */
export function monthInstants(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const next =
    monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return {
    from: startOfDayInZone(assertPlainDate(`${month}-01`)),
    to: startOfDayInZone(assertPlainDate(`${next}-01`)),
  };
}
