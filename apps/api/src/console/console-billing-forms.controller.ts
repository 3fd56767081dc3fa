import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  APP_CONFIG,
  AppConfig,
  ChangeSignatureIbanCommand,
  GrantCreditNoteCommand,
  IssuerDirectory,
  READ_MODELS,
  RecordPaymentCommand,
} from '@app/application';
import { isPlainDate, startOfDayInZone } from '@app/domain';
import { findContract } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { ChangeSignatureIbanDto } from '../contracts/contract-requests.dto';
import { Public } from '../http/public.decorator';
import { invoiceDocument } from '../invoices/documents/invoice-document';
import { CreditNoteDto, PaymentDto } from '../invoices/invoice-requests.dto';
import { ConsoleCommandRunner } from './console-command-runner';
import { ConsoleCustomerPages } from './console-customer-pages';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { centsOfEuros } from './euros';
import { formText } from './console-form';

/**
 * The money forms of the customer file — change a signature's IBAN, issue a credit note,
 * record a payment — each the API's command with its DTO, and the invoices' PDFs. Amounts are
 * typed in euros (`12,50`) and sent in cents.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/customers')
export class ConsoleBillingFormsController {
  constructor(
    private readonly commands: ConsoleCommandRunner,
    private readonly pages: ConsoleCustomerPages,
    private readonly views: ConsoleViews,
    private readonly issuers: IssuerDirectory,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The invoice or credit note as the API prints it, if it bills this customer. */
  @Get(':id/invoices/:documentId/document.pdf')
  @QueryEndpoint()
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const printed = await invoiceDocument(
      this.readModels,
      this.issuers,
      this.config.VERIFACTU_QR_ENVIRONMENT,
      documentId,
      acceptLanguage,
    );
    if (!printed || printed.customerId !== id)
      throw new NotFoundException(`No invoice or credit note ${documentId} for this customer`);
    return new StreamableFile(printed.pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${printed.fileName}"`,
      length: printed.pdf.length,
    });
  }

  /** The contracts tab's "change the signature's IBAN" (rule R4: the signature's IBAN is charged). */
  @Post(':id/contracts/:contractId/iban')
  @CommandEndpoint()
  async changeIban(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contractId', ParseUUIDPipe) contractId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const contract = await findContract(this.readModels, contractId);
    if (contract?.customerId !== id)
      throw new NotFoundException(`No contract ${contractId} on this customer`);
    const form = { iban: formText(body.iban), mandateReference: formText(body.mandateReference) };
    const refusal = await this.commands.run(
      request,
      ChangeSignatureIbanDto,
      form,
      (valid, context) => new ChangeSignatureIbanCommand(contractId, valid, context),
    );
    await this.pages.answerForm(
      request,
      response,
      id,
      refusal,
      { tab: 'contracts', form: { ...form, contractId }, formKind: 'iban' },
      'contracts',
    );
  }

  /** The invoice's "issue a credit note": the rectifying series, never above what is left (R9). */
  @Post(':id/invoices/:invoiceId/credit-notes')
  @CommandEndpoint()
  async creditNote(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.pages.customerInvoice(id, invoiceId);
    const form = { reason: formText(body.reason), amount: formText(body.amount) };
    const amountCents = centsOfEuros(form.amount);
    const refusal =
      amountCents === null
        ? this.messages(request).badAmount
        : await this.commands.run(
            request,
            CreditNoteDto,
            { reason: form.reason, amountCents },
            (valid, context) => new GrantCreditNoteCommand(invoiceId, uuid(), valid, context),
          );
    await this.answerInvoiceForm(request, response, id, invoiceId, refusal, form, 'credit-note');
  }

  /** The invoice's "record a payment": full or partial, never more than is owed. */
  @Post(':id/invoices/:invoiceId/payments')
  @CommandEndpoint()
  async payment(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('invoiceId', ParseUUIDPipe) invoiceId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.pages.customerInvoice(id, invoiceId);
    const form = {
      amount: formText(body.amount),
      method: formText(body.method),
      paidOn: formText(body.paidOn),
    };
    const amountCents = centsOfEuros(form.amount);
    const paidOnValid = form.paidOn === '' || isPlainDate(form.paidOn);
    const refusal =
      amountCents === null
        ? this.messages(request).badAmount
        : !paidOnValid
          ? `${this.messages(request).badDate}: ${form.paidOn}`
          : await this.commands.run(
              request,
              PaymentDto,
              {
                amountCents,
                method: form.method,
                ...(form.paidOn ? { paidAt: startOfDayInZone(form.paidOn) } : {}),
              },
              (valid, context) =>
                new RecordPaymentCommand(invoiceId, { paymentId: uuid(), ...valid }, context),
            );
    await this.answerInvoiceForm(request, response, id, invoiceId, refusal, form, 'payment');
  }

  private messages(request: ConsoleRequest) {
    return this.views.messages(frameOf(request).lang);
  }

  private answerInvoiceForm(
    request: ConsoleRequest,
    response: Response,
    customerId: string,
    invoiceId: string,
    refusal: string | null,
    form: object,
    formKind: string,
  ): Promise<void> {
    const shown = { tab: 'invoices' as const, form, formKind, selection: { invoice: invoiceId } };
    return this.pages.answerForm(
      request,
      response,
      customerId,
      refusal,
      shown,
      `invoices&invoice=${invoiceId}`,
    );
  }
}
