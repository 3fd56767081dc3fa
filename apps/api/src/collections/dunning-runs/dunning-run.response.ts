import { ApiProperty } from '@nestjs/swagger';
import { DUNNING_STEPS, DunningStep } from '@app/domain';
import type { DunningRunResult } from '@app/application';

const CUSTOMER_ID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const SUBSCRIPTION_ID = '2b7c9a10-4d3e-4f21-9a8b-0c1d2e3f4a5c';

export class DunningStepAppliedView {
  @ApiProperty({ example: CUSTOMER_ID }) customerId!: string;
  @ApiProperty({ enum: DUNNING_STEPS, example: 'reminder' }) step!: DunningStep;
}

export class DunningSubscriptionView {
  @ApiProperty({ example: CUSTOMER_ID }) customerId!: string;
  @ApiProperty({ example: SUBSCRIPTION_ID }) subscriptionId!: string;
}

export class DunningFailureView {
  @ApiProperty({ example: CUSTOMER_ID }) customerId!: string;
  @ApiProperty({ example: 'Customer … is inactive: a subscription of theirs cannot be resumed.' })
  reason!: string;
}

/** What `POST /collections/dunning-runs` answers (rule R20). */
export class DunningRunResponse implements DunningRunResult {
  @ApiProperty({ example: '2026-12-03' }) asOf!: string;

  @ApiProperty({
    example: 2,
    description: 'Customers looked at: with something overdue, or paid up and cleared',
  })
  customers!: number;

  @ApiProperty({
    type: [DunningStepAppliedView],
    description: 'Steps recorded by this run; a run repeated the same day records none',
  })
  steps!: DunningStepAppliedView[];

  @ApiProperty({
    type: [DunningSubscriptionView],
    description: 'Subscriptions suspended by the system for debt (step suspend)',
  })
  suspended!: DunningSubscriptionView[];

  @ApiProperty({ type: [DunningSubscriptionView], description: 'Cancelled for debt (step cancel)' })
  cancelled!: DunningSubscriptionView[];

  @ApiProperty({
    type: [DunningSubscriptionView],
    description:
      "The system's suspensions resumed once nothing is overdue (an operator's never are)",
  })
  resumed!: DunningSubscriptionView[];

  @ApiProperty({
    type: [DunningFailureView],
    description: 'Customers left as they were; the next run tries them again',
  })
  failed!: DunningFailureView[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1042,
    description: 'Log position after the run (send it as X-Min-Position to read its effects)',
  })
  position!: number | null;
}
