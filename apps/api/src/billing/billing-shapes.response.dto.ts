import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BillingProblem, BillingProblemCode, BillingTotals, PlainDateRange } from '@app/domain';

/**
 * The shapes several billing answers share (runs, migration credits, simulations, credit
 * notes). Each class implements the domain's interface, so a field added there fails to
 * compile here until the document says it too.
 */

/** An invoice's or credit note's totals: sums of its lines, in cents (R11). */
export class BillingTotalsDto implements BillingTotals {
  @ApiProperty({ example: 3500, description: 'Net of VAT, in cents' })
  netCents!: number;

  @ApiProperty({ example: 735 })
  vatCents!: number;

  @ApiProperty({ example: 4235, description: 'netCents + vatCents' })
  totalCents!: number;
}

/** Days `[from, to)`: `to` is the first day not included. */
export class PlainDateRangeDto implements PlainDateRange {
  @ApiProperty({ example: '2026-04-01' })
  from!: string;

  @ApiProperty({ example: '2026-05-01', description: 'Excluded' })
  to!: string;
}

/** Rule R12: one thing to fix before billing; `blocksIssuance` when no invoice is issued. */
export class BillingProblemDto implements BillingProblem {
  @ApiProperty({
    enum: Object.values(BillingProblemCode),
    example: BillingProblemCode.directDebitWithoutSignedIban,
  })
  code!: BillingProblemCode;

  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' })
  customerId!: string;

  @ApiProperty({ example: '0b7e3c1a-9d2f-4a6b-8c5e-1f2a3b4c5d6e' })
  contractId!: string;

  @ApiProperty({
    example: 'The contract is paid by direct debit but has no signed IBAN.',
  })
  message!: string;

  @ApiProperty({ example: true, description: 'True: no invoice for this contract and cycle' })
  blocksIssuance!: boolean;

  @ApiPropertyOptional({ description: 'The subscription it concerns, if one' })
  subscriptionId?: string;

  @ApiPropertyOptional({ example: '2026-04', description: 'The cycle it first shows up in' })
  period?: string;
}
