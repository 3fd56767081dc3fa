import { ApiProperty } from '@nestjs/swagger';
import { FORM_FIELD_TYPES, FormAnswerValue, FormFieldType } from '@app/domain';
import type { FilledFormView, FormVersionView, FormView, RenderedAnswer } from '@app/read-models';
import { nullableText } from '../http/openapi-types';

export class FormFieldResponse {
  @ApiProperty({ example: 'lights' }) key!: string;
  @ApiProperty({ example: 'Luces del router' }) label!: string;
  @ApiProperty({ enum: FORM_FIELD_TYPES, example: 'single_choice' }) type!: FormFieldType;
  @ApiProperty({ example: true }) required!: boolean;
  @ApiProperty({ type: [String], example: ['Verde', 'Rojo', 'Apagado'] }) options!: string[];
  @ApiProperty({ type: Number, nullable: true, example: null }) maxLength!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) max!: number | null;
  @ApiProperty({ example: false }) integer!: boolean;
}

export class FormVersionSummaryResponse {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Checklist antes de enviar técnico' }) name!: string;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) publishedAt!: string;
}

/** A form with its current version's questions. */
export class FormResponse implements FormView {
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty({ example: 'Checklist antes de enviar técnico' }) name!: string;
  @ApiProperty({ ...nullableText, example: 'Paso a paso antes de una visita' })
  description!: string | null;
  @ApiProperty({ enum: ['active', 'retired'], example: 'active' }) status!: 'active' | 'retired';
  @ApiProperty({ example: 2 }) currentVersion!: number;
  @ApiProperty({ type: [FormFieldResponse] }) fields!: FormFieldResponse[];
  @ApiProperty({ type: [FormVersionSummaryResponse] }) versions!: FormVersionSummaryResponse[];
  @ApiProperty({ example: 2, description: 'For If-Match' }) version!: number;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' }) updatedAt!: string;
}

export class FormVersionResponse implements FormVersionView {
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) formId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Checklist antes de enviar técnico' }) name!: string;
  @ApiProperty({ ...nullableText, example: null }) description!: string | null;
  @ApiProperty({ type: [FormFieldResponse] }) fields!: FormFieldResponse[];
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) publishedAt!: string;
  @ApiProperty({ example: false, description: 'Whether new fills use it' }) current!: boolean;
}

export class FormPageResponse {
  @ApiProperty({ type: [FormResponse] }) items!: FormResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}

export class RenderedAnswerResponse implements RenderedAnswer {
  @ApiProperty({ example: 'lights' }) key!: string;
  @ApiProperty({ example: 'Luces del router', description: "The label of the fill's version" })
  label!: string;
  @ApiProperty({ enum: FORM_FIELD_TYPES, example: 'single_choice' }) type!: FormFieldType;
  @ApiProperty({
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { type: 'string' } },
    ],
    nullable: true,
    example: 'Rojo',
    description: 'null: not answered, or erased',
  })
  value!: FormAnswerValue | null;
}

/** A filled form, its answers labelled as the version it was filled with asked them. */
export class FilledFormResponse implements FilledFormView {
  @ApiProperty({ example: '3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id!: string;
  @ApiProperty({ example: '0b6c8f0e-3a2d-4c1b-9e8f-7a6b5c4d3e2f' }) customerId!: string;
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) formId!: string;
  @ApiProperty({ example: 1 }) formVersion!: number;
  @ApiProperty({ example: 'Checklist antes de enviar técnico' }) formName!: string;
  @ApiProperty({ example: false, description: "The customer's personal data was erased" })
  erased!: boolean;
  @ApiProperty({ type: [RenderedAnswerResponse] }) answers!: RenderedAnswerResponse[];
  @ApiProperty({ example: 1, description: 'For If-Match' }) version!: number;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) filledAt!: string;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) updatedAt!: string;
}

export class FilledFormPageResponse {
  @ApiProperty({ type: [FilledFormResponse] }) items!: FilledFormResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
