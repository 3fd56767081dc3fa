import { Inject } from '@nestjs/common';
import { toNumber } from '../commands/decide-and-append';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BillingIssuers,
  BillingProblem,
  cannotPriceProblem,
  ContractBillingSnapshot,
  DEFAULT_VAT_RATE_PERCENT,
  DomainError,
  DraftedInvoice,
  InvoiceToIssue,
  invoicesToIssue,
  IssuedInvoice,
  dateInZone,
  InvoiceIssuerSnapshot,
  InvoiceSeriesRefusal,
  maskIban,
  PlainDate,
  seriesWithoutIssuerProblem,
  BillingProblemCode,
  YearMonth,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { billingIssuersOf, contractBillingSnapshots } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandContext } from '../commands/command-context';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { APP_CONFIG } from '../storage/tokens';
import { AppConfig } from '../config/app-config';
import { InvoiceDocuments } from '../invoices/invoice-documents';
import { inBatches } from '../commands/in-batches';
import { SERIES_ISSUERS, SeriesIssuers } from '../invoices/series-issuers';
import { DEFAULT_ISSUER_ID } from '../issuers/default-issuer';
import { RunBillingCommand } from './billing.commands';

export interface BillingRunRequest {
  period: YearMonth;
  customerIds?: string[];
  issueDate?: PlainDate;
  vatDefault?: number;
}

/** One invoice the run issued, as API.md answers it (the IBAN masked). */
export interface IssuedInvoiceSummary {
  invoiceId: string;
  number: string;
  series: string;
  customerId: string;
  contractId: string;
  cyclePeriod: YearMonth;
  billingPeriod: { from: string; to: string };
  issueDate: string;
  dueDate: string;
  paymentMethod: string;
  maskedIban: string | null;
  totals: IssuedInvoice['totals'];
}

export interface BillingRunResult {
  period: YearMonth;
  /** The invoices this run issued, in number order per series. */
  issued: IssuedInvoiceSummary[];
  /** Contracts whose invoice for the period an earlier (or racing) run had already issued. */
  alreadyIssued: number;
  /** Rule R12's problems met on the way; those that block leave their contract uninvoiced. */
  problems: BillingProblem[];
  /** The log position after the run: pass it as `X-Min-Position` to read the invoices. */
  position: number | null;
}

/** Contracts read and drafted at once; PGlite serialises them anyway, PostgreSQL does not. */
const CONCURRENCY = 8;

/**
 * A billing run for one period (rules R7, R8, R4, R15): every billable contract gets its one
 * invoice for the cycle, priced from the cycle-simulation view by the function the simulator
 * uses. The view is read once it has every event committed so far. Each invoice has an id
 * derived from its contract and cycle, so running a period again — or twice at once — issues
 * nothing new; drafts left by a run cut short are numbered and issued by the next one. A cycle
 * whose invoice was annulled (rule 22) is invoiced again, under the cycle's next id.
 *
 * The process manager of a workflow over many aggregates: it reads the view, then drafts each
 * contract's invoice and numbers and issues them per series, each a decision of the one write
 * path (InvoiceDocuments, numbersFor); a contract it cannot price is a problem, not a failure.
 */
@CommandHandler(RunBillingCommand)
export class BillingRunProcess implements ICommandHandler<RunBillingCommand> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
    private readonly documents: InvoiceDocuments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERIES_ISSUERS) private readonly issuers: SeriesIssuers,
  ) {}

  async execute({ request, context }: RunBillingCommand): Promise<BillingRunResult> {
    const today = dateInZone(context.at);
    refuseIssueDateAfter(today, request.issueDate);
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const snapshots = await contractBillingSnapshots(this.readModels, {
      customerIds: request.customerIds,
      billSuspendedForDebt: this.config.BILL_SUSPENDED_FOR_DEBT,
    });
    snapshots.sort(byCustomerThenContract);
    const problems: BillingProblem[] = [];
    const drafts: DraftedInvoice[] = [];
    const issuerOf = oncePerSeries((series) => this.issuers.issuerForSeries(series));
    const issuers = await billingIssuersOf(this.readModels, DEFAULT_ISSUER_ID);
    let alreadyIssued = 0;
    await inBatches(snapshots, CONCURRENCY, async (snapshot) => {
      const state = await containing(
        () => this.draftFor(snapshot, request, { today, issuerOf, issuers }, context, problems),
        (reason) => problems.push(cannotPriceProblem(snapshot, request.period, reason)),
      );
      if (state?.status === 'draft') drafts.push(state);
      if (state?.status === 'issued') alreadyIssued++;
    });
    const issued: IssuedInvoiceSummary[] = [];
    for (const [series, ofSeries] of groupBySeries(drafts)) {
      const outcome = await containing(
        async () => this.documents.issueDrafts(series, ofSeries, context, await issuerOf(series)),
        (reason) =>
          problems.push(
            ...ofSeries.map((draft) => cannotPriceProblem(draft, request.period, reason)),
          ),
      );
      for (const { invoice, issuedHere } of outcome ?? []) {
        if (issuedHere) issued.push(summaryOf(invoice));
        else alreadyIssued++;
      }
    }
    const position = await this.store.lastCommittedPosition();
    return {
      period: request.period,
      issued,
      alreadyIssued,
      problems,
      position: toNumber(position),
    };
  }

  /** The contract's invoice for the period: the one already there, or a new draft, or none. */
  private async draftFor(
    snapshot: ContractBillingSnapshot,
    request: BillingRunRequest,
    {
      today,
      issuerOf,
      issuers,
    }: {
      today: PlainDate;
      issuerOf: (series: string) => Promise<InvoiceIssuerSnapshot>;
      issuers: BillingIssuers;
    },
    context: CommandContext,
    problems: BillingProblem[],
  ) {
    const { invoiceId, state: existing } = await this.documents.cycleInvoice(
      snapshot.contractId,
      request.period,
    );
    if (existing.status !== 'none') return existing;
    const outcome = invoicesToIssue(
      snapshot,
      request.period,
      request.vatDefault ?? DEFAULT_VAT_RATE_PERCENT,
      { issueDate: request.issueDate, today, issuers },
    );
    problems.push(...outcome.problems);
    const [invoice] = outcome.invoices;
    if (invoice === undefined) return null;
    const issuer = await issuerOf(invoice.series).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === BillingProblemCode.seriesWithoutIssuer))
        throw error;
      problems.push(seriesWithoutIssuerProblem(snapshot, request.period, error.message));
      return null;
    });
    if (issuer === null) return null;
    return this.documents.draft(draftCommand(invoiceId, invoice, issuer, context), context);
  }
}

/**
 * One contract's (or one series') share of the run: a domain refusal or a value out of range
 * is that contract's problem, reported, while the run goes on with the others. Anything else
 * (the database gone, a bug) still fails the run, which a retry resumes.
 */
async function containing<T>(
  work: () => Promise<T>,
  report: (reason: string) => void,
): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError || error instanceof RangeError)) throw error;
    report(error.message);
    return null;
  }
}

/** Each series' issuer looked up once per run (rule 21: a series belongs to one issuer). */
function oncePerSeries<T>(lookup: (series: string) => Promise<T>): (series: string) => Promise<T> {
  const found = new Map<string, Promise<T>>();
  return (series) => {
    if (!found.has(series)) found.set(series, lookup(series));
    return found.get(series)!;
  };
}

/** Dates follow numbers and none is in the future: a run cannot ask for a later issue date. */
function refuseIssueDateAfter(today: PlainDate, issueDate: PlainDate | undefined): void {
  if (issueDate === undefined || issueDate <= today) return;
  throw new DomainError(
    InvoiceSeriesRefusal.datedInFuture,
    `Invoices cannot be dated ${issueDate}, after today (${today}) (RD 1619/2012).`,
    [
      {
        code: InvoiceSeriesRefusal.datedInFuture,
        field: 'issueDate',
        message: `${issueDate} is after today (${today}).`,
      },
    ],
  );
}

function draftCommand(
  invoiceId: string,
  invoice: InvoiceToIssue,
  issuer: InvoiceIssuerSnapshot,
  context: CommandContext,
) {
  const { cycle: _cycle, sendByEmail: _email, customer, ...content } = invoice;
  return {
    type: 'DraftInvoice' as const,
    data: { ...content, invoiceId, customer: { ...customer }, issuer },
    metadata: { at: context.at },
  };
}

function groupBySeries(drafts: DraftedInvoice[]): Map<string, DraftedInvoice[]> {
  const groups = new Map<string, DraftedInvoice[]>();
  for (const draft of [...drafts].sort(byCustomerThenContract)) {
    groups.set(draft.series, [...(groups.get(draft.series) ?? []), draft]);
  }
  return groups;
}

function byCustomerThenContract(
  a: { customerId: string; contractId: string },
  b: { customerId: string; contractId: string },
): number {
  return a.customerId.localeCompare(b.customerId) || a.contractId.localeCompare(b.contractId);
}

function summaryOf(invoice: IssuedInvoice): IssuedInvoiceSummary {
  return {
    invoiceId: invoice.invoiceId,
    number: invoice.formatted,
    series: invoice.series,
    customerId: invoice.customerId,
    contractId: invoice.contractId,
    cyclePeriod: invoice.cyclePeriod,
    billingPeriod: invoice.billingPeriod,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paymentMethod: invoice.paymentMethod,
    maskedIban: invoice.iban === null ? null : maskIban(invoice.iban),
    totals: invoice.totals,
  };
}
