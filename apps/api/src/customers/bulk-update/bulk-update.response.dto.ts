import { ApiProperty } from '@nestjs/swagger';
import { BulkUpdateDryRun, BulkUpdateResult } from '@app/application';

class FieldChangeDto {
  @ApiProperty({ example: 'zone' }) field!: string;
  @ApiProperty({ description: 'The value now', example: 'South' }) before!: unknown;
  @ApiProperty({ description: 'The value it would take', example: 'North' }) after!: unknown;
}

class DryRunCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [FieldChangeDto], description: 'Empty: it already has the values' })
  changes!: FieldChangeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it would be refused' })
  refusal!: string | null;
}

/** What a bulk update answers (R14): the operation's id, whether it finished, how many changed. */
export class BulkUpdateResultDto implements BulkUpdateResult {
  @ApiProperty({ enum: [false] }) dryRun!: false;

  @ApiProperty({
    example: '2d4f6b8d-0f2b-4d4f-8b8d-0f2b4d6f8b0d',
    description: 'Carried by every event of the operation; GET /bulk-operations/:id shows it',
  })
  bulkOperationId!: string;

  @ApiProperty({
    enum: ['completed', 'running'],
    description: '`running`: a background job (202); follow it on GET /bulk-operations/:id',
  })
  status!: 'completed' | 'running';

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
}

/** A dry run (R14): how many customers, and what would change on the first ones. */
export class BulkUpdateDryRunDto implements BulkUpdateDryRun {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ example: 120, description: 'Customers targeted' }) total!: number;
  @ApiProperty({ type: [DryRunCustomerDto], description: 'The first 20 targets' })
  sample!: DryRunCustomerDto[];
}
