import { ApiProperty } from '@nestjs/swagger';
import { BulkUpdateResult, CommandOutcome } from '@app/application';

/** What a bulk update answers (R14): the operation's id and each customer's new version. */
export class BulkUpdateResultDto implements BulkUpdateResult {
  @ApiProperty({
    example: '2d4f6b8d-0f2b-4d4f-8b8d-0f2b4d6f8b0d',
    description: 'Carried by every event of the operation',
  })
  bulkOperationId!: string;

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

  @ApiProperty({ type: [CommandOutcome], description: 'Each customer: its id, version, position' })
  customers!: CommandOutcome[];
}
