import { daysBetween, isPlainDate, PlainDate } from '../billing/billing.calendar';

/** What the dunning run does at each step (rule R20), in the order a debt ages through them. */
export type DunningStep = 'reminder' | 'warning' | 'suspend' | 'cancel';
export const DUNNING_STEPS: readonly DunningStep[] = ['reminder', 'warning', 'suspend', 'cancel'];

/** A step and the days overdue (of the oldest overdue invoice) from which it is due. */
export interface DunningPolicyStep {
  step: DunningStep;
  afterDaysOverdue: number;
}

export interface DunningPolicy {
  steps: readonly DunningPolicyStep[];
}

/** Rule R20's default: 7 days a reminder, 15 a warning, 30 suspension, 90 cancellation. */
export const DEFAULT_DUNNING_POLICY: DunningPolicy = {
  steps: [
    { step: 'reminder', afterDaysOverdue: 7 },
    { step: 'warning', afterDaysOverdue: 15 },
    { step: 'suspend', afterDaysOverdue: 30 },
    { step: 'cancel', afterDaysOverdue: 90 },
  ],
};

/** One invoice of the customer still owing something, as the invoices' read model shows it. */
export interface OwedInvoice {
  invoiceId: string;
  dueDate: PlainDate;
  outstandingCents: number;
}

/** What a customer owes: the invoices with something outstanding (overdue or not yet). */
export interface CustomerDebt {
  customerId: string;
  invoices: readonly OwedInvoice[];
}

/** The customer's debt overdue on `asOf`: what is owed on invoices due before that day. */
export interface OverdueDebt {
  /** Days since the oldest overdue invoice fell due; 0 when nothing is overdue. */
  daysOverdue: number;
  /** Oldest due first. */
  overdueInvoiceIds: string[];
  owedCents: number;
}

/** An invoice is overdue the day after its due date while anything on it is outstanding. */
export function overdueDebt(debt: CustomerDebt, asOf: PlainDate): OverdueDebt {
  const overdue = debt.invoices
    .filter((invoice) => invoice.outstandingCents > 0 && invoice.dueDate < asOf)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceId.localeCompare(b.invoiceId));
  return {
    daysOverdue: overdue.length === 0 ? 0 : daysBetween(overdue[0].dueDate, asOf),
    overdueInvoiceIds: overdue.map((invoice) => invoice.invoiceId),
    owedCents: overdue.reduce((sum, invoice) => sum + invoice.outstandingCents, 0),
  };
}

export interface DueDunningStep extends OverdueDebt {
  step: DunningStep;
}

/**
 * The steps to apply on `asOf`: every step of the policy the oldest overdue invoice has reached
 * and the current overdue episode has not had yet, in the policy's order. A debt first seen 35
 * days overdue gets its reminder, warning and suspension at once (each is recorded); a run
 * repeated the same day finds them applied and gives nothing. Nothing overdue, nothing due.
 */
export function dunningStepsDue(
  policy: DunningPolicy,
  debt: CustomerDebt,
  asOf: PlainDate,
  stepsAlreadyApplied: readonly DunningStep[],
): DueDunningStep[] {
  if (!isPlainDate(asOf)) throw new RangeError(`asOf must be a calendar day, got ${asOf}`);
  const overdue = overdueDebt(debt, asOf);
  if (overdue.overdueInvoiceIds.length === 0) return [];
  return [...policy.steps]
    .sort((a, b) => a.afterDaysOverdue - b.afterDaysOverdue)
    .filter(({ step, afterDaysOverdue }) => {
      return overdue.daysOverdue >= afterDaysOverdue && !stepsAlreadyApplied.includes(step);
    })
    .map(({ step }) => ({ step, ...overdue }));
}
