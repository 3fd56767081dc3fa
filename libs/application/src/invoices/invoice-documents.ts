import { Inject, Injectable } from '@nestjs/common';
import {
  cancellationRecordContent,
  creditNoteRegistrationContent,
  generatedAtOf,
  dateInZone,
  DraftInvoice,
  DraftedInvoice,
  earliest,
  InvoiceIssuerSnapshot,
  invoiceRegistrationContent,
  PlainDate,
  InvoiceCommand,
  invoiceDecider,
  InvoiceState,
  invoiceStream,
  IssuedInvoice,
  rectifyingSeries,
} from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import {
  decideAndAppend,
  jitteredBackoff,
  RetryPolicy,
  toNumber,
} from '../commands/decide-and-append';
import { foldState } from '../commands/load-state';
import { inBatches } from '../commands/in-batches';
import { ChainRegistration, numbersFor } from './invoice-numbering';
import { chainAppendFor } from '../verifactu/chain/chain-append';
import { v4 as uuid } from 'uuid';
import { SERIES_ISSUERS, SeriesIssuers } from './series-issuers';

import { cycleInvoiceIdFor, firstEffectIdFor, isAnnulled } from '@app/domain';
export { firstEffectIdFor, invoiceIdFor } from '@app/domain';

/** A decision on the invoice's latest state; return `[]` to write nothing. */
type Decision = (state: InvoiceState) => InvoiceCommand[];

/** The invoice after a decision, with API.md's version and log position of the last write. */
export interface InvoiceDecided {
  state: InvoiceState;
  version: number;
  position: number | null;
}

/** Drafts of one series issued at once: their numbers are taken already, order cannot change. */
const ISSUE_CONCURRENCY = 8;

/**
 * Appends to one invoice stream that lost a race are decided again on the fresh state up to 20
 * times, after a random wait of up to 100 ms: 20 credit notes on one invoice at once spread
 * out instead of colliding again each round.
 */
const INVOICE_RETRY: RetryPolicy = { attempts: 20, backoff: jitteredBackoff(100) };

/**
 * Invoices and credit notes in two steps (R8): a document is drafted, then numbered in its
 * series, then issued under that number. Numbers are only taken for drafts, which can always be
 * issued, so no number is ever skipped; a step cut short is finished by whoever comes next
 * (a retried run, the next credit note on the invoice), never redone.
 */
@Injectable()
export class InvoiceDocuments {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERIES_ISSUERS) private readonly issuers: SeriesIssuers,
  ) {}

  async state(invoiceId: string): Promise<InvoiceState> {
    return foldState(await this.store.readStream(invoiceStream(invoiceId)), invoiceDecider);
  }

  /**
   * The invoice holding a contract's cycle (rule R7) and its state: the first of the cycle's ids
   * (`cycleInvoiceIdFor`) not annulled — `none` when the cycle is still to invoice, its first
   * time or again after its invoice was annulled (rule 22).
   */
  async cycleInvoice(
    contractId: string,
    cyclePeriod: string,
  ): Promise<{ invoiceId: string; state: InvoiceState }> {
    for (let reissue = 0; ; reissue++) {
      const invoiceId = cycleInvoiceIdFor(contractId, cyclePeriod, reissue);
      const state = await this.state(invoiceId);
      if (!isAnnulled(state)) return { invoiceId, state };
    }
  }

  /** Drafts the invoice unless it exists (drafted or issued by an earlier or racing run). */
  async draft(command: DraftInvoice, context: CommandContext): Promise<InvoiceState> {
    const decided = await this.decide(command.data.invoiceId, context, (state) =>
      state.status === 'none' ? [command] : [],
    );
    return decided.state;
  }

  /**
   * Numbers the drafts in `series` (in the order given) and issues them; invoices paid by
   * direct debit get their effect in the same append. Answers each invoice as issued, with
   * whether this call issued it (`false`: a racing run did). Each number is dated (dates follow
   * numbers) and chained as a VERI*FACTU registration record of the series' issuer (rule 22).
   */
  async issueDrafts(
    series: string,
    drafts: readonly DraftedInvoice[],
    context: CommandContext,
    issuerOfSeries?: InvoiceIssuerSnapshot,
  ): Promise<{ invoice: IssuedInvoice; issuedHere: boolean }[]> {
    const today = todayOf(context);
    const seriesIssuer = issuerOfSeries ?? (await this.issuers.issuerForSeries(series));
    const draftOf = new Map(drafts.map((draft) => [draft.invoiceId, draft]));
    const registration: ChainRegistration = {
      issuerId: seriesIssuer.issuerId,
      contentOf: (assignment, generatedAt) => {
        const draft = draftOf.get(assignment.invoiceId)!;
        return invoiceRegistrationContent({
          recordId: uuid(),
          issuer: draft.issuer ?? seriesIssuer,
          invoiceId: draft.invoiceId,
          numSerie: assignment.formatted,
          issueDate: assignment.issueDate,
          customer: draft.customer,
          lines: draft.lines,
          totals: draft.totals,
          cyclePeriod: draft.cyclePeriod,
          generatedAt,
        });
      },
    };
    const numbers = await numbersFor(
      this.store,
      series,
      drafts.map((draft) => draft.invoiceId),
      context,
      {
        dating: { askedDates: drafts.map((draft) => earliest(draft.issueDate, today)), today },
        registration,
      },
    );
    const issued: { invoice: IssuedInvoice; issuedHere: boolean }[] = new Array(drafts.length);
    const indexed = drafts.map((draft, index) => ({ draft, index }));
    await inBatches(indexed, ISSUE_CONCURRENCY, async ({ draft, index }) => {
      const { number, issueDate } = numbers.get(draft.invoiceId)!;
      let issuedHere = false;
      const { state } = await this.decide(draft.invoiceId, context, (current) => {
        issuedHere = current.status === 'draft';
        return issuedHere ? issueCommands(draft, number, issueDate, context) : [];
      });
      issued[index] = { invoice: state as IssuedInvoice, issuedHere };
    });
    return issued;
  }

  /**
   * Grants a credit note: drafts it (checked and counted against the invoice, R9), numbers it
   * in the rectifying series, grants it. Drafts left by an earlier grant cut short are granted
   * first, so their numbers come before this one's.
   */
  async grantCreditNote(
    command: Extract<InvoiceCommand, { type: 'DraftCreditNote' }>,
    context: CommandContext,
  ): Promise<InvoiceDecided> {
    const { invoiceId } = command.data;
    await this.decide(invoiceId, context, () => [command], context.expectedVersion);
    return this.grantDraftCreditNotes(invoiceId, { ...context, expectedVersion: undefined });
  }

  /**
   * Numbers and grants every credit note drafted on the invoice and not granted yet, in the
   * order drafted, in one append. Each is numbered and granted in the name of the request that
   * drafted it (its actor, key and correlation id), whichever request gets there first: a
   * racing request, or the next one after a grant cut short.
   */
  async grantDraftCreditNotes(invoiceId: string, context: CommandContext): Promise<InvoiceDecided> {
    const recorded = await this.store.readStream(invoiceStream(invoiceId));
    const state = foldState(recorded, invoiceDecider);
    if (state.status !== 'issued' || state.draftCreditNotes.length === 0)
      return { state, version: recorded.length, position: toNumber(recorded.at(-1)?.position) };
    const drafters = draftersOf(recorded, context);
    const contextOf = (creditNoteId: string) => drafters.get(creditNoteId) ?? context;
    const ids = state.draftCreditNotes.map((note) => note.creditNoteId);
    const series = rectifyingSeries(state.series);
    const today = todayOf(context);
    const issuer = state.issuer ?? (await this.issuers.issuerForSeries(state.series));
    const noteOf = new Map(state.draftCreditNotes.map((note) => [note.creditNoteId, note]));
    const numbers = await numbersFor(this.store, series, ids, context, {
      contextOf,
      dating: {
        askedDates: state.draftCreditNotes.map((note) =>
          earliest(dateInZone(note.grantedAt), today),
        ),
        today,
      },
      registration: {
        issuerId: issuer.issuerId,
        contentOf: (assignment, generatedAt) => {
          const note = noteOf.get(assignment.invoiceId)!;
          return creditNoteRegistrationContent({
            recordId: uuid(),
            issuer,
            invoiceId,
            creditNoteId: note.creditNoteId,
            numSerie: assignment.formatted,
            issueDate: assignment.issueDate,
            customer: state.customer,
            rectifiedCustomer: state.customer,
            lines: note.lines,
            totals: note.totals,
            reason: note.reason,
            rectified: {
              issuerNif: issuer.nif,
              numSerie: state.formatted,
              issueDate: state.issueDate,
            },
            generatedAt,
          });
        },
      },
    });
    return this.decide(
      invoiceId,
      context,
      (current) =>
        current.status !== 'issued'
          ? []
          : current.draftCreditNotes
              .filter((note) => numbers.has(note.creditNoteId))
              .map(({ creditNoteId }) => ({
                type: 'GrantDraftCreditNote' as const,
                data: {
                  invoiceId,
                  creditNoteId,
                  number: numbers.get(creditNoteId)!.number,
                  issueDate: numbers.get(creditNoteId)!.issueDate,
                },
                metadata: { at: context.at },
              })),
      undefined,
      (command) =>
        command.type === 'GrantDraftCreditNote' ? contextOf(command.data.creditNoteId) : context,
    );
  }

  /**
   * Rule 22: annuls the invoice and, in the same transaction, chains its `RegistroAnulacion`
   * on its issuer's chain. An invoice issued before the chain existed (no issuer snapshot) was
   * never registered, so its annulment records nothing there.
   */
  async cancel(
    command: Extract<InvoiceCommand, { type: 'CancelInvoice' }>,
    context: CommandContext,
  ): Promise<InvoiceDecided> {
    const { invoiceId } = command.data;
    const { state, version, position } = await decideAndAppend(this.store, {
      aggregateId: invoiceId,
      stream: invoiceStream(invoiceId),
      decider: invoiceDecider,
      command,
      context,
      retry: INVOICE_RETRY,
      alongside: async (_events, invoice) => {
        if (invoice.status !== 'issued' || invoice.issuer === undefined)
          return { before: [], after: [] };
        const content = cancellationRecordContent({
          recordId: uuid(),
          issuer: invoice.issuer,
          invoiceId,
          numSerie: invoice.formatted,
          issueDate: invoice.issueDate,
          generatedAt: generatedAtOf(context.at),
        });
        const chained = await chainAppendFor(
          this.store,
          invoice.issuer.issuerId,
          [content],
          context,
        );
        return { before: [], after: [chained.append] };
      },
    });
    return { state, version, position };
  }

  /**
   * Load → decide → append on the invoice's stream, through the one write path; a lost race is
   * decided again on the fresh state (unless the client pinned `expectedVersion`).
   */
  async decide(
    invoiceId: string,
    context: CommandContext,
    decision: Decision,
    expectedVersion?: number,
    contextOf: (command: InvoiceCommand) => CommandContext = () => context,
  ): Promise<InvoiceDecided> {
    const { state, version, position } = await decideAndAppend(this.store, {
      aggregateId: invoiceId,
      stream: invoiceStream(invoiceId),
      decider: invoiceDecider,
      command: decision,
      context,
      expectedVersion: expectedVersion ?? null,
      contextOf,
      retry: INVOICE_RETRY,
    });
    return { state, version, position };
  }
}

/** Issue the draft under its number and, when it is paid by direct debit, send its effect. */
function issueCommands(
  draft: DraftedInvoice,
  number: number,
  issueDate: PlainDate | undefined,
  context: CommandContext,
): InvoiceCommand[] {
  const metadata = { at: context.at };
  const { invoiceId } = draft;
  const issue: InvoiceCommand = {
    type: 'IssueDraftInvoice',
    data: { invoiceId, number, issueDate },
    metadata,
  };
  if (draft.paymentMethod !== 'direct_debit' || draft.iban === null || draft.totals.totalCents <= 0)
    return [issue];
  const effect: InvoiceCommand = {
    type: 'CreateDirectDebitEffect',
    data: { invoiceId, effectId: firstEffectIdFor(invoiceId) },
    metadata,
  };
  return [issue, effect];
}

/** The tenant's calendar day at the request's instant. */
const todayOf = (context: CommandContext): PlainDate => dateInZone(context.at);

/**
 * Who drafted each credit note: the request its `CreditNoteDrafted` was recorded under (its
 * actor, key, correlation and idempotency key), at `finishing`'s instant.
 */
function draftersOf(
  recorded: readonly RecordedEvent[],
  finishing: CommandContext,
): Map<string, CommandContext> {
  const drafters = new Map<string, CommandContext>();
  for (const event of recorded) {
    if (event.type !== 'CreditNoteDrafted') continue;
    const { metadata } = event;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    drafters.set((event.data as { creditNoteId: string }).creditNoteId, {
      actor: metadata.actor,
      via: text(metadata.via) ?? finishing.via,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      idempotencyKey: text(metadata.idempotencyKey),
      at: finishing.at,
    });
  }
  return drafters;
}
