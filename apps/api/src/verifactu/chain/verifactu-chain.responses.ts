import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIPOS_FACTURA, TipoFactura } from '@app/domain';
import type { IssuerChainVerification } from '@app/application';
import type { ChainRecordPage, ChainRecordView } from '@app/read-models';

export class AeatInvoiceIdResponse {
  @ApiProperty({ example: '89890001K' }) issuerNif!: string;
  @ApiProperty({ example: 'FA-000123', description: 'NumSerieFactura' }) numSerie!: string;
  @ApiProperty({ example: '2026-12-01', description: 'FechaExpedicionFactura, ISO' })
  issueDate!: string;
}

export class ChainLinkResponse extends AeatInvoiceIdResponse {
  @ApiProperty({ description: "The previous record's Huella" }) huella!: string;
}

export class VatBreakdownLineResponse {
  @ApiProperty({ example: 21 }) vatRatePercent!: number;
  @ApiProperty() baseCents!: number;
  @ApiProperty() vatCents!: number;
}

export class RecipientResponse {
  @ApiProperty() name!: string;
  @ApiProperty() nif!: string;
}

/** The record as its event holds it; the registration-only fields are absent on a cancellation. */
export class ChainRecordResponse {
  @ApiProperty({ enum: ['registration', 'cancellation'] }) kind!: 'registration' | 'cancellation';
  @ApiProperty() recordId!: string;
  @ApiProperty() issuerId!: string;
  @ApiProperty() issuerName!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ type: AeatInvoiceIdResponse }) invoice!: AeatInvoiceIdResponse;
  @ApiProperty({ type: ChainLinkResponse, nullable: true, description: 'RegistroAnterior' })
  previous!: ChainLinkResponse | null;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00', description: 'FechaHoraHusoGenRegistro' })
  generatedAt!: string;
  @ApiProperty({ description: 'SHA-256, 64 upper-case hex (rule 22)' }) huella!: string;
  @ApiPropertyOptional() documentId?: string;
  @ApiPropertyOptional({ enum: TIPOS_FACTURA }) tipoFactura?: TipoFactura;
  @ApiPropertyOptional({ type: AeatInvoiceIdResponse, nullable: true })
  rectified?: AeatInvoiceIdResponse | null;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ type: RecipientResponse, nullable: true })
  recipient?: RecipientResponse | null;
  @ApiPropertyOptional({ type: [VatBreakdownLineResponse] })
  breakdown?: VatBreakdownLineResponse[];
  @ApiPropertyOptional() cuotaTotalCents?: number;
  @ApiPropertyOptional() importeTotalCents?: number;
}

export class ChainRecordViewResponse implements ChainRecordView {
  @ApiProperty({ description: "0-based place in the issuer's chain" }) sequence!: number;
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: ['registration', 'cancellation'] }) kind!: 'registration' | 'cancellation';
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ type: String, nullable: true }) documentId!: string | null;
  @ApiProperty({ example: 'FA-000123' }) numSerie!: string;
  @ApiProperty({ example: '2026-12-01' }) issueDate!: string;
  @ApiProperty({ enum: TIPOS_FACTURA, nullable: true }) tipoFactura!: string | null;
  @ApiProperty({ type: Number, nullable: true }) importeTotalCents!: number | null;
  @ApiProperty() huella!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' }) generatedAt!: string;
  @ApiProperty({ description: 'Log position of the record' }) position!: number;
  @ApiProperty({ type: ChainRecordResponse }) record!: ChainRecordView['record'];
}

export class ChainRecordPageResponse implements ChainRecordPage {
  @ApiProperty({ type: [ChainRecordViewResponse] }) items!: ChainRecordViewResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ChainBreakResponse {
  @ApiProperty({ description: "0-based place in the issuer's chain" }) index!: number;
  @ApiProperty() recordId!: string;
  @ApiProperty({ example: 'FA-000123' }) numSerie!: string;
  @ApiProperty({
    enum: ['fingerprint', 'link'],
    description:
      'fingerprint: its Huella is not the one its fields give; link: its previous is not the record before it',
  })
  reason!: 'fingerprint' | 'link';
  @ApiProperty({ description: 'The fingerprint its fields give, or the link expected' })
  expected!: string;
  @ApiProperty({ description: 'What the record holds' }) found!: string;
}

export class ChainVerificationResponse implements IssuerChainVerification {
  @ApiProperty() issuerId!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Records checked' }) records!: number;
  @ApiPropertyOptional({ type: ChainBreakResponse }) firstBroken?: ChainBreakResponse;
}
