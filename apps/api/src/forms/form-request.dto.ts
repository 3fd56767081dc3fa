import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FORM_FIELD_KEY_PATTERN,
  FORM_FIELD_TYPES,
  FormFieldType,
  MAX_FIELD_LABEL_LENGTH,
  MAX_FIELD_OPTIONS,
  MAX_FORM_DESCRIPTION_LENGTH,
  MAX_FORM_FIELDS,
  MAX_FORM_NAME_LENGTH,
  MAX_FORM_NUMBER,
  MAX_OPTION_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
} from '@app/domain';
import { nullableText } from '../http/openapi-types';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { IsFormAnswers } from './form-answers.validator';

const FINITE = { allowNaN: false, allowInfinity: false };

/** One question of a form version. */
export class FormFieldDto {
  @ApiProperty({
    example: 'router_on',
    description: 'Unique in the form: a lower-case letter, then letters, digits or _ (≤ 40)',
  })
  @IsString()
  @Matches(FORM_FIELD_KEY_PATTERN, {
    message: 'key must be a lower-case letter then a-z, 0-9 or _ (≤ 40)',
  })
  key!: string;

  @ApiProperty({ example: '¿Router encendido?', maxLength: MAX_FIELD_LABEL_LENGTH })
  @IsString()
  @MaxLength(MAX_FIELD_LABEL_LENGTH)
  label!: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES, example: 'yes_no' })
  @IsIn([...FORM_FIELD_TYPES])
  type!: FormFieldType;

  @ApiPropertyOptional({ example: true, description: 'Must be answered (absent: false)' })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['Verde', 'Rojo', 'Apagado'],
    description: 'single_choice and multiple_choice only: at least one, no repeats',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIELD_OPTIONS)
  @IsString({ each: true })
  @MaxLength(MAX_OPTION_LENGTH, { each: true })
  options?: string[];

  @ApiPropertyOptional({ example: 500, description: `text only: 1–${MAX_TEXT_ANSWER_LENGTH}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TEXT_ANSWER_LENGTH)
  maxLength?: number;

  @ApiPropertyOptional({ example: 0, description: 'number only: the least answer' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-MAX_FORM_NUMBER)
  @Max(MAX_FORM_NUMBER)
  min?: number;

  @ApiPropertyOptional({ example: 50, description: 'number only: the greatest answer' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(-MAX_FORM_NUMBER)
  @Max(MAX_FORM_NUMBER)
  max?: number;

  @ApiPropertyOptional({ example: true, description: 'number only: whole numbers only' })
  @IsOptional()
  @IsBoolean()
  integer?: boolean;
}

/** A form's whole definition: `POST /forms` (version 1) and `POST /forms/:id/versions` (the next). */
export class FormDefinitionDto {
  @ApiProperty({ example: 'Checklist antes de enviar técnico', maxLength: MAX_FORM_NAME_LENGTH })
  @IsString()
  @MaxLength(MAX_FORM_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({
    ...nullableText,
    example: 'Paso a paso antes de una visita',
    maxLength: MAX_FORM_DESCRIPTION_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FORM_DESCRIPTION_LENGTH)
  description?: string | null;

  @ApiProperty({ type: [FormFieldDto], minItems: 1, maxItems: MAX_FORM_FIELDS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FORM_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields!: FormFieldDto[];
}

const ANSWERS_SCHEMA: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { type: 'string' } },
    ],
    nullable: true,
  },
};

/** `POST /customers/:id/forms/:formId`. */
export class FillFormDto {
  @ApiProperty({
    ...ANSWERS_SCHEMA,
    example: { router_on: true, lights: 'Rojo', devices: 4, visit_day: '2026-03-05' },
    description:
      'By field key: text, a number, a day YYYY-MM-DD, an option, a list of options, true/false',
  })
  @IsFormAnswers()
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({ example: 1, description: 'The version to fill; default: the current one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}

/** `PATCH /customers/:id/forms/:filledId`: the answers to change; `null` clears one. */
export class EditFormAnswersDto {
  @ApiProperty({
    ...ANSWERS_SCHEMA,
    example: { lights: 'Verde', devices: null },
    description: 'Only the answers to change, by field key; null clears an optional one',
  })
  @IsFormAnswers()
  answers!: Record<string, unknown>;
}

export class FormListQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';
}

export class CustomerFormsQueryDto extends PagingDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the fills of this form' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'formId must be a UUID',
  })
  formId?: string;
}
