import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AttachmentResponse {
  @ApiProperty({ example: '0b9d7a3e-5c1f-4e2a-8d6b-2f3e4a5b6c7d' }) id!: string;
  @ApiProperty({ example: '5f0c3f7e-9a1b-4c2d-8e3f-1a2b3c4d5e6f' }) customerId!: string;
  @ApiProperty({ example: 'Contrato firmado ñ.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'Judged by the bytes, not the name' })
  contentType!: string;
  @ApiProperty({ example: 182_344 }) size!: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256!: string;
  @ApiPropertyOptional({ example: 'Contract signed at the office', nullable: true, type: String })
  description!: string | null;
  @ApiPropertyOptional({
    example: 'Baja del servicio',
    nullable: true,
    type: String,
    description: 'An attached e-mail (.eml): its subject',
  })
  emailSubject!: string | null;
  @ApiPropertyOptional({
    example: 'Ana Pérez <ana@example.com>',
    nullable: true,
    type: String,
    description: 'An attached e-mail (.eml): its sender',
  })
  emailFrom!: string | null;
  @ApiProperty({ example: 'operator-marta' }) uploadedBy!: string;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) uploadedAt!: string;
}

export class AttachmentPageResponse {
  @ApiProperty({ type: [AttachmentResponse] }) items!: AttachmentResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}

/** The multipart body of an attachment upload, for the OpenAPI document. */
export const ATTACHMENT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'The file (its type is judged by its bytes)',
    },
    description: { type: 'string', maxLength: 1000, example: 'Contract signed at the office' },
  },
};

export const IMAGE_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'A PNG, JPEG, GIF or WebP picture' },
  },
};
