import { ApiProperty } from '@nestjs/swagger';
import { BulkRevertResult } from '@app/application';
import { fieldValue } from '../../http/openapi-types';
import { FieldChangeDto } from '../bulk-update/bulk-update.response.dto';

class RestoredCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [String], example: ['zone'] }) fields!: string[];
}

class RevertConflictDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'zone' }) field!: string;
  @ApiProperty({ ...fieldValue, description: 'The value the customer has now', example: 'South' })
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

class StoredConflictDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'zone' }) field!: string;
  @ApiProperty({ enum: ['changed-since', 'refused'] }) reason!: 'changed-since' | 'refused';
}

class RefusalReasonDto {
  @ApiProperty({ example: 'CUSTOMER.DELETED' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ required: false }) field?: string;
}

class RevertSummaryDto {
  @ApiProperty({ format: 'uuid' }) revertOperationId!: string;
  @ApiProperty({ enum: ['reverting', 'reverted'] }) status!: 'reverting' | 'reverted';
  @ApiProperty({ type: [RestoredCustomerDto] }) restored!: RestoredCustomerDto[];
  @ApiProperty({
    type: [StoredConflictDto],
    description: 'Customer, field and reason (current values: POST …/revert answers them)',
  })
  conflicts!: { customerId: string; field: string; reason: 'changed-since' | 'refused' }[];
}

class BulkCustomerDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['changed', 'unchanged', 'refused'] })
  outcome!: 'changed' | 'unchanged' | 'refused';
  @ApiProperty({
    type: [FieldChangeDto],
    description: 'What the operation changed on this customer, field by field',
  })
  changes!: FieldChangeDto[];
  @ApiProperty({ required: false, type: [RefusalReasonDto], description: 'Why it was refused' })
  reasons?: RefusalReasonDto[];
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
