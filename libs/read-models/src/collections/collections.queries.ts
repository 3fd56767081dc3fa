import { PlainDate } from '@app/domain';
import { CustomerContractRow } from '../contracts/customer-contract.entity';
import { PendingEffectRow } from '../invoices/account-statement.entity';
import { InvoiceRow } from '../invoices/invoice.entity';
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

const bucketOf = (daysOverdue: number): AgeingBucket =>
  daysOverdue <= 30 ? '0-30' : daysOverdue <= 60 ? '31-60' : daysOverdue <= 90 ? '61-90' : '90+';
const emptyBuckets = (): Record<AgeingBucket, number> => ({
  '0-30': 0,
  '31-60': 0,
  '61-90': 0,
  '90+': 0,
});

/**
 * Debt ageing on `asOf` (rule 20's picture): what each customer owes on invoices past their due
 * date, by days overdue (0–30, 31–60, 61–90, 90+), and the totals per bucket. Most owed first.
 */
export async function debtAgeing(source: ReadModelSource, asOf: PlainDate): Promise<DebtAgeing> {
  const rows: { customerId: string; dueDate: string; outstandingCents: string }[] = await managerOf(
    source,
  )
    .getRepository(InvoiceRow)
    .createQueryBuilder('i')
    .select('i.customer_id', 'customerId')
    .addSelect('i.due_date', 'dueDate')
    .addSelect('i.outstanding_cents', 'outstandingCents')
    .where('i.outstanding_cents > 0')
    .andWhere('i.due_date < :asOf', { asOf })
    .getRawMany();
  const byCustomer = new Map<string, CustomerAgeing>();
  const totals = { ...emptyBuckets(), totalCents: 0, customers: 0 };
  for (const row of rows) {
    const days = Math.round(
      (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${row.dueDate}T00:00:00Z`)) / 86_400_000,
    );
    const bucket = bucketOf(days);
    const cents = Number(row.outstandingCents);
    const customer = byCustomer.get(row.customerId) ?? {
      customerId: row.customerId,
      buckets: emptyBuckets(),
      totalCents: 0,
    };
    customer.buckets[bucket] += cents;
    customer.totalCents += cents;
    byCustomer.set(row.customerId, customer);
    totals[bucket] += cents;
    totals.totalCents += cents;
  }
  const customers = [...byCustomer.values()].sort(
    (a, b) => b.totalCents - a.totalCents || a.customerId.localeCompare(b.customerId),
  );
  totals.customers = customers.length;
  return { asOf, customers, totals };
}
