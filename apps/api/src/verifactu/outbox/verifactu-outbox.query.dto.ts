import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OUTBOX_STATUSES, OutboxStatus } from '@app/read-models';
import { PagingDto } from '../../customers/queries/customer-list.query.dto';

export class VerifactuOutboxQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ description: 'Only this issuer’s records' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  issuerId?: string;
}
