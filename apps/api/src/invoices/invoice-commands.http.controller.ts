import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  correctionLines,
  InvoiceCommand,
  invoiceNotFound,
  invoiceNotIssued,
  IssuedInvoice,
  totalsOf,
} from '@app/domain';
import { v4 as uuid } from 'uuid';
import { CommandEndpoint } from '../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../infrastructure/commands/command-context';
import { InvoiceDecided, InvoiceDocuments } from '@app/application';
import {
  CreditNoteDto,
  DirectDebitEffectDto,
  EffectCollectedDto,
  EffectReturnedDto,
  PaymentDto,
} from './invoice-requests.dto';

type Id = string;

/** API.md's `{ id, version, position }` and the id of what was created. */
const outcome = (invoiceId: string, decided: InvoiceDecided, created: Record<string, unknown>) => ({
  id: invoiceId,
  version: decided.version,
  position: decided.position,
  ...created,
});

/**
 * What happens to an issued invoice (R9: it never changes itself): credit notes in the
 * rectifying series, payments, and direct-debit effects sent, collected and returned.
 */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoiceCommandsController {
  constructor(private readonly documents: InvoiceDocuments) {}

  @Post(':id/credit-notes')
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Grant a credit note (rectifying series); credits never exceed the invoice total (R9)',
  })
  async creditNote(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: CreditNoteDto,
    @Context() context: CommandContext,
  ) {
    const invoice = await this.issued(invoiceId, context);
    const lines = correctionLines(
      invoice,
      body.lines ?? [{ description: body.reason, amountCents: body.amountCents as number }],
    );
    const creditNoteId = uuid();
    const decided = await this.documents.grantCreditNote(
      {
        type: 'DraftCreditNote',
        data: { invoiceId, creditNoteId, reason: body.reason, lines, totals: totalsOf(lines) },
        metadata: { at: context.at },
      },
      context,
    );
    const note = (decided.state as IssuedInvoice).creditNotes.find(
      (granted) => granted.creditNoteId === creditNoteId,
    );
    return outcome(invoiceId, decided, {
      creditNoteId,
      number: note?.formatted,
      totals: note?.totals,
    });
  }

  @Post(':id/payments')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Record a payment, full or partial; never more than is owed' })
  async payment(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: PaymentDto,
    @Context() context: CommandContext,
  ) {
    const paymentId = uuid();
    return this.run(invoiceId, context, { paymentId }, (metadata) => ({
      type: 'RecordPayment',
      data: { invoiceId, paymentId, ...body },
      metadata,
    }));
  }

  @Post(':id/direct-debit-effects')
  @CommandEndpoint()
  @ApiOperation({ summary: "Send a direct-debit effect charging the signature's IBAN (R4)" })
  async createEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: DirectDebitEffectDto,
    @Context() context: CommandContext,
  ) {
    const effectId = uuid();
    return this.run(invoiceId, context, { effectId }, (metadata) => ({
      type: 'CreateDirectDebitEffect',
      data: { invoiceId, effectId, ...body },
      metadata,
    }));
  }

  @Post(':id/direct-debit-effects/:effectId/collect')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'The bank collected the effect: its amount counts as paid' })
  collectEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Param('effectId', ParseUUIDPipe) effectId: Id,
    @Body() body: EffectCollectedDto,
    @Context() context: CommandContext,
  ) {
    return this.run(invoiceId, context, { effectId }, (metadata) => ({
      type: 'CollectEffect',
      data: { invoiceId, effectId, ...body },
      metadata,
    }));
  }

  @Post(':id/direct-debit-effects/:effectId/return')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'The bank returned the effect ("devuelto"): owed again' })
  returnEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Param('effectId', ParseUUIDPipe) effectId: Id,
    @Body() body: EffectReturnedDto,
    @Context() context: CommandContext,
  ) {
    return this.run(invoiceId, context, { effectId }, (metadata) => ({
      type: 'ReturnEffect',
      data: { invoiceId, effectId, ...body },
      metadata,
    }));
  }

  private async run(
    invoiceId: Id,
    context: CommandContext,
    created: Record<string, unknown>,
    command: (metadata: { at: string }) => InvoiceCommand,
  ) {
    const decided = await this.documents.decide(
      invoiceId,
      context,
      () => [command({ at: context.at })],
      context.expectedVersion,
    );
    return outcome(invoiceId, decided, created);
  }

  /** The invoice credited; a credit note cut short earlier is granted first. */
  private async issued(invoiceId: Id, context: CommandContext): Promise<IssuedInvoice> {
    const { state } = await this.documents.grantDraftCreditNotes(invoiceId, {
      ...context,
      expectedVersion: undefined,
    });
    if (state.status === 'none') throw invoiceNotFound(invoiceId);
    if (state.status === 'draft') throw invoiceNotIssued(invoiceId);
    return state;
  }
}
