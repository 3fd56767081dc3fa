import { Inject } from '@nestjs/common';
import { toNumber } from '../commands/decide-and-append';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IssuedInvoice, migrationCreditsDue, MigrationCreditDue, YearMonth } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { contractBillingSnapshots } from '@app/read-models';
import { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { CommandContext } from '../commands/command-context';
import { ProjectionProgress } from '../storage/projection-progress';
import { READ_MODELS } from '../storage/read-models.module';
import { InvoiceDocuments } from '../invoices/invoice-documents';
import { GrantMigrationCreditsCommand } from './billing.commands';

export interface GrantedMigrationCredit {
  invoiceId: string;
  invoiceNumber: string;
  creditNoteId: string;
  number: string;
  migrationId: string;
  subscriptionId: string;
  unusedDays: { from: string; to: string } | null;
  totals: IssuedInvoice['totals'];
}

export interface MigrationCreditRunResult {
  period: YearMonth;
  granted: GrantedMigrationCredit[];
  position: number | null;
}

/** Credit-note ids derived from the invoice and the migration: one per migration, ever. */
const CREDIT_NOTE_IDS = '0d5f3f7e-2b8c-4c61-a4f5-6b9e3c7d1a20';

/**
 * Rule R10's mass credit run: for every contract's invoice of the period, each tariff
 * migration of an advance-billed subscription that took effect inside days the invoice
 * charged at the old tariff gets one credit note for the unused days, prorated daily. At most
 * once per migration: the credit note's id and `migrationId` are derived from the migration,
 * and the invoice refuses a second credit for it.
 *
 * The process manager of a workflow over many invoices: each credit note is drafted and issued
 * through the invoices' write path (InvoiceDocuments), a draft left by a run cut short first.
 */
@CommandHandler(GrantMigrationCreditsCommand)
export class MigrationCreditRunProcess implements ICommandHandler<GrantMigrationCreditsCommand> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
    private readonly documents: InvoiceDocuments,
  ) {}

  async execute({
    request,
    context,
  }: GrantMigrationCreditsCommand): Promise<MigrationCreditRunResult> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const snapshots = await contractBillingSnapshots(this.readModels, {
      customerIds: request.customerIds,
    });
    const granted: GrantedMigrationCredit[] = [];
    for (const snapshot of snapshots) {
      const { invoiceId } = await this.documents.cycleInvoice(snapshot.contractId, request.period);
      const { state } = await this.documents.grantDraftCreditNotes(invoiceId, context);
      if (state.status !== 'issued') continue;
      const due = migrationCreditsDue(
        {
          lines: state.lines,
          creditedMigrationIds: state.creditNotes.flatMap((note) => note.migrationId ?? []),
        },
        snapshot.subscriptions,
        snapshot.billing.billingDay,
      );
      for (const credit of due) granted.push(await this.grant(state, credit, context));
    }
    const position = await this.store.lastCommittedPosition();
    return {
      period: request.period,
      granted,
      position: toNumber(position),
    };
  }

  private async grant(
    invoice: IssuedInvoice,
    due: MigrationCreditDue,
    context: CommandContext,
  ): Promise<GrantedMigrationCredit> {
    const { invoiceId } = invoice;
    const creditNoteId = uuidv5(`credit/${invoiceId}/${due.migrationId}`, CREDIT_NOTE_IDS);
    const { state } = await this.documents.grantCreditNote(
      {
        type: 'DraftCreditNote',
        data: {
          invoiceId,
          creditNoteId,
          reason: `Tariff migration: ${due.credit.lines[0].description}`,
          lines: due.credit.lines,
          totals: due.credit.totals,
          migrationId: due.migrationId,
        },
        metadata: { at: context.at },
      },
      { ...context, expectedVersion: undefined },
    );
    const note = (state as IssuedInvoice).creditNotes.find((n) => n.creditNoteId === creditNoteId);
    return {
      invoiceId,
      invoiceNumber: invoice.formatted,
      creditNoteId,
      number: note?.formatted ?? '',
      migrationId: due.migrationId,
      subscriptionId: due.subscriptionId,
      unusedDays: due.credit.unusedDays,
      totals: due.credit.totals,
    };
  }
}
