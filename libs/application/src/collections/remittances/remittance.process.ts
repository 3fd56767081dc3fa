import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  contractDecider,
  contractStream,
  ContractState,
  InvoiceState,
  invoiceDecider,
  invoiceStream,
  RemittanceCandidate,
  RemittanceCreated,
  RemittanceEvent,
  remittanceDecider,
  remittanceLedgerStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, ExpectedRevision, StreamAppend } from '@app/event-store';
import { remittableEffects } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { decideAndAppend, jitteredBackoff, toNewEvent } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { inBatches } from '../../commands/in-batches';
import { ProjectionProgress } from '../../storage/projection-progress';
import { READ_MODELS } from '../../storage/read-models.module';
import { APP_CONFIG } from '../../storage/tokens';
import { CreateRemittanceCommand, RemittanceOutcome } from './remittance.commands';
import { IssuerDirectory } from '../../issuers/issuer-directory';
import { creditorOf, DEFAULT_ISSUER_ID } from './issuer-creditor';
import { AvailableCredit } from '../credit/available-credit';

/** Streams read at once while gathering the facts. */
const CONCURRENCY = 8;

interface LoadedInvoice {
  state: InvoiceState;
  revision: ExpectedRevision;
}

/**
 * Rule 18, the process manager of a remittance: it first sets the available credit of the
 * customers with effects due against what they owe (rule 17), then finds the effects due in the read model,
 * reads each invoice and contract from its stream (facts, never a read model's lag), lets the
 * issuer's remittance ledger decide what goes in, and appends the remittance with each effect
 * marked remitted on its invoice (`RemitEffect`, decided by the invoice) in one atomic append on
 * the SQL stores: an invoice changed meanwhile (paid, say) makes the whole append lose its race
 * and be decided again, so no effect is in two remittances, none is remitted for more than its
 * invoice then asked, and a crash leaves all of it or none.
 */
@CommandHandler(CreateRemittanceCommand)
export class CreateRemittanceProcess implements ICommandHandler<CreateRemittanceCommand> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly progress: ProjectionProgress,
    private readonly credit: AvailableCredit,
    private readonly issuers: IssuerDirectory,
  ) {}

  async execute({
    remittanceId,
    request,
    context,
  }: CreateRemittanceCommand): Promise<RemittanceOutcome> {
    const issuerId = request.issuerId ?? DEFAULT_ISSUER_ID;
    // Rule 17: credit a customer has available is set against what they owe first, so it does
    // not sit idle while the bank is asked for more (their effects not yet remitted follow).
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const due = await remittableEffects(
      this.readModels,
      request.dueUntil ?? request.collectionDate,
    );
    await this.credit.applyFor(
      due.map((effect) => effect.customerId),
      context,
    );
    // The configured issuer's creditor is CREDITOR_*, as before issuers existed (rule 21).
    const creditor =
      issuerId === DEFAULT_ISSUER_ID
        ? creditorOf(this.config, issuerId)
        : creditorOf(await this.issuers.issuerById(issuerId));
    const invoices = new Map<string, LoadedInvoice>();
    const result = await decideAndAppend(this.store, {
      aggregateId: remittanceId,
      stream: remittanceLedgerStream(issuerId),
      decider: remittanceDecider,
      context,
      expectedVersion: null,
      retry: { attempts: 5, backoff: jitteredBackoff(200) },
      command: async () => {
        invoices.clear();
        const candidates = await this.candidates(request, invoices);
        return {
          type: 'CreateRemittance' as const,
          data: {
            remittanceId,
            issuerId,
            collectionDate: request.collectionDate,
            dueUntil: request.dueUntil,
            painVersion: request.painVersion,
            creditor,
            candidates,
          },
          metadata: { at: context.at },
        };
      },
      alongside: async (events) => ({
        before: [],
        after: this.effectsMarkedRemitted(createdIn(events), invoices, context),
      }),
    });
    const { data } = createdIn(result.events);
    return {
      id: remittanceId,
      effects: data.transactions.length,
      totalCents: data.totalCents,
      firstCollections: data.transactions.filter((t) => t.sequenceType === 'FRST').length,
      recurringCollections: data.transactions.filter((t) => t.sequenceType === 'RCUR').length,
      excluded: data.excluded,
      position: result.position,
    };
  }

  /** The effects due, each with its invoice's and contract's facts read from their streams. */
  private async candidates(
    request: { collectionDate: string; dueUntil?: string },
    invoices: Map<string, LoadedInvoice>,
  ): Promise<RemittanceCandidate[]> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const dueUntil = request.dueUntil ?? request.collectionDate;
    const due = await remittableEffects(this.readModels, dueUntil);
    const contracts = new Map<string, ContractState>();
    await inBatches(
      [...new Set(due.map((effect) => effect.invoiceId))],
      CONCURRENCY,
      async (id) => {
        const recorded = await this.store.readStream(invoiceStream(id));
        const last = recorded[recorded.length - 1];
        invoices.set(id, {
          state: foldState(recorded, invoiceDecider),
          revision: last ? last.revision : 'no_stream',
        });
      },
    );
    await inBatches(
      [...new Set(due.map((effect) => effect.contractId))],
      CONCURRENCY,
      async (id) => {
        contracts.set(
          id,
          foldState(await this.store.readStream(contractStream(id)), contractDecider),
        );
      },
    );
    return due.flatMap((effect): RemittanceCandidate[] => {
      const invoice = invoices.get(effect.invoiceId)?.state;
      if (invoice?.status !== 'issued') return [];
      const current = invoice.effects.find((e) => e.effectId === effect.effectId);
      if (!current) return [];
      const contract = contracts.get(effect.contractId);
      const signature = contract && 'signature' in contract ? contract.signature : null;
      return [
        {
          invoiceId: invoice.invoiceId,
          invoiceNumber: invoice.formatted,
          effectId: current.effectId,
          customerId: invoice.customerId,
          contractId: invoice.contractId,
          amountCents: current.amountCents,
          dueDate: current.dueDate,
          remittable: current.status === 'pending' && current.remittanceId === null,
          mandate:
            signature === null || contract?.status !== 'signed'
              ? null
              : {
                  reference: signature.mandateReference,
                  signedOn: signature.signedAt.slice(0, 10),
                  iban: signature.iban,
                  debtorName: signature.signatory,
                },
          mandateInvalidated: signature?.mandateInvalidated
            ? `${signature.mandateInvalidated.reasonCode} on ${signature.mandateInvalidated.invalidatedAt.slice(0, 10)}`
            : null,
        },
      ];
    });
  }

  /** Each effect remitted, as its invoice decides it, expecting the revision read. */
  private effectsMarkedRemitted(
    remittance: RemittanceCreated,
    invoices: Map<string, LoadedInvoice>,
    context: CreateRemittanceCommand['context'],
  ): StreamAppend[] {
    const byInvoice = new Map<string, string[]>();
    for (const t of remittance.data.transactions)
      byInvoice.set(t.invoiceId, [...(byInvoice.get(t.invoiceId) ?? []), t.effectId]);
    return [...byInvoice].map(([invoiceId, effectIds]) => {
      const loaded = invoices.get(invoiceId);
      if (!loaded) throw new Error(`Invoice ${invoiceId} was not read before its remittance`);
      let state = loaded.state;
      const events = effectIds.flatMap((effectId) => {
        const decided = invoiceDecider.decide(
          {
            type: 'RemitEffect',
            data: { invoiceId, effectId, remittanceId: remittance.data.remittanceId },
            metadata: { at: context.at },
          },
          state,
        );
        state = decided.reduce(invoiceDecider.evolve, state);
        return decided;
      });
      return {
        stream: invoiceStream(invoiceId),
        events: events.map((event) => toNewEvent(event, context)),
        expectedRevision: loaded.revision,
      };
    });
  }
}

/** The remittance a `CreateRemittance` decided (it decides exactly one `RemittanceCreated`). */
function createdIn(events: readonly RemittanceEvent[]): RemittanceCreated {
  const created = events.find(
    (event): event is RemittanceCreated => event.type === 'RemittanceCreated',
  );
  if (!created) throw new Error('A remittance was decided without its RemittanceCreated');
  return created;
}
