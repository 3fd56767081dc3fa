import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  MAX_INTEREST_CONTACT_NAME_LENGTH,
  MAX_INTEREST_NOTES_LENGTH,
  MAX_INTEREST_PRODUCT_LENGTH,
} from '@app/domain';
import { IsAbsentWith } from '../http/absent-with';
import { IsCalendarDay } from '../http/iso-dates';
import { nullableText } from '../http/openapi-types';

/**
 * Seed 003: a product of interest — as text (`product`) or a catalog tariff (`tariffId`), not
 * both — who showed it — one of the customer's contacts (`contactId`) or a free name
 * (`contactName`), not both — the day (`shownOn`, default today) and notes.
 */
export class RecordInterestDto {
  @ApiPropertyOptional({
    ...nullableText,
    example: 'Fibra 1 Gb + TV',
    maxLength: MAX_INTEREST_PRODUCT_LENGTH,
    description: 'The product as text; required unless tariffId is given',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INTEREST_PRODUCT_LENGTH)
  @IsAbsentWith('tariffId')
  product?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    format: 'uuid',
    example: '5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d3f',
    description: "A catalog tariff (rule 28) by id; the interest's product is then its name",
  })
  @IsOptional()
  @IsUUID()
  tariffId?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    format: 'uuid',
    example: '1a3c5e7a-9c1e-4a3c-8e7a-9c1e3a5c7e9a',
    description: "One of the customer's contact persons, who showed the interest",
  })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Luis (the owner’s son)',
    maxLength: MAX_INTEREST_CONTACT_NAME_LENGTH,
    description: 'Who showed the interest, when not one of the contacts',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INTEREST_CONTACT_NAME_LENGTH)
  @IsAbsentWith('contactId')
  contactName?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    format: 'date',
    example: '2026-03-02',
    description: '"Interés mostrado el día"; none: today (Europe/Madrid)',
  })
  @IsOptional()
  @IsCalendarDay()
  shownOn?: string | null;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Wants it before the summer; call in the afternoon.',
    maxLength: MAX_INTEREST_NOTES_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_INTEREST_NOTES_LENGTH)
  notes?: string | null;
}

/** Any field of the interest; those left out keep their value. */
export class EditInterestDto extends PartialType(RecordInterestDto) {}
