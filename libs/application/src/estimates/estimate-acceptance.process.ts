import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  AcceptedEstimate,
  ContractRefusal,
  DomainError,
  subscriptionDecider,
  SubscriptionRefusal,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, untilTheLogShowsWhatIsCommitted } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';
import { contractState } from '../commands/facts';
import { loadState } from '../commands/load-state';
import { DraftContractCommand } from '../contracts/contract.commands';
import { RequestSubscriptionCommand } from '../subscriptions/subscription.commands';
import { EstimateWrites } from './estimate-writes';

/** Who finishes, at start-up, an acceptance a crash cut short. */
export const RECOVERY_ACTOR = 'system:estimate-acceptance';

/** A step already taken, by this run or another: the aggregate exists, so nothing is written. */
const alreadyThere = (error: unknown, code: string) =>
  error instanceof DomainError && error.code === code;

/**
 * Rule 29: accepting an estimate drafts the contract and requests its subscriptions, in one
 * process driven by `EstimateAccepted`. The event fixed every id (uuid v5 of the estimate's
 * id) and every price, so each step is "create this aggregate unless it exists": a run cut
 * short (a crash after the acceptance) is finished by the next one — on a repeated accept or at
 * start-up (`unfinished`) — and two runs at once write each aggregate once. The last step
 * records `EstimateFulfilled`.
 */
@Injectable()
export class EstimateAcceptance {
  constructor(
    private readonly estimates: EstimateWrites,
    private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Carries an accepted estimate's process to its end; the outcome of its last append. */
  async complete(estimate: AcceptedEstimate, context: CommandContext): Promise<CommandOutcome> {
    const others: CommandContext = {
      ...context,
      expectedVersion: undefined,
      idempotencyKey: undefined,
      correlationId: context.correlationId || estimate.estimateId,
    };
    const { contractId, estimateId } = estimate;
    if ((await contractState(this.store, contractId)).status === 'none') {
      const { paymentMethod } = estimate;
      await this.step(
        () =>
          this.bus.execute(
            new DraftContractCommand(
              contractId,
              { customerId: estimate.customerId, paymentMethod },
              others,
            ),
          ),
        ContractRefusal.alreadyDrafted,
      );
    }
    for (const plan of estimate.subscriptions) {
      const stream = subscriptionStream(plan.subscriptionId);
      if ((await loadState(this.store, stream, subscriptionDecider)).status !== 'none') continue;
      const { tariffId, monthlyPriceCents, billingMode } = plan;
      await this.step(
        () =>
          this.bus.execute(
            new RequestSubscriptionCommand(
              plan.subscriptionId,
              { contractId, tariffId, monthlyPriceCents, billingMode },
              others,
            ),
          ),
        SubscriptionRefusal.alreadyRequested,
      );
    }
    return this.estimates.decide(
      estimateId,
      { type: 'FulfillEstimate', data: { estimateId }, metadata: { at: context.at } },
      { ...context, expectedVersion: undefined },
    );
  }

  private async step(run: () => Promise<unknown>, existsCode: string): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!alreadyThere(error, existsCode)) throw error;
    }
  }

  /** Accepted estimates whose process has not recorded its end, found in the whole log. */
  async unfinished(): Promise<string[]> {
    // An acceptance committed behind an older open transaction is not shown yet: wait for it.
    await untilTheLogShowsWhatIsCommitted(this.store);
    const open = new Set<string>();
    let fromPosition: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({
        fromPosition,
        limit: 1000,
        eventTypes: ['EstimateAccepted', 'EstimateFulfilled'],
      });
      for (const event of page) {
        const { estimateId } = event.data as { estimateId: string };
        if (event.type === 'EstimateAccepted') open.add(estimateId);
        else open.delete(estimateId);
        fromPosition = event.position;
      }
      if (page.length < 1000) return [...open];
    }
  }

  /**
   * Finishes every acceptance a crash left half done (start-up), in the system's name; the
   * estimates finished. One that fails is left for the next start or a repeated accept.
   */
  async recover(onFailure?: (estimateId: string, error: Error) => void): Promise<string[]> {
    const finished: string[] = [];
    for (const estimateId of await this.unfinished()) {
      const state = await this.estimates.load(estimateId);
      if (state.status !== 'accepted' || state.fulfilled) continue;
      const context: CommandContext = {
        actor: RECOVERY_ACTOR,
        via: RECOVERY_ACTOR,
        correlationId: estimateId,
        causationId: null,
        at: new Date().toISOString(),
      };
      try {
        await this.complete(state, context);
        finished.push(estimateId);
      } catch (error) {
        onFailure?.(estimateId, error as Error);
      }
    }
    return finished;
  }
}
