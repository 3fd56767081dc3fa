import { ApiProperty } from '@nestjs/swagger';
import type {
  RemittanceDetailView,
  RemittanceSummaryView,
  RemittanceTransactionView,
} from '@app/read-models';
import type { RemittanceOutcome } from '@app/application';
import { PAIN_VERSIONS, PainVersion } from '@app/domain';

export class ExcludedEffectResponse {
  @ApiProperty() invoiceId!: string;
  @ApiProperty() effectId!: string;
  @ApiProperty({ example: 'MANDATE.MISSING' }) code!: string;
  @ApiProperty({
    example: 'Invoice A-000012: its contract signature has no SEPA mandate reference.',
  })
  reason!: string;
}

export class RemittanceOutcomeResponse implements RemittanceOutcome {
  @ApiProperty({ description: 'The remittance id' }) id!: string;
  @ApiProperty({ description: 'Effects in the file' }) effects!: number;
  @ApiProperty() totalCents!: number;
  @ApiProperty({ description: 'Transactions with sequence type FRST' }) firstCollections!: number;
  @ApiProperty({ description: 'Transactions with sequence type RCUR' })
  recurringCollections!: number;
  @ApiProperty({ type: [ExcludedEffectResponse] }) excluded!: ExcludedEffectResponse[];
  @ApiProperty({ nullable: true, type: Number }) position!: number | null;
}

export class RemittanceSummaryResponse implements RemittanceSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() issuerId!: string;
  @ApiProperty({ example: '2026-12-10' }) collectionDate!: string;
  @ApiProperty({ example: '2026-12-10' }) dueUntil!: string;
  @ApiProperty({ enum: PAIN_VERSIONS }) painVersion!: PainVersion;
  @ApiProperty() messageId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() effects!: number;
  @ApiProperty() totalCents!: number;
  @ApiProperty() excluded!: number;
  @ApiProperty() firstCollections!: number;
  @ApiProperty() recurringCollections!: number;
}

export class RemittancePageResponse {
  @ApiProperty({ type: [RemittanceSummaryResponse] }) items!: RemittanceSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RemittanceTransactionResponse implements RemittanceTransactionView {
  @ApiProperty() invoiceId!: string;
  @ApiProperty() invoiceNumber!: string;
  @ApiProperty() effectId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty({ description: "The effect's id without dashes" }) endToEndId!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty() dueDate!: string;
  @ApiProperty() mandateReference!: string;
  @ApiProperty() mandateSignedOn!: string;
  @ApiProperty({ enum: ['FRST', 'RCUR'] }) sequenceType!: 'FRST' | 'RCUR';
  @ApiProperty() debtorName!: string;
  @ApiProperty({ example: 'ES91 **** **** **** **** 1332' }) maskedIban!: string;
}

export class CreditorResponse {
  @ApiProperty() name!: string;
  @ApiProperty() creditorId!: string;
  @ApiProperty() maskedIban!: string;
}

export class RemittanceDetailResponse
  extends RemittanceSummaryResponse
  implements RemittanceDetailView
{
  @ApiProperty({ type: CreditorResponse }) creditor!: CreditorResponse;
  @ApiProperty({ type: [RemittanceTransactionResponse] })
  transactions!: RemittanceTransactionResponse[];
  @ApiProperty({ type: [ExcludedEffectResponse] }) excludedEffects!: ExcludedEffectResponse[];
}
