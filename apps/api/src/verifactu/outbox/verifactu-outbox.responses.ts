import { ApiProperty } from '@nestjs/swagger';
import { OUTBOX_STATUSES, OutboxStatus, VerifactuOutboxItemView } from '@app/read-models';

export class VerifactuOutboxItemResponse implements VerifactuOutboxItemView {
  @ApiProperty() recordId!: string;
  @ApiProperty() issuerId!: string;
  @ApiProperty({ example: '89890001K' }) issuerNif!: string;
  @ApiProperty({ example: 'FA-000123' }) numSerie!: string;
  @ApiProperty({ example: '2026-12-03' }) issueDate!: string;
  @ApiProperty({ enum: ['registration', 'cancellation'] }) kind!: 'registration' | 'cancellation';
  @ApiProperty({ nullable: true, type: String, example: 'F1' }) tipoFactura!: string | null;
  @ApiProperty({ example: '2026-12-03T10:00:00+01:00' }) generatedAt!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty({ nullable: true, type: Number, example: 1100, description: 'AEAT’s code' })
  errorCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) errorDescription!: string | null;
  @ApiProperty({ nullable: true, type: String }) submissionId!: string | null;
  @ApiProperty({ description: 'Times its submission was posted' }) attempts!: number;
  @ApiProperty() updatedAt!: string;
}

export class VerifactuOutboxPageResponse {
  @ApiProperty({ type: [VerifactuOutboxItemResponse] }) items!: VerifactuOutboxItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
