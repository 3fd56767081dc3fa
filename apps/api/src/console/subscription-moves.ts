import {
  CommandContext,
  MoveSubscriptionToActiveBillableCommand,
  MoveSubscriptionToActiveNotBillableCommand,
  ResumeSubscriptionCommand,
  SuspendSubscriptionCommand,
} from '@app/application';
import { SubscriptionStatus } from '@app/domain';
import { OptionalReasonDto, ReasonDto } from '../subscriptions/subscription-requests.dto';

class NoBodyDto {}

/** One move: the DTO its form is checked with, and the command it sends. */
export interface SubscriptionMoveSpec {
  dto: new () => object;
  command(id: string, body: object, context: CommandContext): object;
}

/** The contracts tab's subscription moves: the API's endpoint, its DTO and its command. */
export const SUBSCRIPTION_MOVES: Record<
  'active-not-billable' | 'active-billable' | 'suspend' | 'resume',
  SubscriptionMoveSpec
> = {
  'active-not-billable': {
    dto: OptionalReasonDto,
    command: (id, body, context) =>
      new MoveSubscriptionToActiveNotBillableCommand(id, body as OptionalReasonDto, context),
  },
  'active-billable': {
    dto: NoBodyDto,
    command: (id, _body, context) => new MoveSubscriptionToActiveBillableCommand(id, {}, context),
  },
  suspend: {
    dto: ReasonDto,
    command: (id, body, context) => new SuspendSubscriptionCommand(id, body as ReasonDto, context),
  },
  resume: {
    dto: NoBodyDto,
    command: (id, _body, context) => new ResumeSubscriptionCommand(id, {}, context),
  },
};

export type SubscriptionMove = keyof typeof SUBSCRIPTION_MOVES;

/** The moves a subscription's state offers (rule R5's transitions); the form takes a reason. */
export function movesFrom(
  status: SubscriptionStatus,
): { move: SubscriptionMove; reason: boolean }[] {
  switch (status) {
    case 'active':
      return [
        { move: 'active-not-billable', reason: false },
        { move: 'suspend', reason: true },
      ];
    case 'active-not-billable':
      return [{ move: 'active-billable', reason: false }];
    case 'suspended':
      return [{ move: 'resume', reason: false }];
    default:
      return [];
  }
}
