import { ApiProperty } from '@nestjs/swagger';
import { BulkDryRunCustomer, BulkUpdateAnswer } from '@app/application';
import { fieldValue } from '../../http/openapi-types';

/** One field's change: its value before and after. */
export class FieldChangeDto {
  @ApiProperty({ example: 'zone' }) field!: string;
  @ApiProperty({ ...fieldValue, description: 'The value before', example: 'South' })
  before!: unknown;
  @ApiProperty({ ...fieldValue, description: 'The value after', example: 'North' })
  after!: unknown;
}

class DryRunCustomerDto implements BulkDryRunCustomer {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [FieldChangeDto], description: 'Empty: it already has the values' })
  changes!: FieldChangeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it would be refused' })
  refusal!: string | null;
}

/**
 * What a bulk update answers (R14): a dry run's count and sample, or the operation's id and
 * whether it completed within the request or runs as a background job.
 */
export class BulkUpdateResultDto implements BulkUpdateAnswer {
  @ApiProperty({ description: 'true: nothing was written' }) dryRun!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2d4f6b8d-0f2b-4d4f-8b8d-0f2b4d6f8b0d',
    description:
      'Carried by every event of the operation; GET /bulk-operations/:id shows it (null: dry run)',
  })
  bulkOperationId!: string | null;

  @ApiProperty({
    enum: ['dry-run', 'completed', 'running'],
    description: '`running`: a background job; follow its done / total on GET /bulk-operations/:id',
  })
  status!: 'dry-run' | 'completed' | 'running';

  @ApiProperty({ example: 3, description: 'Customers targeted' })
  total!: number;

  @ApiProperty({
    example: 1,
    description: 'How many customers changed (those that already had the values are left alone)',
  })
  updated!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1842,
    description: 'Highest log position written: send it as X-Min-Position',
  })
  position!: number | null;

  @ApiProperty({
    type: [DryRunCustomerDto],
    description: 'Dry run: the first 20 targets and what would change on each; otherwise empty',
  })
  sample!: DryRunCustomerDto[];
}
