import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandOutcome, CreditNoteGranted } from '@app/application';
import { BillingTotalsDto } from '../billing/billing-shapes.response.dto';

/** A credit note granted on the invoice (`id`), numbered in the rectifying series (R8, R9). */
export class CreditNoteGrantedDto extends CommandOutcome implements CreditNoteGranted {
  @ApiProperty({ example: '8e2d4c6a-1b3f-4d5e-9a7c-6b8d0e2f4a1c' })
  creditNoteId!: string;

  // Left out of the answer when undefined: optional in the document.
  @ApiPropertyOptional({ type: String, example: 'RF2026-000007' })
  number!: string | undefined;

  @ApiPropertyOptional({ type: BillingTotalsDto })
  totals!: BillingTotalsDto | undefined;
}

/** A payment recorded on the invoice (`id`). */
export class PaymentRecordedDto extends CommandOutcome {
  @ApiProperty({ example: '2b4d6f8a-0c2e-4a6c-8e0a-4c6e8a0c2e4a' })
  paymentId!: string;
}

/** A direct-debit effect of the invoice (`id`) sent, collected or returned. */
export class DirectDebitEffectOutcomeDto extends CommandOutcome {
  @ApiProperty({ example: '7c9e1b3d-5f7a-4c9e-8b1d-3f5a7c9e1b3d' })
  effectId!: string;
}
