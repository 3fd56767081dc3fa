import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  customerContracts,
  findContract,
  findCustomerFile,
  findSubscription,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { QueryEndpoint } from '../auth/access.decorator';
import { READ_MODELS } from '@app/application';

/** The contracts/subscriptions tab of the customer file, and single contracts and subscriptions. */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller()
export class ContractQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('customers/:id/contracts')
  @QueryEndpoint()
  @ApiOperation({
    summary: "The contracts tab: each signature's masked IBAN, with its subscriptions",
  })
  async ofCustomer(@Param('id', ParseUUIDPipe) id: string) {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerContracts(this.readModels, id);
  }

  @Get('contracts/:id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One contract: status, masked IBAN, mandate, signatory' })
  async contract(@Param('id', ParseUUIDPipe) id: string) {
    const contract = await findContract(this.readModels, id);
    if (!contract) throw new NotFoundException(`No contract ${id}`);
    return contract;
  }

  @Get('subscriptions/:id')
  @QueryEndpoint()
  @ApiOperation({ summary: 'One subscription: status, billable, tariff, discounts, extra charges' })
  async subscription(@Param('id', ParseUUIDPipe) id: string) {
    const subscription = await findSubscription(this.readModels, id);
    if (!subscription) throw new NotFoundException(`No subscription ${id}`);
    return subscription;
  }
}
