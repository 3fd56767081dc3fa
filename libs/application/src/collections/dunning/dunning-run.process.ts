import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  CustomerDebt,
  DEBT_SUSPENSION_REASON,
  parseDunningPolicy,
  DunningCommand,
  dunningDecider,
  DunningPolicy,
  DunningStep,
  dunningStepsDue,
  dunningStream,
  PlainDate,
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionState,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  customerDebt,
  dunningCandidates,
  dunningSubscriptionsOf,
  findCustomerFile,
} from '@app/read-models';
import { IssuerDirectory } from '../../issuers/issuer-directory';
import { DataSource } from 'typeorm';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend, toNumber } from '../../commands/decide-and-append';
import { customerFact } from '../../commands/facts';
import { inBatches } from '../../commands/in-batches';
import { loadState } from '../../commands/load-state';
import { ProjectionProgress } from '../../storage/projection-progress';
import { READ_MODELS } from '../../storage/read-models.module';
import { APP_CONFIG } from '../../storage/tokens';
import { AppConfig } from '../../config/app-config';
import { RunDunningCommand } from './dunning.commands';

export interface DunningStepSummary {
  customerId: string;
  step: DunningStep;
}

export interface DunningSubscriptionSummary {
  customerId: string;
  subscriptionId: string;
}

export interface DunningFailure {
  customerId: string;
  reason: string;
}

export interface DunningRunResult {
  asOf: PlainDate;
  /** Customers the run looked at: those with something overdue and those it cleared. */
  customers: number;
  /** The steps this run recorded (a run repeated the same day records none). */
  steps: DunningStepSummary[];
  /** Subscriptions this run suspended (step `suspend`) or cancelled (step `cancel`). */
  suspended: DunningSubscriptionSummary[];
  cancelled: DunningSubscriptionSummary[];
  /** Subscriptions the system had suspended for debt, resumed now that nothing is overdue. */
  resumed: DunningSubscriptionSummary[];
  /** Customers left as they were this time; the next run tries them again. */
  failed: DunningFailure[];
  /** The log position after the run: pass it as `X-Min-Position` to read what it changed. */
  position: number | null;
}

/** Customers dunned at once; PGlite serialises them anyway, PostgreSQL does not. */
const CONCURRENCY = 4;

/**
 * Rule R20's daily run, a process manager over the dunning, subscription and invoice
 * aggregates. The read models (waited for up to the log's end) say who owes what; for each
 * customer in debt the steps due on `asOf` that its overdue episode has not had are applied —
 * the subscriptions first (suspended by the system for debt, or cancelled), then the steps
 * recorded in `dunning-<customerId>`, so a run cut short in between redoes the subscriptions
 * (no-ops by then) and records the step next time. A customer with nothing overdue any more
 * has the system's suspensions resumed (never an operator's: those are skipped, and the
 * domain refuses them anyway) and its episode cleared. Every write goes through
 * `decideAndAppend`; one customer's failure is reported and the run goes on with the others.
 */
@CommandHandler(RunDunningCommand)
export class DunningRunProcess implements ICommandHandler<RunDunningCommand> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issuers: IssuerDirectory,
  ) {}

  async execute({ request, context }: RunDunningCommand): Promise<DunningRunResult> {
    await this.progress.waitFor(await this.store.lastCommittedPosition());
    const { asOf } = request;
    const policyOf = this.policies(request.policy);
    const { inDebt, toClear } = await dunningCandidates(this.readModels, asOf);
    const result: DunningRunResult = {
      asOf,
      customers: inDebt.length + toClear.length,
      steps: [],
      suspended: [],
      cancelled: [],
      resumed: [],
      failed: [],
      position: null,
    };
    // Any failure of one customer (a refusal, a race lost too often, a bug on its data) is
    // that customer's, reported; its next run starts again from what was written.
    const contained = async (customerId: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        result.failed.push({ customerId, reason: reasonOf(error) });
      }
    };
    await inBatches(inDebt, CONCURRENCY, (debt) =>
      contained(debt.customerId, async () =>
        this.dun(debt, asOf, await policyOf(debt.customerId), context, result),
      ),
    );
    await inBatches(toClear, CONCURRENCY, (customerId) =>
      contained(customerId, () => this.clear(customerId, asOf, context, result)),
    );
    for (const list of [result.steps, result.suspended, result.cancelled, result.resumed])
      list.sort((a, b) => a.customerId.localeCompare(b.customerId));
    result.failed.sort((a, b) => a.customerId.localeCompare(b.customerId));
    const position = await this.store.lastCommittedPosition();
    return { ...result, position: toNumber(position) };
  }

  /**
   * Rule 21: each customer is dunned by its issuer's policy (the one its billing settings name,
   * else its series' issuer; the configured policy by default), unless the run gives one.
   */
  private policies(
    given: DunningPolicy | undefined,
  ): (customerId: string) => Promise<DunningPolicy> {
    if (given !== undefined) return () => Promise.resolve(given);
    const configured = parseDunningPolicy(this.config.DUNNING_POLICY);
    return async (customerId) => {
      const billing = (await findCustomerFile(this.readModels, customerId))?.billing;
      const issuer = billing?.issuerId
        ? await this.issuers.issuerById(billing.issuerId)
        : billing?.invoiceSeries
          ? await this.issuers.issuerForSeries(billing.invoiceSeries).catch(noIssuerAssumed)
          : null;
      return issuer?.dunningPolicy ?? configured;
    };
  }

  private async dun(
    debt: CustomerDebt,
    asOf: PlainDate,
    policy: DunningPolicy,
    context: CommandContext,
    result: DunningRunResult,
  ): Promise<void> {
    const { customerId } = debt;
    const episode = await loadState(this.store, dunningStream(customerId), dunningDecider);
    const applied = episode.status === 'in-dunning' ? episode.stepsApplied : [];
    const due = dunningStepsDue(policy, debt, asOf, applied).map(({ step }) => step);
    if (due.length === 0) return;
    const subscriptions = await dunningSubscriptionsOf(this.readModels, customerId);
    if (due.includes('cancel')) {
      for (const { subscriptionId } of subscriptions)
        if (await this.onSubscription(subscriptionId, context, cancelForDebt))
          result.cancelled.push({ customerId, subscriptionId });
    } else if (due.includes('suspend')) {
      for (const { subscriptionId, status } of subscriptions)
        if (
          status === 'active' &&
          (await this.onSubscription(subscriptionId, context, suspendForDebt))
        )
          result.suspended.push({ customerId, subscriptionId });
    }
    const { events } = await decideAndAppend(this.store, {
      aggregateId: customerId,
      stream: dunningStream(customerId),
      decider: dunningDecider,
      command: {
        type: 'ApplyDunningSteps',
        data: { customerId, asOf, policy, debt },
        metadata: { at: context.at },
      } satisfies DunningCommand,
      context,
      expectedVersion: null,
    });
    for (const event of events)
      if (event.type === 'DunningStepApplied')
        result.steps.push({ customerId, step: event.data.step });
  }

  private async clear(
    customerId: string,
    asOf: PlainDate,
    context: CommandContext,
    result: DunningRunResult,
  ): Promise<void> {
    const suspendedBySystem = (await dunningSubscriptionsOf(this.readModels, customerId)).filter(
      ({ status, suspendedBy }) => status === 'suspended' && suspendedBy === 'system',
    );
    // An inactive customer's subscription is not resumed: the domain refuses it (a failure here).
    const customer =
      suspendedBySystem.length > 0 ? await customerFact(this.store, customerId) : undefined;
    for (const { subscriptionId } of suspendedBySystem) {
      const resumed = await this.onSubscription(subscriptionId, context, (state, at) =>
        state.status === 'suspended' && state.suspendedBy === 'system'
          ? [
              {
                type: 'ResumeSubscription',
                data: { subscriptionId, customer, by: 'system' },
                metadata: { at },
              },
            ]
          : [],
      );
      if (resumed) result.resumed.push({ customerId, subscriptionId });
    }
    await decideAndAppend(this.store, {
      aggregateId: customerId,
      stream: dunningStream(customerId),
      decider: dunningDecider,
      command: {
        type: 'ClearDunning',
        // What it owes now, none of it overdue (the domain refuses to clear otherwise).
        data: { customerId, asOf, debt: await customerDebt(this.readModels, customerId) },
        metadata: { at: context.at },
      } satisfies DunningCommand,
      context,
      expectedVersion: null,
    });
  }

  /** Decides on the subscription's own stream (its state loaded fresh); true if it wrote. */
  private async onSubscription(
    subscriptionId: string,
    context: CommandContext,
    commands: (state: SubscriptionState, at: string) => SubscriptionCommand[],
  ): Promise<boolean> {
    const { events } = await decideAndAppend(this.store, {
      aggregateId: subscriptionId,
      stream: subscriptionStream(subscriptionId),
      decider: subscriptionDecider,
      command: (state) => commands(state, context.at),
      context,
      expectedVersion: null,
    });
    return events.length > 0;
  }
}

/** Step `suspend`: an active subscription is suspended by the system, for debt; others stay. */
function suspendForDebt(state: SubscriptionState, at: string): SubscriptionCommand[] {
  if (state.status !== 'active') return [];
  const data = {
    subscriptionId: state.subscriptionId,
    reason: DEBT_SUSPENSION_REASON,
    by: 'system' as const,
  };
  return [{ type: 'SuspendSubscription', data, metadata: { at } }];
}

/** Step `cancel`: every subscription not already final is cancelled, for debt. */
function cancelForDebt(state: SubscriptionState, at: string): SubscriptionCommand[] {
  if (state.status === 'none' || state.status === 'rejected' || state.status === 'cancelled')
    return [];
  const data = { subscriptionId: state.subscriptionId, reason: DEBT_SUSPENSION_REASON };
  return [{ type: 'CancelSubscription', data, metadata: { at } }];
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A series no issuer owns, among several (R21.SERIES_WITHOUT_ISSUER): the configured policy. */
function noIssuerAssumed(error: unknown): null {
  if (error instanceof DomainError) return null;
  throw error;
}
