import {
  addDays,
  BillingLine,
  ContractBillingSnapshot,
  contractBillingSnapshot,
  invoiceDecider,
  InvoiceState,
  invoiceStream,
  InvoiceToIssue,
  invoicesToIssue,
  migrationCredit,
  rectifyingSeries,
  subscriptionDecider,
  subscriptionStream,
  totalsOf,
} from '@app/domain';
import type { NewEvent } from '@app/event-store';
import { InvoiceNumbering } from './invoice-numbers';
import { WorkloadCustomer } from './onboarding';
import { SeededRandom } from './seeded-random';
import { decideOn, StreamAppend } from './workload-stream';
import { INVOICE_SERIES, TARIFFS, WorkloadOptions } from './workload-options';

interface Draft {
  customer: WorkloadCustomer;
  invoiceId: string;
  toIssue: InvoiceToIssue;
}

interface CreditWanted {
  draft: Draft;
  creditNoteId: string;
  reason: string;
  lines: BillingLine[];
  migrationId: string | null;
  at: string;
}

/** The series of the year: invoices and their rectifying series for credit notes. */
export class YearNumbering {
  readonly invoices = new InvoiceNumbering(INVOICE_SERIES);
  readonly creditNotes = new InvoiceNumbering(rectifyingSeries(INVOICE_SERIES));
}

/** What each contract of these customers is invoiced for `month` (1–12), priced as a run would. */
export function invoicesOfMonth(
  random: SeededRandom,
  customers: readonly WorkloadCustomer[],
  month: number,
  options: WorkloadOptions,
): Draft[] {
  const period = `${options.year}-${String(month).padStart(2, '0')}`;
  const drafts: Draft[] = [];
  for (const customer of customers) {
    for (const snapshot of snapshotsOf(customer)) {
      for (const toIssue of invoicesToIssue(snapshot, period).invoices) {
        drafts.push({ customer, invoiceId: random.uuid(), toIssue });
      }
    }
  }
  return drafts;
}

function snapshotsOf(customer: WorkloadCustomer): ContractBillingSnapshot[] {
  const subscriptions = [...customer.subscriptions.values()];
  const snapshots: ContractBillingSnapshot[] = [];
  for (const [contractId, contract] of customer.contracts) {
    if (!customer.snapshots.has(contractId)) {
      const snapshot = contractBillingSnapshot(customer.customer, contract, subscriptions);
      customer.snapshots.set(contractId, snapshot);
    }
    const snapshot = customer.snapshots.get(contractId);
    if (snapshot) snapshots.push(snapshot);
  }
  return snapshots;
}

/**
 * Issues one chunk of a month's invoices: numbers from the series, then per invoice the
 * migrations of rule R10 with their credit notes, an operator's credit now and then, and the
 * payment of what is left. Series appends come before the invoices that use their numbers.
 */
export function issueChunk(
  random: SeededRandom,
  drafts: readonly Draft[],
  numbering: YearNumbering,
  month: number,
  options: WorkloadOptions,
): StreamAppend[] {
  const first = drafts[0].toIssue.issueDate;
  const numbered = numbering.invoices.allocate(
    drafts.map((draft) => draft.invoiceId),
    `${first}T05:00:00.000Z`,
  );
  const appends: StreamAppend[] = numbered ? [numbered.append] : [];
  const issued = new Map<string, { state: InvoiceState; events: NewEvent[] }>();
  const credits: CreditWanted[] = [];
  for (const draft of drafts) {
    const number = numbered?.numbers.get(draft.invoiceId);
    if (number === undefined) throw new Error(`no number for invoice ${draft.invoiceId}`);
    issued.set(draft.invoiceId, issue(draft, number.number));
    const migrations = migrationsOf(random, draft, month, appends);
    credits.push(...migrations);
    const operator = random.chance(options.operatorCreditShare)
      ? operatorCredit(random, draft)
      : null;
    // One credit per invoice at most, so the credits never exceed its total (R9).
    if (migrations.length === 0 && operator !== null) credits.push(operator);
  }
  const creditNumbers = numbering.creditNotes.allocate(
    credits.map((credit) => credit.creditNoteId),
    `${first}T05:00:00.000Z`,
  );
  if (creditNumbers) appends.push(creditNumbers.append);
  for (const credit of credits) {
    const invoice = issued.get(credit.draft.invoiceId)!;
    const granted = decideOn(invoiceDecider, invoice.state, {
      type: 'GrantCreditNote',
      data: {
        invoiceId: credit.draft.invoiceId,
        creditNoteId: credit.creditNoteId,
        number: creditNumbers!.numbers.get(credit.creditNoteId)!.number,
        reason: credit.reason,
        lines: credit.lines,
        totals: totalsOf(credit.lines),
        migrationId: credit.migrationId,
      },
      metadata: { at: credit.at },
    });
    issued.set(credit.draft.invoiceId, {
      state: granted.state,
      events: [...invoice.events, ...granted.events],
    });
  }
  for (const draft of drafts) {
    const invoice = issued.get(draft.invoiceId)!;
    const paid = random.chance(options.paidShare) ? pay(random, draft, invoice.state) : [];
    appends.push({ stream: invoiceStream(draft.invoiceId), events: [...invoice.events, ...paid] });
  }
  return appends;
}

function issue(draft: Draft, number: number) {
  const { toIssue } = draft;
  return decideOn(invoiceDecider, invoiceDecider.initialState, {
    type: 'IssueInvoice',
    data: {
      invoiceId: draft.invoiceId,
      series: toIssue.series,
      number,
      customerId: toIssue.customerId,
      contractId: toIssue.contractId,
      billingPeriod: toIssue.billingPeriod,
      cyclePeriod: toIssue.cyclePeriod,
      customer: toIssue.customer,
      iban: toIssue.iban,
      paymentMethod: toIssue.paymentMethod,
      lines: toIssue.lines,
      totals: toIssue.totals,
      issueDate: toIssue.issueDate,
      dueDate: toIssue.dueDate,
    },
    metadata: { at: `${toIssue.issueDate}T06:00:00.000Z` },
  });
}

/** Rule R10: a subscription billed in advance migrates mid-cycle; its unused days are credited. */
function migrationsOf(
  random: SeededRandom,
  draft: Draft,
  month: number,
  appends: StreamAppend[],
): CreditWanted[] {
  const { customer, toIssue } = draft;
  const credits: CreditWanted[] = [];
  for (const line of toIssue.lines) {
    const subscriptionId = line.subscriptionId;
    if (line.kind !== 'tariff' || customer.migrations.get(subscriptionId) !== month) continue;
    customer.migrations.delete(subscriptionId);
    const effectiveDate = addDays(toIssue.cycle.start, random.int(5, 20));
    const migrated = migrate(random, customer, subscriptionId, effectiveDate);
    if (migrated.events.length === 0) continue;
    customer.subscriptions.set(subscriptionId, migrated.state);
    customer.snapshots.clear();
    appends.push({ stream: subscriptionStream(subscriptionId), events: migrated.events });
    const event = migrated.events[0].data as {
      migrationNumber: number;
      previousTariff: string;
      previousMonthlyPriceCents: number;
      tariff: string;
      monthlyPriceCents: number;
    };
    const credit = migrationCredit({
      subscriptionId,
      previousTariff: {
        tariff: event.previousTariff,
        monthlyPriceCents: event.previousMonthlyPriceCents,
      },
      newTariff: { tariff: event.tariff, monthlyPriceCents: event.monthlyPriceCents },
      effectiveDate,
      invoicedPeriod: toIssue.cycle,
      vatRatePercent: line.vatRatePercent,
    });
    if (credit.lines.length === 0) continue;
    credits.push({
      draft,
      creditNoteId: random.uuid(),
      reason: 'Tariff migration: unused days of the previous tariff',
      lines: credit.lines,
      migrationId: `${subscriptionId}:${event.migrationNumber}`,
      at: `${effectiveDate}T09:05:00.000Z`,
    });
  }
  return credits;
}

/** To another tariff than the current one (migrating to the same one decides nothing). */
function migrate(
  random: SeededRandom,
  customer: WorkloadCustomer,
  subscriptionId: string,
  effectiveDate: string,
) {
  const state = customer.subscriptions.get(subscriptionId)!;
  const offset = random.int(0, TARIFFS.length - 1);
  for (let i = 0; ; i++) {
    const migrated = decideOn(subscriptionDecider, state, {
      type: 'MigrateSubscriptionTariff',
      data: { subscriptionId, ...TARIFFS[(offset + i) % TARIFFS.length], effectiveDate },
      metadata: { at: `${effectiveDate}T09:00:00.000Z` },
    });
    if (migrated.events.length > 0 || i === TARIFFS.length) return migrated;
  }
}

function operatorCredit(random: SeededRandom, draft: Draft): CreditWanted | null {
  const positive = draft.toIssue.lines.filter((line) => line.totalCents > 0);
  if (positive.length === 0) return null;
  const line = random.pick(positive);
  return {
    draft,
    creditNoteId: random.uuid(),
    reason: 'Service outage compensation',
    lines: [line],
    migrationId: null,
    at: `${addDays(draft.toIssue.issueDate, 3)}T12:00:00.000Z`,
  };
}

function pay(random: SeededRandom, draft: Draft, state: InvoiceState): NewEvent[] {
  if (state.status !== 'issued') return [];
  const credited = state.creditNotes.reduce((sum, note) => sum + note.totals.totalCents, 0);
  const owed = state.totals.totalCents - credited;
  if (owed <= 0) return [];
  const paidAt = addDays(draft.toIssue.issueDate, random.int(1, 15));
  return decideOn(invoiceDecider, state, {
    type: 'RecordPayment',
    data: {
      invoiceId: draft.invoiceId,
      paymentId: random.uuid(),
      amountCents: owed,
      method: 'direct_debit',
      paidAt,
    },
    metadata: { at: `${paidAt}T12:00:00.000Z` },
  }).events;
}
