import {
  Body,
  Controller,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CancelEffectCommand, ReduceEffectCommand } from '@app/application';
import { CommandEndpoint } from '../auth/access.decorator';
import { Public } from '../http/public.decorator';
import {
  CancelEffectDto,
  ReduceEffectDto,
} from '../invoices/effect-adjustments/effect-adjustments.http.controller';
import { ConsoleCommandRunner } from './console-command-runner';
import { ConsoleCustomerPages } from './console-customer-pages';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { centsOfEuros } from './euros';
import { formText } from './console-form';

/**
 * The pending effects tab's forms ("gestiónalos desde aquí directamente", seed 000): lower an
 * effect not yet sent to the bank, or cancel it (rule 17), as the API's
 * `POST /invoices/:id/direct-debit-effects/:effectId/{reduce,cancel}` do.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/customers')
export class ConsoleEffectFormsController {
  constructor(
    private readonly commands: ConsoleCommandRunner,
    private readonly pages: ConsoleCustomerPages,
    private readonly views: ConsoleViews,
  ) {}

  @Post(':id/effects/:effectId')
  @CommandEndpoint()
  async adjust(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('effectId', ParseUUIDPipe) effectId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const invoiceId = await this.invoiceOfEffect(id, formText(body.invoiceId), effectId);
    const form = {
      effectId,
      action: formText(body.action),
      reason: formText(body.reason),
      amount: formText(body.amount),
    };
    const refusal = await this.refusalOf(request, invoiceId, form);
    await this.pages.answerForm(
      request,
      response,
      id,
      refusal,
      { tab: 'effects', form, formKind: 'effect' },
      'effects',
    );
  }

  private async refusalOf(
    request: ConsoleRequest,
    invoiceId: string,
    form: { effectId: string; action: string; reason: string; amount: string },
  ): Promise<string | null> {
    if (form.action === 'cancel')
      return this.commands.run(
        request,
        CancelEffectDto,
        { reason: form.reason },
        (valid, context) =>
          new CancelEffectCommand(invoiceId, { effectId: form.effectId, ...valid }, context),
      );
    if (form.action !== 'reduce') throw new NotFoundException(`No action ${form.action}`);
    const amountCents = centsOfEuros(form.amount);
    if (amountCents === null) return this.views.messages(frameOf(request).lang).badAmount;
    return this.commands.run(
      request,
      ReduceEffectDto,
      { reason: form.reason, amountCents },
      (valid, context) =>
        new ReduceEffectCommand(invoiceId, { effectId: form.effectId, ...valid }, context),
    );
  }

  /** The effect's invoice, if it is this customer's and holds the effect. */
  private async invoiceOfEffect(customerId: string, invoiceId: string, effectId: string) {
    const invoice = await this.pages.customerInvoice(customerId, invoiceId);
    if (!invoice.effects.some((effect) => effect.id === effectId))
      throw new NotFoundException(`No effect ${effectId} on invoice ${invoiceId}`);
    return invoice.id;
  }
}
