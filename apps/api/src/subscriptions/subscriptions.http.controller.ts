import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { v4 as uuid } from 'uuid';
import { CommandEndpoint } from '../auth/access.decorator';
import {
  CommandContext,
  CommandOutcome,
  ActivateSubscriptionCommand,
  AddExtraChargeCommand,
  CancelSubscriptionCommand,
  GrantDiscountCommand,
  MigrateSubscriptionTariffCommand,
  MoveSubscriptionToActiveBillableCommand,
  MoveSubscriptionToActiveNotBillableCommand,
  RejectSubscriptionCommand,
  RequestSubscriptionCommand,
  ResumeSubscriptionCommand,
  SuspendSubscriptionCommand,
} from '@app/application';
import { Context } from '../infrastructure/commands/command-context';
import {
  ActivateDto,
  CancelDto,
  DiscountDto,
  ExtraChargeDto,
  OptionalReasonDto,
  ReasonDto,
  RequestSubscriptionDto,
  TariffMigrationDto,
} from './subscription-requests.dto';
import { DiscountGrantedDto, ExtraChargeAddedDto } from './subscription-responses.dto';

type Id = string;

/** Subscriptions and the state machine of rule R5; only `active` is invoiced. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @CommandEndpoint()
  @ApiOperation({ summary: 'Request a subscription on a contract (pending activation)' })
  @ApiCreatedResponse({ type: CommandOutcome })
  request(
    @Body() body: RequestSubscriptionDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RequestSubscriptionCommand(uuid(), body, context));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  activate(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ActivateDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ActivateSubscriptionCommand(id, body, c));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  reject(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ReasonDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RejectSubscriptionCommand(id, body, c));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  suspend(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ReasonDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new SuspendSubscriptionCommand(id, body, c));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  resume(
    @Param('id', ParseUUIDPipe) id: Id,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new ResumeSubscriptionCommand(id, {}, c));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  cancel(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: CancelDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CancelSubscriptionCommand(id, body, c));
  }

  @Post(':id/active-not-billable')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({ summary: 'Keep the service on with no invoices (e.g. the company’s own lines)' })
  @ApiOkResponse({ type: CommandOutcome })
  notBillable(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: OptionalReasonDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new MoveSubscriptionToActiveNotBillableCommand(id, body, c));
  }

  @Post(':id/active-billable')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  billable(
    @Param('id', ParseUUIDPipe) id: Id,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new MoveSubscriptionToActiveBillableCommand(id, {}, c));
  }

  @Post(':id/tariff-migrations')
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Migrate the tariff from an effective date (rule R10 credits the unused days)',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  migrate(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: TariffMigrationDto,
    @Context() c: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new MigrateSubscriptionTariffCommand(id, body, c));
  }

  @Post(':id/discounts')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Grant a discount ("bonificación"): percent or amountCents' })
  @ApiBody({
    type: DiscountDto,
    // percent or amountCents, not both: whole bodies, since field examples would give both.
    examples: {
      percent: { value: { percent: 10, from: '2026-03-01', until: '2026-06-01' } },
      amount: { value: { amountCents: 500, from: '2026-03-01', until: null } },
    },
  })
  @ApiCreatedResponse({ type: DiscountGrantedDto })
  async discount(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: DiscountDto,
    @Context() c: CommandContext,
  ): Promise<DiscountGrantedDto> {
    const discountId = uuid();
    return {
      ...(await this.bus.execute(new GrantDiscountCommand(id, { ...body, discountId }, c))),
      discountId,
    };
  }

  @Post(':id/extra-charges')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Add an extra charge ("importe adicional"), one-off or recurring' })
  @ApiCreatedResponse({ type: ExtraChargeAddedDto })
  async extraCharge(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ExtraChargeDto,
    @Context() c: CommandContext,
  ): Promise<ExtraChargeAddedDto> {
    const chargeId = uuid();
    return {
      ...(await this.bus.execute(new AddExtraChargeCommand(id, { ...body, chargeId }, c))),
      chargeId,
    };
  }
}
