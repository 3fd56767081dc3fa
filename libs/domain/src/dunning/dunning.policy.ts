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

/**
 * A policy written as `step:days,…` (`reminder:7,warning:15,suspend:30,cancel:90`): each known
 * step at most once, days whole and growing with the steps' order. Throws a RangeError naming
 * what is wrong (the configuration refuses to boot with it).
 */
export function parseDunningPolicy(text: string): DunningPolicy {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new RangeError('A dunning policy needs at least one step');
  const steps = parts.map((part) => {
    const match = /^(\w+):(\d{1,4})$/.exec(part);
    if (!match || !DUNNING_STEPS.includes(match[1] as DunningStep))
      throw new RangeError(
        `"${part}" is not step:days (steps ${DUNNING_STEPS.join(', ')}; days a whole number)`,
      );
    return { step: match[1] as DunningStep, afterDaysOverdue: Number(match[2]) };
  });
  const order = (step: DunningStep) => DUNNING_STEPS.indexOf(step);
  steps.forEach((current, index) => {
    const previous = steps[index - 1];
    if (!previous) return;
    if (order(current.step) <= order(previous.step))
      throw new RangeError(`Steps go in the order ${DUNNING_STEPS.join(', ')}, each once`);
    if (current.afterDaysOverdue <= previous.afterDaysOverdue)
      throw new RangeError(
        `${current.step} (${current.afterDaysOverdue} days) must come after ${previous.step} (${previous.afterDaysOverdue} days)`,
      );
  });
  return { steps };
}

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
