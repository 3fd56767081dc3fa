import { ApiProperty } from '@nestjs/swagger';
import { RENEWABLE_STATES, RenewableStatus } from '@app/domain';
import type { RenewableView, RenewalDue } from '@app/read-models';
import { nullableText } from '../http/openapi-types';
import { RenewalPeriodDto } from './renewable-requests.dto';

export class RenewableResponse implements RenewableView {
  @ApiProperty({ example: '0b2d4f6a-8c0e-4b2d-9f6a-8c0e2b4d6f8a' }) id!: string;
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) customerId!: string;
  @ApiProperty({ example: 'DOM-ES' }) productCode!: string;
  @ApiProperty({ ...nullableText, example: 'Domain fibranorte.es' }) description!: string | null;
  @ApiProperty({ example: '2026-01-31' }) purchasedOn!: string;
  @ApiProperty({ type: RenewalPeriodDto }) period!: RenewalPeriodDto;
  @ApiProperty({ example: '2027-01-31' }) nextRenewalOn!: string;
  @ApiProperty({ example: 0 }) periodsRenewed!: number;
  @ApiProperty({ ...nullableText, example: null }) lastRenewedOn!: string | null;
  @ApiProperty({ enum: RENEWABLE_STATES, example: 'active' }) status!: RenewableStatus;
  @ApiProperty({ ...nullableText, example: null }) lapsedOn!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: '2026-01-31T10:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: '2026-01-31T10:00:00.000Z' }) updatedAt!: string;
}

export class RenewalDueResponse extends RenewableResponse implements RenewalDue {
  @ApiProperty({ example: 'Fibra Norte SL', description: 'As the customer file shows it now' })
  customerName!: string;
}

export class RenewablePageResponse {
  @ApiProperty({ type: [RenewableResponse] }) items!: RenewableResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}

export class RenewalDuePageResponse {
  @ApiProperty({ type: [RenewalDueResponse] }) items!: RenewalDueResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
