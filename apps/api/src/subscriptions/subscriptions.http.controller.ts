import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { contractDecider, contractStream, DomainError } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { v4 as uuid } from 'uuid';
import { CommandEndpoint } from '../auth/access.decorator';
import { CommandContext } from '@app/application';
import { Context } from '../infrastructure/commands/command-context';
import { CommandOutcome } from '@app/application';
import { loadState } from '@app/application';
import { SubscriptionCommands } from './subscription-commands';
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

type Id = string;

/** Subscriptions and the state machine of rule R5; only `active` is invoiced. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly commands: SubscriptionCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @CommandEndpoint()
  @ApiOperation({ summary: 'Request a subscription on a contract (pending activation)' })
  async request(
    @Body() body: RequestSubscriptionDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    const contract = await loadState(this.store, contractStream(body.contractId), contractDecider);
    if (contract.status === 'none')
      throw new DomainError('CONTRACT.NOT_FOUND', `No contract ${body.contractId}`);
    if (contract.status === 'deleted' || contract.status === 'terminated') {
      throw new DomainError(
        'CONTRACT.CLOSED',
        `A ${contract.status} contract cannot get new subscriptions.`,
      );
    }
    return this.commands.run(
      'RequestSubscription',
      uuid(),
      { ...body, customerId: contract.customerId },
      context,
    );
  }

  @Post(':id/activate')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  activate(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ActivateDto,
    @Context() c: CommandContext,
  ) {
    return this.commands.run('ActivateSubscription', id, body, c);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  reject(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ReasonDto,
    @Context() c: CommandContext,
  ) {
    return this.commands.run('RejectSubscription', id, body, c);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  suspend(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ReasonDto,
    @Context() c: CommandContext,
  ) {
    return this.commands.run('SuspendSubscription', id, body, c);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  resume(@Param('id', ParseUUIDPipe) id: Id, @Context() c: CommandContext) {
    return this.commands.run('ResumeSubscription', id, {}, c);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  cancel(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: CancelDto,
    @Context() c: CommandContext,
  ) {
    return this.commands.run('CancelSubscription', id, body, c);
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
  ) {
    return this.commands.run('MoveSubscriptionToActiveNotBillable', id, body, c);
  }

  @Post(':id/active-billable')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandOutcome })
  billable(@Param('id', ParseUUIDPipe) id: Id, @Context() c: CommandContext) {
    return this.commands.run('MoveSubscriptionToActiveBillable', id, {}, c);
  }

  @Post(':id/tariff-migrations')
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Migrate the tariff from an effective date (rule R10 credits the unused days)',
  })
  migrate(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: TariffMigrationDto,
    @Context() c: CommandContext,
  ) {
    return this.commands.run('MigrateSubscriptionTariff', id, body, c);
  }

  @Post(':id/discounts')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Grant a discount ("bonificación"): percent or amountCents' })
  async discount(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: DiscountDto,
    @Context() c: CommandContext,
  ) {
    const discountId = uuid();
    return {
      ...(await this.commands.run('GrantDiscount', id, { ...body, discountId }, c)),
      discountId,
    };
  }

  @Post(':id/extra-charges')
  @CommandEndpoint()
  @ApiOperation({ summary: 'Add an extra charge ("importe adicional"), one-off or recurring' })
  async extraCharge(
    @Param('id', ParseUUIDPipe) id: Id,
    @Body() body: ExtraChargeDto,
    @Context() c: CommandContext,
  ) {
    const chargeId = uuid();
    return {
      ...(await this.commands.run('AddExtraCharge', id, { ...body, chargeId }, c)),
      chargeId,
    };
  }
}
