import { ApiProperty } from '@nestjs/swagger';
import type { ListedIssuer } from '@app/application';
import { nullableText } from '../http/openapi-types';

export class IssuerAddressResponse {
  @ApiProperty({ ...nullableText, example: 'Calle Mayor 1' }) street!: string | null;
  @ApiProperty({ ...nullableText, example: 'Madrid' }) city!: string | null;
  @ApiProperty({ ...nullableText, example: null }) neighbourhood!: string | null;
  @ApiProperty({ ...nullableText, example: 'Madrid' }) province!: string | null;
  @ApiProperty({ ...nullableText, example: '28001' }) postalCode!: string | null;
  @ApiProperty({ ...nullableText, example: 'ES' }) country!: string | null;
}

/** An issuer (rule 21) as `GET /issuers` lists it. */
export class IssuerResponse implements ListedIssuer {
  @ApiProperty({
    enum: ['registered', 'configuration'],
    example: 'registered',
    description:
      'configuration: the issuer ISSUER_* describe (id `default`), listed while none is registered',
  })
  source!: 'registered' | 'configuration';
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty({ example: 'Fibra Norte SL' }) legalName!: string;
  @ApiProperty({ example: 'B12345674' }) nif!: string;
  @ApiProperty({ type: IssuerAddressResponse }) address!: IssuerAddressResponse;
  @ApiProperty({ ...nullableText, example: 'ES11ZZZB12345674' }) creditorId!: string | null;
  @ApiProperty({ ...nullableText, example: 'ES9121000418450200051332' })
  creditorIban!: string | null;
  @ApiProperty({ ...nullableText, example: 'CAIXESBBXXX' }) creditorBic!: string | null;
  @ApiProperty({ example: 300 }) returnedDebitFeeCents!: number;
  @ApiProperty({ example: 'reminder:7,warning:15,suspend:30,cancel:90' }) dunningPolicy!: string;
  @ApiProperty({ type: [String], example: ['F2026'] }) series!: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'For If-Match; null for the configured issuer',
  })
  version!: number | null;
  @ApiProperty({ ...nullableText, example: '2026-03-01T10:00:00.000Z' })
  registeredAt!: string | null;
  @ApiProperty({ ...nullableText, example: '2026-03-01T10:00:00.000Z' }) updatedAt!: string | null;
}
