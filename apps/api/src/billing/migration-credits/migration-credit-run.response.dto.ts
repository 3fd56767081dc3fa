import { ApiProperty } from '@nestjs/swagger';
import { GrantedMigrationCredit, MigrationCreditRunResult } from '@app/application';
import { BillingTotalsDto, PlainDateRangeDto } from '../billing-shapes.response.dto';

/** One credit note granted for a tariff migration's unused days (R10). */
export class GrantedMigrationCreditDto implements GrantedMigrationCredit {
  @ApiProperty({
    example: '3c9d7e2a-5b1f-4c8d-9e6a-2f4b1c7d8e9f',
    description: 'The invoice credited',
  })
  invoiceId!: string;

  @ApiProperty({ example: 'F2026-000123' })
  invoiceNumber!: string;

  @ApiProperty({ example: '8e2d4c6a-1b3f-4d5e-9a7c-6b8d0e2f4a1c' })
  creditNoteId!: string;

  @ApiProperty({ example: 'RF2026-000007', description: 'Its number in the rectifying series' })
  number!: string;

  @ApiProperty({ example: '5a7c9e1b-3d5f-4b7d-8f1a-2c4e6a8b0d3f' })
  migrationId!: string;

  @ApiProperty({ example: '9d1f3b5c-7e9a-4c2e-8b4d-6f8a0c2e4b7d' })
  subscriptionId!: string;

  @ApiProperty({
    type: PlainDateRangeDto,
    nullable: true,
    description: 'The days given back, `[from, to)`',
  })
  unusedDays!: PlainDateRangeDto | null;

  @ApiProperty({ type: BillingTotalsDto })
  totals!: BillingTotalsDto;
}

/** What a migration-credit run answers. */
export class MigrationCreditRunResultDto implements MigrationCreditRunResult {
  @ApiProperty({ example: '2026-04' })
  period!: string;

  @ApiProperty({ type: [GrantedMigrationCreditDto] })
  granted!: GrantedMigrationCreditDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1842,
    description: 'The log position after the run: send it as X-Min-Position',
  })
  position!: number | null;
}
