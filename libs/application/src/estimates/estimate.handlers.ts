import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import {
  customerDecider,
  CustomerState,
  customerStream,
  dateInZone,
  DEFAULT_VAT_RATE_PERCENT,
  EstimateState,
  estimateSubscriptionSlots,
  PaymentMethod,
} from '@app/domain';
import { CommandOutcome } from '../commands/command-outcome';
import { loadState } from '../commands/load-state';
import { EstimateAcceptance } from './estimate-acceptance.process';
import {
  AcceptEstimateCommand,
  CreateEstimateCommand,
  EstimateAcceptedOutcome,
  RejectEstimateCommand,
} from './estimate.commands';
import { EstimateWrites } from './estimate-writes';

/** The namespace of the ids an acceptance mints (uuid v5 of the estimate's id and the slot). */
const ACCEPTANCE_IDS = '5d0b1c3e-7f2a-4b6c-9d8e-2a1f3c4b5e6d';

/** The contract and subscription ids an estimate's acceptance writes: the same on every run. */
export const acceptanceIdsOf = (estimateId: string, slots: number) => ({
  contractId: uuidv5(`estimate/${estimateId}/contract`, ACCEPTANCE_IDS),
  subscriptionIds: Array.from({ length: slots }, (_, slot) =>
    uuidv5(`estimate/${estimateId}/subscription/${slot}`, ACCEPTANCE_IDS),
  ),
});

const billingOf = (customer: CustomerState) =>
  customer.status === 'active' || customer.status === 'inactive' ? customer.billing : null;

/**
 * The customer's status and VAT rate and the tariffs the lines name are read from their own
 * streams (no lag); the decider prices the lines and refuses a retired or unknown tariff.
 */
@CommandHandler(CreateEstimateCommand)
export class CreateEstimateHandler implements ICommandHandler<CreateEstimateCommand> {
  constructor(private readonly estimates: EstimateWrites) {}
  async execute(c: CreateEstimateCommand): Promise<CommandOutcome> {
    const { store } = this.estimates;
    const customer = await loadState(store, customerStream(c.data.customerId), customerDecider);
    const tariffs = await this.estimates.tariffs(EstimateWrites.tariffIdsOf(c.data.lines));
    const data = {
      ...c.data,
      estimateId: c.estimateId,
      customer: { status: customer.status },
      tariffs,
      today: dateInZone(c.context.at),
      defaultVatRatePercent: billingOf(customer)?.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT,
    };
    return this.estimates.decide(
      c.estimateId,
      { type: 'CreateEstimate', data, metadata: { at: c.context.at } },
      c.context,
    );
  }
}

/**
 * Accepts the estimate, then runs the acceptance's process (contract, subscriptions). A repeated
 * accept of an estimate whose process a crash cut short finishes it instead of refusing.
 */
@CommandHandler(AcceptEstimateCommand)
export class AcceptEstimateHandler implements ICommandHandler<AcceptEstimateCommand> {
  constructor(
    private readonly estimates: EstimateWrites,
    private readonly acceptance: EstimateAcceptance,
  ) {}

  async execute(c: AcceptEstimateCommand): Promise<EstimateAcceptedOutcome> {
    const { estimateId } = c;
    const before = await this.estimates.load(estimateId);
    if (before.status !== 'accepted' || before.fulfilled)
      await this.estimates.decide(estimateId, (state) => this.acceptCommand(c, state), c.context);
    const accepted = await this.estimates.load(estimateId);
    if (accepted.status !== 'accepted') throw new Error(`Estimate ${estimateId} not accepted`);
    const outcome = await this.acceptance.complete(accepted, c.context);
    const { contractId, subscriptions } = accepted;
    const subscriptionIds = subscriptions.map((plan) => plan.subscriptionId);
    return { ...outcome, contractId, subscriptionIds };
  }

  private async acceptCommand(c: AcceptEstimateCommand, state: EstimateState) {
    const { store } = this.estimates;
    const lines = state.status === 'none' ? [] : state.lines;
    const customerId = state.status === 'none' ? '' : state.customerId;
    const customer = await loadState(store, customerStream(customerId), customerDecider);
    const paymentMethod: PaymentMethod =
      c.data.paymentMethod ?? billingOf(customer)?.paymentMethod ?? 'transfer';
    const ids = acceptanceIdsOf(c.estimateId, estimateSubscriptionSlots(lines).length);
    return {
      type: 'AcceptEstimate' as const,
      data: {
        estimateId: c.estimateId,
        customer: { status: customer.status },
        ...ids,
        paymentMethod,
        tariffs: await this.estimates.tariffs(lines.map((line) => line.tariffId)),
        today: dateInZone(c.context.at),
      },
      metadata: { at: c.context.at },
    };
  }
}

@CommandHandler(RejectEstimateCommand)
export class RejectEstimateHandler implements ICommandHandler<RejectEstimateCommand> {
  constructor(private readonly estimates: EstimateWrites) {}
  execute(c: RejectEstimateCommand): Promise<CommandOutcome> {
    const data = { ...c.data, estimateId: c.estimateId, today: dateInZone(c.context.at) };
    return this.estimates.decide(
      c.estimateId,
      { type: 'RejectEstimate', data, metadata: { at: c.context.at } },
      c.context,
    );
  }
}

/** At start-up, finishes the acceptances a crash (or a stop) left half done, in the background. */
@Injectable()
export class EstimateAcceptanceRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EstimateAcceptance');
  private running: Promise<void> | null = null;

  constructor(private readonly acceptance: EstimateAcceptance) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  /** One pass over the log; never throws (a failure is retried by the next start or accept). */
  async run(): Promise<void> {
    try {
      const finished = await this.acceptance.recover((estimateId, error) =>
        this.logger.warn(`estimate ${estimateId}: ${error.message}`),
      );
      if (finished.length > 0) this.logger.log(`finished ${finished.length} acceptance(s)`);
    } catch (error) {
      this.logger.warn(`estimate acceptances not recovered: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }
}

/** Everything the estimates capability registers with Nest. */
export const estimateApplicationProviders = [
  EstimateWrites,
  EstimateAcceptance,
  EstimateAcceptanceRecovery,
  CreateEstimateHandler,
  AcceptEstimateHandler,
  RejectEstimateHandler,
];
