import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApplyAvailableCreditCommand,
  CommandContext,
  CreditApplication,
  CreditMoved,
} from '@app/application';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';

class CreditMovedResponse implements CreditMoved {
  @ApiProperty() fromInvoiceId!: string;
  @ApiProperty() toInvoiceId!: string;
  @ApiProperty() amountCents!: number;
}

export class CreditApplicationResponse implements CreditApplication {
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: [CreditMovedResponse] }) moved!: CreditMovedResponse[];
  @ApiProperty({ nullable: true, type: Number }) position!: number | null;
}

/** Rule 17: the customer's available credit set against their invoices still owed. */
@ApiTags('collections')
@ApiBearerAuth()
@Controller('customers')
export class AvailableCreditController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/account/apply-credit')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      "Set the customer's available credit against their invoices still owed, oldest due first (rule 17)",
  })
  @ApiOkResponse({ type: CreditApplicationResponse })
  apply(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Context() context: CommandContext,
  ): Promise<CreditApplication> {
    return this.bus.execute(new ApplyAvailableCreditCommand(customerId, context));
  }
}
