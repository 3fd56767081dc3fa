import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import {
  customerRenewables,
  findCustomerFile,
  Page,
  RenewableView,
  RenewalDue,
  renewalsDue,
} from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { CustomerRenewablesQueryDto, RenewalsDueQueryDto } from './renewable-requests.dto';
import { RenewablePageResponse, RenewalDuePageResponse } from './renewable.responses';

/** The customer's renewables tab and the operator's to-do list of renewals due. */
@ApiTags('renewables')
@ApiBearerAuth()
@Controller()
export class RenewableQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('customers/:id/renewables')
  @QueryEndpoint()
  @ApiOperation({ summary: "The customer's renewables, next renewal first; filter status" })
  @ApiOkResponse({ type: RenewablePageResponse })
  async ofCustomer(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CustomerRenewablesQueryDto,
  ): Promise<Page<RenewableView>> {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerRenewables(this.readModels, id, query);
  }

  @Get('renewals')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'The to-do list: renewables still running due on or before due-before, oldest first, with the customer name',
  })
  @ApiOkResponse({ type: RenewalDuePageResponse })
  due(@Query() query: RenewalsDueQueryDto): Promise<Page<RenewalDue>> {
    const { 'due-before': dueBefore, page, pageSize } = query;
    return renewalsDue(this.readModels, dueBefore, { page, pageSize });
  }
}
