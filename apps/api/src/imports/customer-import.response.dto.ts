import { ApiProperty } from '@nestjs/swagger';

export class RejectedImportRowDto {
  @ApiProperty({ example: 3, description: 'The line of the file the row starts on (1: header)' })
  row!: number;
  @ApiProperty({ type: [String], example: ['email: the same e-mail as row 2.'] })
  reasons!: string[];
}

export class ImportedCustomerDto {
  @ApiProperty({ example: 2 }) row!: number;
  @ApiProperty({ example: '6f1c2a8e-3b4d-5e5f-8a9b-0c1d2e3f4a5b' }) customerId!: string;
}

export class CustomerImportViewDto {
  @ApiProperty({ example: '6f1c2a8e-3b4d-5e5f-8a9b-0c1d2e3f4a5b' }) importId!: string;
  @ApiProperty({ enum: ['running', 'done'] }) status!: string;
  @ApiProperty({ enum: ['default', 'excel-es'] }) format!: string;
  @ApiProperty({ example: 120, description: 'Rows of the file after the header' }) total!: number;
  @ApiProperty({ example: 60, description: 'Rows decided so far (rejected or reached)' })
  done!: number;
  @ApiProperty({ example: 58 }) imported!: number;
  @ApiProperty({ type: [RejectedImportRowDto] }) rejected!: RejectedImportRowDto[];
  @ApiProperty({ type: [ImportedCustomerDto] }) customers!: ImportedCustomerDto[];
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) startedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) completedAt!: string | null;
}
