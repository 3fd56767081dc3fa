import { ApiProperty } from '@nestjs/swagger';
import { BulkRevertResult } from '@app/application';

class RestoredCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [String], example: ['zone'] }) fields!: string[];
}

class RevertConflictDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'zone' }) field!: string;
  @ApiProperty({ description: 'The value the customer has now', example: 'South' })
  current!: unknown;
  @ApiProperty({
    enum: ['changed-since', 'refused'],
    description: '`changed-since`: edited after the operation; `refused`: deleted, erased',
  })
  reason!: 'changed-since' | 'refused';
}

/** Rule 27's answer: what was restored, what is in conflict. */
export class BulkRevertResultDto implements BulkRevertResult {
  @ApiProperty({ format: 'uuid' }) bulkOperationId!: string;
  @ApiProperty({ format: 'uuid', description: 'Carried by every compensating event' })
  revertOperationId!: string;
  @ApiProperty({ type: [RestoredCustomerDto] }) restored!: RestoredCustomerDto[];
  @ApiProperty({ type: [RevertConflictDto] }) conflicts!: RevertConflictDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Send it as X-Min-Position' })
  position!: number | null;
}

class RevertSummaryDto {
  @ApiProperty({ format: 'uuid' }) revertOperationId!: string;
  @ApiProperty({ enum: ['reverting', 'reverted'] }) status!: 'reverting' | 'reverted';
  @ApiProperty({ type: [RestoredCustomerDto] }) restored!: RestoredCustomerDto[];
  @ApiProperty({
    description: 'Customer, field and reason (current values: POST …/revert answers them)',
    type: 'array',
    items: { type: 'object' },
  })
  conflicts!: { customerId: string; field: string; reason: 'changed-since' | 'refused' }[];
}

class BulkCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['changed', 'unchanged', 'refused'] })
  outcome!: 'changed' | 'unchanged' | 'refused';
  @ApiProperty({
    description: 'Field, before, after: what the operation changed on this customer',
    type: 'array',
    items: { type: 'object' },
  })
  changes!: { field: string; before: unknown; after: unknown }[];
  @ApiProperty({ required: false, type: 'array', items: { type: 'object' } })
  reasons?: { code: string; message: string; field?: string }[];
}

/** `GET /bulk-operations/:id` (R14). */
export class BulkOperationViewDto {
  @ApiProperty({ format: 'uuid' }) bulkOperationId!: string;
  @ApiProperty({ enum: ['running', 'completed'] }) status!: 'running' | 'completed';
  @ApiProperty({ example: 10000, description: 'Customers targeted' }) total!: number;
  @ApiProperty({ example: 4200, description: 'Customers processed so far' }) done!: number;
  @ApiProperty() changed!: number;
  @ApiProperty({ description: 'Already had the values' }) unchanged!: number;
  @ApiProperty({ description: 'A rule refused them; the others proceeded' }) refused!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What it sets' })
  changes!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The list filters it was started with; null: customers chosen by id',
  })
  filter!: Record<string, unknown> | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [BulkCustomerDto], description: 'One page of the customers done' })
  customers!: BulkCustomerDto[];
  @ApiProperty({ type: RevertSummaryDto, nullable: true }) revert!: RevertSummaryDto | null;
}
