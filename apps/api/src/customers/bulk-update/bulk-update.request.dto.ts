import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { nullableText } from '../../http/openapi-types';
import { BillingSettingsDto } from '../change-billing-settings/billing-settings.request.dto';
import { CustomerFiltersDto } from '../queries/customer-list.query.dto';

/**
 * What one bulk operation may set: grouping fields and the billing tab — not the IBAN, the tax
 * id nor the e-mails to notify, which identify one customer.
 */
export class BulkChangesDto extends OmitType(BillingSettingsDto, [
  'iban',
  'taxId',
  'notifyEmails',
] as const) {
  @ApiPropertyOptional({ ...nullableText, example: 'North' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  zone?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Lucía' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  seller?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Office' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  collector?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Moved to the north zone' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  observations?: string | null;
}

/** `customerIds` or `filter` (the list's filters, as GET /customers takes them), not both. */
export class BulkUpdateDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
    description: 'The customers chosen; or send `filter` instead',
  })
  @ValidateIf((body: BulkUpdateDto) => body.filter === undefined || body.customerIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100_000)
  @IsUUID('4', { each: true })
  customerIds?: string[];

  @ApiPropertyOptional({
    type: CustomerFiltersDto,
    description: 'Every customer the list (GET /customers) would show with these filters',
    example: { zone: 'north', billingEnabled: true },
  })
  @ValidateIf((body: BulkUpdateDto) => body.customerIds === undefined || body.filter !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerFiltersDto)
  filter?: CustomerFiltersDto;

  @ApiProperty({ type: BulkChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BulkChangesDto)
  changes!: BulkChangesDto;

  @ApiPropertyOptional({
    type: Boolean,
    example: false,
    description: 'true: answer how many and which would change, writing nothing',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
