import { IssuerDirectory } from '../issuers/issuer-directory';
import { SERIES_ISSUERS } from './series-issuers';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  correctionLines,
  correctionRequestsOf,
  InvoiceCommand,
  invoiceNotFound,
  invoiceNotIssued,
  IssuedInvoice,
  totalsOf,
} from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import {
  CollectEffectCommand,
  CreateDirectDebitEffectCommand,
  CreditNoteGranted,
  GrantCreditNoteCommand,
  RecordPaymentCommand,
  ReturnEffectCommand,
  ReduceEffectCommand,
  CancelEffectCommand,
  CancelInvoiceCommand,
} from './invoice.commands';
import { InvoiceDocuments } from './invoice-documents';

// One handler per use case on an issued invoice: each builds its domain command (typed by the
// domain's union, no casts) and runs it through InvoiceDocuments, the invoice's write path.

const at = (command: { context: { at: string } }) => ({ at: command.context.at });

/** One command on the invoice, under the client's If-Match. */
async function decideOn(
  documents: InvoiceDocuments,
  invoiceId: string,
  command: InvoiceCommand,
  context: CommandContext,
): Promise<CommandOutcome> {
  const decided = await documents.decide(
    invoiceId,
    context,
    () => [command],
    context.expectedVersion,
  );
  return { id: invoiceId, version: decided.version, position: decided.position };
}

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: RecordPaymentCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'RecordPayment', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(CancelInvoiceCommand)
export class CancelInvoiceHandler implements ICommandHandler<CancelInvoiceCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  async execute(c: CancelInvoiceCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    const decided = await this.documents.cancel(
      { type: 'CancelInvoice', data, metadata: at(c) },
      c.context,
    );
    return { id: c.invoiceId, version: decided.version, position: decided.position };
  }
}

@CommandHandler(CreateDirectDebitEffectCommand)
export class CreateDirectDebitEffectHandler implements ICommandHandler<CreateDirectDebitEffectCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: CreateDirectDebitEffectCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'CreateDirectDebitEffect', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(CollectEffectCommand)
export class CollectEffectHandler implements ICommandHandler<CollectEffectCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: CollectEffectCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'CollectEffect', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ReturnEffectCommand)
export class ReturnEffectHandler implements ICommandHandler<ReturnEffectCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: ReturnEffectCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'ReturnEffect', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(ReduceEffectCommand)
export class ReduceEffectHandler implements ICommandHandler<ReduceEffectCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: ReduceEffectCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'ReduceEffect', data, metadata: at(c) },
      c.context,
    );
  }
}

@CommandHandler(CancelEffectCommand)
export class CancelEffectHandler implements ICommandHandler<CancelEffectCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  execute(c: CancelEffectCommand): Promise<CommandOutcome> {
    const data = { ...c.data, invoiceId: c.invoiceId };
    return decideOn(
      this.documents,
      c.invoiceId,
      { type: 'CancelEffect', data, metadata: at(c) },
      c.context,
    );
  }
}

/**
 * A credit note: a grant cut short earlier is finished first (its number comes before this
 * one's), the corrections become lines of the invoice (R9), then the note is drafted, numbered
 * and granted.
 */
@CommandHandler(GrantCreditNoteCommand)
export class GrantCreditNoteHandler implements ICommandHandler<GrantCreditNoteCommand> {
  constructor(private readonly documents: InvoiceDocuments) {}
  async execute(c: GrantCreditNoteCommand): Promise<CreditNoteGranted> {
    const { invoiceId, creditNoteId, context } = c;
    const { state } = await this.documents.grantDraftCreditNotes(invoiceId, {
      ...context,
      expectedVersion: undefined,
    });
    if (state.status === 'none') throw invoiceNotFound(invoiceId);
    if (state.status === 'draft') throw invoiceNotIssued(invoiceId);
    const lines = correctionLines(state, correctionRequestsOf(c.request));
    const decided = await this.documents.grantCreditNote(
      {
        type: 'DraftCreditNote',
        data: { invoiceId, creditNoteId, reason: c.request.reason, lines, totals: totalsOf(lines) },
        metadata: at(c),
      },
      context,
    );
    const note = (decided.state as IssuedInvoice).creditNotes.find(
      (granted) => granted.creditNoteId === creditNoteId,
    );
    return {
      id: invoiceId,
      version: decided.version,
      position: decided.position,
      creditNoteId,
      number: note?.formatted,
      totals: note?.totals,
    };
  }
}

/** Everything the invoices capability registers with Nest. */
export const invoiceApplicationProviders = [
  InvoiceDocuments,
  IssuerDirectory,
  { provide: SERIES_ISSUERS, useExisting: IssuerDirectory },
  RecordPaymentHandler,
  CancelInvoiceHandler,
  CreateDirectDebitEffectHandler,
  CollectEffectHandler,
  ReturnEffectHandler,
  ReduceEffectHandler,
  CancelEffectHandler,
  GrantCreditNoteHandler,
];
