import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { INVOICE_STATUSES, InvoiceStatus } from '@app/domain';
import {
  customerAccount,
  customerInvoices,
  customerInvoiceSummary,
  customerPayments,
  findCustomerFile,
  findInvoice,
} from '@app/read-models';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { QueryEndpoint } from '../auth/access.decorator';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { READ_MODELS } from '@app/application';

class InvoiceStatusFilterDto {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;
}

class InvoiceListQueryDto extends IntersectionType(InvoiceStatusFilterDto, PagingDto) {}

/** Invoices and credit notes with their lines, and the customer's account statement. */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller()
export class InvoiceQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('customers/:id/invoices')
  @QueryEndpoint()
  @ApiOperation({ summary: "The invoices tab: newest first, each with today's status" })
  async ofCustomer(@Param('id', ParseUUIDPipe) id: string, @Query() query: InvoiceListQueryDto) {
    await this.customerExists(id);
    return customerInvoices(this.readModels, id, query);
  }

  @Get('customers/:id/invoices/summary')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      "The invoices tab's blocks: pending (overdue included), overdue, paid, partial and total, " +
      'counts and amounts, this year and all time (Europe/Madrid)',
  })
  async summaryOfCustomer(@Param('id', ParseUUIDPipe) id: string) {
    await this.customerExists(id);
    return customerInvoiceSummary(this.readModels, id);
  }

  @Get('customers/:id/payments')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The payments tab: payments and collected direct debits, newest first (20 a page), ' +
      "and this month's totals by method (Europe/Madrid)",
  })
  async paymentsOfCustomer(@Param('id', ParseUUIDPipe) id: string, @Query() query: PagingDto) {
    await this.customerExists(id);
    return customerPayments(this.readModels, id, query);
  }

  @Get('invoices/:id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One invoice: lines, credit notes, payments and effects' })
  async invoice(@Param('id', ParseUUIDPipe) id: string) {
    const invoice = await findInvoice(this.readModels, id);
    if (!invoice) throw new NotFoundException(`No invoice ${id}`);
    return invoice;
  }

  @Get('customers/:id/account')
  @QueryEndpoint()
  @ApiOperation({
    summary: 'Balance, unpaid invoices, available credit, pending effects and transactions',
  })
  async account(@Param('id', ParseUUIDPipe) id: string) {
    await this.customerExists(id);
    return customerAccount(this.readModels, id);
  }

  private async customerExists(id: string): Promise<void> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
  }
}
