import { ApiProperty } from '@nestjs/swagger';
import { Command } from '@nestjs/cqrs';
import { EstimateLineInput, PaymentMethod } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import { CommandOutcome } from '../commands/command-outcome';

/** Rule 29: an estimate for a customer; the handler reads the customer and the tariffs named. */
export class CreateEstimateCommand extends Command<CommandOutcome> {
  constructor(
    readonly estimateId: string,
    readonly data: {
      customerId: string;
      lines: EstimateLineInput[];
      validUntil: string;
      notes?: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** What an acceptance answers: the estimate's outcome and what the process created. */
export class EstimateAcceptedOutcome extends CommandOutcome {
  @ApiProperty({ example: '3f1e2d4c-5b6a-5978-8a9b-0c1d2e3f4a5b' })
  contractId!: string;

  @ApiProperty({ type: [String], example: ['9a8b7c6d-5e4f-5a3b-8c2d-1e0f9a8b7c6d'] })
  subscriptionIds!: string[];
}

/**
 * Rule 29: the customer takes the estimate; the contract is drafted with `paymentMethod` (the
 * customer's billing settings' when left out, else transfer) and its subscriptions requested.
 */
export class AcceptEstimateCommand extends Command<EstimateAcceptedOutcome> {
  constructor(
    readonly estimateId: string,
    readonly data: { paymentMethod?: PaymentMethod | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RejectEstimateCommand extends Command<CommandOutcome> {
  constructor(
    readonly estimateId: string,
    readonly data: { reason?: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}
