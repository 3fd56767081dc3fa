import { Controller, Get, Inject, NotFoundException, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_MODELS } from '@app/application';
import { customerInvoices, portalAccount } from '@app/read-models';
import { DataSource } from 'typeorm';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { Public } from '../http/public.decorator';
import { PortalCustomer, PortalTokenGuard } from './portal-token.guard';

/**
 * Rule 26: what a customer reads of itself in the portal, with a portal token only (never an
 * API key): its invoices and its account. The token names the customer; no id is taken.
 */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal/me')
@Public()
@UseGuards(PortalTokenGuard)
export class PortalMeController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('invoices')
  @ApiOperation({ summary: "The portal's invoices: the customer's issued invoices, newest first" })
  invoices(@PortalCustomer() customerId: string, @Query() query: PagingDto) {
    return customerInvoices(this.readModels, customerId, query);
  }

  @Get('account')
  @ApiOperation({ summary: "The portal's account: the customer's basics, balance and debt" })
  async account(@PortalCustomer() customerId: string) {
    const account = await portalAccount(this.readModels, customerId);
    if (account === null) throw new NotFoundException('No account for this portal token');
    return account;
  }
}
