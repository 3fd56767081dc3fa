import { PlainDate } from '@app/domain';
import { CustomerContractRow } from '../contracts/customer-contract.entity';
import { PendingEffectRow } from '../invoices/account-statement.entity';
import { CustomerHistoryRow } from '../customers/customer-history.entity';
import { managerOf, ReadModelSource } from '../customers/read-model-source';

/** A returned direct debit, as the customer's returns list shows it. */
export interface CustomerReturn {
  effectId: string;
  invoiceId: string;
  amountCents: number;
  reasonCode: string | null;
  /** What the operator or the bank file said (the code and its text). */
  reason: string | null;
  returnedAt: string | null;
}

/** The customer's returned direct debits, newest first (rule 19). */
export async function customerReturns(
  source: ReadModelSource,
  customerId: string,
): Promise<CustomerReturn[]> {
  const rows = await managerOf(source)
    .getRepository(PendingEffectRow)
    .find({ where: { customerId, status: 'returned' }, order: { returnedAt: 'DESC', id: 'ASC' } });
  return rows.map((row) => ({
    effectId: row.id,
    invoiceId: row.invoiceId,
    amountCents: row.amountCents,
    reasonCode: row.returnCode,
    reason: row.returnReason,
    returnedAt: row.returnedAt,
  }));
}

/** The customer file's collections block: mandates, the last return, the dunning stage. */
export interface CollectionsSummary {
  mandates: {
    contractId: string;
    mandateReference: string;
    state: 'valid' | 'invalidated';
    invalidatedBy: string | null;
  }[];
  lastReturn: CustomerReturn | null;
  /** The dunning step last applied in the episode still open, `null` when none is open. */
  dunningStage: string | null;
}

/** The mandates of a customer's signed or terminated contracts (oldest first), valid or not. */
export const mandatesOf = (
  contracts: readonly Pick<
    CustomerContractRow,
    'id' | 'status' | 'mandateReference' | 'mandateInvalidated'
  >[],
): CollectionsSummary['mandates'] =>
  contracts
    .filter(
      (c) => c.mandateReference !== null && (c.status === 'signed' || c.status === 'terminated'),
    )
    .map((c) => ({
      contractId: c.id,
      mandateReference: c.mandateReference as string,
      state: c.mandateInvalidated ? 'invalidated' : 'valid',
      invalidatedBy: c.mandateInvalidated,
    }));

/** The dunning step of the open episode, from the customer's last dunning history line. */
export function dunningStageOf(
  lastDunning: Pick<CustomerHistoryRow, 'eventType' | 'changes'> | null,
): string | null {
  const step =
    lastDunning?.eventType === 'DunningStepApplied'
      ? lastDunning.changes.find((change) => change.field === 'dunningStep')?.after
      : null;
  return typeof step === 'string' ? step : null;
}

/** Rule 19: the return codes after which the customer should be contacted. */
export const CONTACT_RETURN_CODES = ['MS02', 'MD06'];
export const CONTACT_CUSTOMER = 'R19.CONTACT_CUSTOMER';

/** Whether the return asks for the customer to be contacted (MS02, MD06). */
const contactCustomerAfter = (lastReturn: CustomerReturn | null): boolean =>
  !!lastReturn?.reasonCode && CONTACT_RETURN_CODES.includes(lastReturn.reasonCode);

/**
 * Rule 19's flag: the customer's last return says they refused the debit (MS02) or asked for a
 * refund (MD06), and no interaction has been recorded since. Cleared by recording one (a call,
 * an e-mail, a note of the conversation).
 */
export function contactWarningsFrom(
  lastReturn: CustomerReturn | null,
  interactionSince: boolean,
): { code: string; message: string }[] {
  if (!lastReturn || !contactCustomerAfter(lastReturn) || interactionSince) return [];
  return [
    {
      code: CONTACT_CUSTOMER,
      message: `The bank returned a direct debit (${lastReturn.reason ?? lastReturn.reasonCode}) on ${lastReturn.returnedAt?.slice(0, 10) ?? 'an unknown day'}: contact the customer, and record the interaction.`,
    },
  ];
}

export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export interface CustomerAgeing {
  customerId: string;
  buckets: Record<AgeingBucket, number>;
  totalCents: number;
}

export interface DebtAgeing {
  asOf: PlainDate;
  customers: CustomerAgeing[];
  totals: Record<AgeingBucket, number> & { totalCents: number; customers: number };
}

/** Each overdue invoice's bucket (days past its due date on `$1`) and what it still owes. */
const OVERDUE_AGED = `SELECT customer_id, outstanding_cents AS cents,
    CASE WHEN $1::text::date - due_date::date <= 30 THEN '0-30'
         WHEN $1::text::date - due_date::date <= 60 THEN '31-60'
         WHEN $1::text::date - due_date::date <= 90 THEN '61-90'
         ELSE '90+' END AS bucket
  FROM invoices WHERE outstanding_cents > 0 AND due_date < $1::text`;

const BUCKET_SUMS = AGEING_BUCKETS.map(
  (bucket, n) => `coalesce(sum(cents) FILTER (WHERE bucket = '${bucket}'), 0) AS b${n}`,
).join(', ');

type BucketSums = Record<`b${0 | 1 | 2 | 3}`, string | number> & { total: string | number };

const bucketsOf = (row: BucketSums): Record<AgeingBucket, number> => ({
  '0-30': Number(row.b0),
  '31-60': Number(row.b1),
  '61-90': Number(row.b2),
  '90+': Number(row.b3),
});

/**
 * Debt ageing on `asOf` (rule 20's picture): what each customer owes on invoices past their due
 * date, by days overdue (0–30, 31–60, 61–90, 90+), and the totals per bucket. Most owed first;
 * `top` keeps only that many customers (the totals still count every one). Summed by the
 * database: one row per customer comes back, not one per invoice.
 */
export async function debtAgeing(
  source: ReadModelSource,
  asOf: PlainDate,
  options: { top?: number } = {},
): Promise<DebtAgeing> {
  // One pass over the overdue invoices: the per-customer sums, then the largest `top` of them
  // and the totals of all of them (`LIMIT NULL` is no limit).
  const rows: (BucketSums & { customer_id: string | null; customers: string | null })[] =
    await managerOf(source).query(
      `WITH per_customer AS (
         SELECT customer_id, ${BUCKET_SUMS}, sum(cents) AS total
           FROM (${OVERDUE_AGED}) aged GROUP BY customer_id)
       SELECT * FROM (SELECT *, NULL::bigint AS customers FROM per_customer
                        ORDER BY total DESC, customer_id COLLATE "C" LIMIT $2) top
       UNION ALL
       SELECT NULL, coalesce(sum(b0), 0), coalesce(sum(b1), 0), coalesce(sum(b2), 0),
              coalesce(sum(b3), 0), coalesce(sum(total), 0), count(*) FROM per_customer`,
      [asOf, options.top ?? null],
    );
  const all = rows.find((row) => row.customer_id === null) as BucketSums & { customers: string };
  const customers = rows
    .filter((row) => row.customer_id !== null)
    .map((row) => ({
      customerId: row.customer_id as string,
      buckets: bucketsOf(row),
      totalCents: Number(row.total),
    }))
    .sort(
      (a, b) =>
        b.totalCents - a.totalCents ||
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    );
  return {
    asOf,
    customers,
    totals: { ...bucketsOf(all), totalCents: Number(all.total), customers: Number(all.customers) },
  };
}
