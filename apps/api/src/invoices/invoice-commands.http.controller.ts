import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { v4 as uuid } from 'uuid';
import {
  CancelInvoiceCommand,
  CollectEffectCommand,
  CommandContext,
  CommandOutcome,
  CreateDirectDebitEffectCommand,
  GrantCreditNoteCommand,
  RecordPaymentCommand,
  ReturnEffectCommand,
} from '@app/application';
import { CommandEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import {
  CreditNoteDto,
  DirectDebitEffectDto,
  EffectCollectedDto,
  EffectReturnedDto,
  InvoiceCancellationDto,
  PaymentDto,
} from './invoice-requests.dto';
import {
  CreditNoteGrantedDto,
  DirectDebitEffectOutcomeDto,
  PaymentRecordedDto,
} from './invoice-responses.dto';

type Id = string;

/**
 * What happens to an issued invoice (R9: it never changes itself): credit notes in the
 * rectifying series, payments, and direct-debit effects sent, collected and returned.
 */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoiceCommandsController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/credit-notes')
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Grant a credit note (rectifying series); credits never exceed the invoice total (R9)',
  })
  @ApiBody({
    type: CreditNoteDto,
    // amountCents or lines, not both: whole bodies, since field examples would give both.
    examples: {
      amount: { value: { reason: 'Service outage 3–5 March', amountCents: 1000 } },
      lines: {
        value: {
          reason: 'Service outage 3–5 March',
          lines: [{ description: 'Three days without service', amountCents: 1000 }],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: CreditNoteGrantedDto })
  creditNote(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: CreditNoteDto,
    @Context() context: CommandContext,
  ): Promise<CreditNoteGrantedDto> {
    return this.bus.execute(new GrantCreditNoteCommand(invoiceId, uuid(), body, context));
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Annul an invoice issued by mistake (rule 22): only while nothing was paid, credited or sent to the bank; chains its VERI*FACTU RegistroAnulacion',
  })
  @ApiOkResponse({ type: CommandOutcome })
  cancel(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: InvoiceCancellationDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CancelInvoiceCommand(invoiceId, body, context));
  }

  @Post(':id/payments')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Record a payment, full or partial; never more than is owed' })
  @ApiCreatedResponse({ type: PaymentRecordedDto })
  async payment(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: PaymentDto,
    @Context() context: CommandContext,
  ): Promise<PaymentRecordedDto> {
    const paymentId = uuid();
    const outcome = await this.bus.execute(
      new RecordPaymentCommand(invoiceId, { paymentId, ...body }, context),
    );
    return { ...outcome, paymentId };
  }

  @Post(':id/direct-debit-effects')
  @CommandEndpoint()
  @ApiOperation({ summary: "Send a direct-debit effect charging the signature's IBAN (R4)" })
  @ApiCreatedResponse({ type: DirectDebitEffectOutcomeDto })
  async createEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Body() body: DirectDebitEffectDto,
    @Context() context: CommandContext,
  ): Promise<DirectDebitEffectOutcomeDto> {
    const effectId = uuid();
    const outcome = await this.bus.execute(
      new CreateDirectDebitEffectCommand(invoiceId, { effectId, ...body }, context),
    );
    return { ...outcome, effectId };
  }

  @Post(':id/direct-debit-effects/:effectId/collect')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'The bank collected the effect: its amount counts as paid' })
  @ApiOkResponse({ type: DirectDebitEffectOutcomeDto })
  async collectEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Param('effectId', ParseUUIDPipe) effectId: Id,
    @Body() body: EffectCollectedDto,
    @Context() context: CommandContext,
  ): Promise<DirectDebitEffectOutcomeDto> {
    const outcome = await this.bus.execute(
      new CollectEffectCommand(invoiceId, { effectId, ...body }, context),
    );
    return { ...outcome, effectId };
  }

  @Post(':id/direct-debit-effects/:effectId/return')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'The bank returned the effect ("devuelto"): owed again' })
  @ApiOkResponse({ type: DirectDebitEffectOutcomeDto })
  async returnEffect(
    @Param('id', ParseUUIDPipe) invoiceId: Id,
    @Param('effectId', ParseUUIDPipe) effectId: Id,
    @Body() body: EffectReturnedDto,
    @Context() context: CommandContext,
  ): Promise<DirectDebitEffectOutcomeDto> {
    const outcome = await this.bus.execute(
      new ReturnEffectCommand(invoiceId, { effectId, ...body }, context),
    );
    return { ...outcome, effectId };
  }
}
