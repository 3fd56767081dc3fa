import { Command } from '@nestjs/cqrs';
import { BillingTotals, CreditNoteRequest, InvoiceCommand } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** The domain command's data, as the client gives it: the invoice is named apart. */
type DataOf<T extends InvoiceCommand['type']> = Omit<
  Extract<InvoiceCommand, { type: T }>['data'],
  'invoiceId'
>;

/**
 * One use case on an issued invoice: which invoice, its data typed by the domain's command,
 * and who asks. Each subclass is handled by its own `@CommandHandler` (invoice.handlers.ts).
 */
abstract class InvoiceUseCase<T extends InvoiceCommand['type']> extends Command<CommandOutcome> {
  constructor(
    readonly invoiceId: string,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RecordPaymentCommand extends InvoiceUseCase<'RecordPayment'> {}
export class CreateDirectDebitEffectCommand extends InvoiceUseCase<'CreateDirectDebitEffect'> {}
export class CollectEffectCommand extends InvoiceUseCase<'CollectEffect'> {}
export class ReturnEffectCommand extends InvoiceUseCase<'ReturnEffect'> {}
/** Rule 17, by hand: an operator lowers or cancels an effect before it goes to the bank. */
export class ReduceEffectCommand extends InvoiceUseCase<'ReduceEffect'> {}
export class CancelEffectCommand extends InvoiceUseCase<'CancelEffect'> {}
/** Rule 22: an invoice issued by mistake annulled, with its VERI*FACTU `RegistroAnulacion`. */
export class CancelInvoiceCommand extends InvoiceUseCase<'CancelInvoice'> {}

/** A credit note granted, with its number in the rectifying series. */
export interface CreditNoteGranted extends CommandOutcome {
  creditNoteId: string;
  number: string | undefined;
  totals: BillingTotals | undefined;
}

/**
 * A credit note on an issued invoice: the amount or the lines to correct, as the operator asked
 * (R9); the domain turns them into correction lines of the invoice.
 */
export class GrantCreditNoteCommand extends Command<CreditNoteGranted> {
  constructor(
    readonly invoiceId: string,
    readonly creditNoteId: string,
    readonly request: CreditNoteRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
