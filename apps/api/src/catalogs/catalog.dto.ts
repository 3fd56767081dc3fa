import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  BILLING_MODES,
  BillingMode,
  CatalogKind,
  MAX_AMOUNT_CENTS,
  MAX_CATALOG_NAME_LENGTH,
} from '@app/domain';
import type { CatalogEntryView as CatalogEntryRowView } from '@app/read-models';
import { nullableText } from '../http/openapi-types';

/** A catalog as the path names it (`/catalogs/zones`), and the kind its entries have. */
export const CATALOG_PATHS = ['zones', 'sellers', 'collectors', 'tariffs'] as const;
export type CatalogPath = (typeof CATALOG_PATHS)[number];
export const KIND_OF_PATH: Record<CatalogPath, CatalogKind> = {
  zones: 'zone',
  sellers: 'seller',
  collectors: 'collector',
  tariffs: 'tariff',
};

/** A tariff's terms (rule 28); refused on the other catalogs. */
class TariffTermsDto {
  @ApiPropertyOptional({
    example: 3500,
    maximum: MAX_AMOUNT_CENTS,
    description: 'Tariffs only: the monthly price in cents, VAT excluded (0 allowed)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  monthlyPriceCents?: number;

  @ApiPropertyOptional({ example: 21, description: 'Tariffs only: the VAT rate, a whole percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  vatRatePercent?: number;

  @ApiPropertyOptional({ enum: BILLING_MODES, example: 'advance', description: 'Tariffs only' })
  @IsOptional()
  @IsIn([...BILLING_MODES])
  billingMode?: BillingMode;
}

export class CreateCatalogEntryDto extends TariffTermsDto {
  @ApiProperty({
    example: 'Zona Norte',
    maxLength: MAX_CATALOG_NAME_LENGTH,
    description: 'Unique in its catalog, case and accents aside',
  })
  @IsString()
  @MaxLength(MAX_CATALOG_NAME_LENGTH * 2)
  name!: string;
}

/** A rename, and for a tariff new terms; what is left out stays. */
export class EditCatalogEntryDto extends TariffTermsDto {
  @ApiPropertyOptional({ example: 'Zona Norte (Getafe)', maxLength: MAX_CATALOG_NAME_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CATALOG_NAME_LENGTH * 2)
  name?: string;
}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CatalogListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Also the retired entries (default: false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeRetired?: boolean;
}

/** One entry (rule 28) as `GET /catalogs/:kind` shows it. */
export class CatalogEntryResponse implements CatalogEntryRowView {
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty({ enum: ['zone', 'seller', 'collector', 'tariff'], example: 'zone' })
  kind!: CatalogKind;
  @ApiProperty({ example: 'Zona Norte' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, example: null }) monthlyPriceCents!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) vatRatePercent!: number | null;
  @ApiProperty({ ...nullableText, example: null }) billingMode!: string | null;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ ...nullableText, example: null }) retiredAt!: string | null;
  @ApiProperty({ example: 1, description: 'Send it back as If-Match' }) version!: number;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) updatedAt!: string;
}
