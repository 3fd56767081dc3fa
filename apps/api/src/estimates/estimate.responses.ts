import { ApiProperty } from '@nestjs/swagger';
import {
  BILLING_MODES,
  BillingMode,
  ESTIMATE_LINE_KINDS,
  ESTIMATE_STATES,
  EstimateLine,
  EstimateLineKind,
  EstimateStatus,
  RecordedEstimateStatus,
} from '@app/domain';
import type {
  CustomerEstimateSummary,
  EstimateListItem,
  EstimateSummaryBlock,
  EstimateView,
} from '@app/read-models';
import { nullableText } from '../http/openapi-types';

export class EstimateLineResponse implements EstimateLine {
  @ApiProperty({ enum: ESTIMATE_LINE_KINDS, example: 'tariff' }) kind!: EstimateLineKind;
  @ApiProperty({ ...nullableText, example: '0b6f2c1e-8d4a-4c3b-9e2f-1a0b9c8d7e6f' })
  tariffId!: string | null;
  @ApiProperty({ example: 'Fibra 600' }) description!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
  @ApiProperty({ example: 3000 }) unitPriceCents!: number;
  @ApiProperty({ enum: BILLING_MODES, nullable: true, example: 'advance' })
  billingMode!: BillingMode | null;
  @ApiProperty({ example: 6000 }) amountCents!: number;
  @ApiProperty({ example: 21 }) vatRatePercent!: number;
  @ApiProperty({ example: 1260 }) vatCents!: number;
  @ApiProperty({ example: 7260 }) totalCents!: number;
}

/** An estimate as the tab lists it, with its status as of today. */
export class EstimateListItemResponse implements EstimateListItem {
  @ApiProperty({ example: '8a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id!: string;
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) customerId!: string;
  @ApiProperty({
    enum: ESTIMATE_STATES,
    example: 'outstanding',
    description: 'As of today: an outstanding estimate past validUntil is expired',
  })
  status!: EstimateStatus;
  @ApiProperty({ enum: ['outstanding', 'accepted', 'rejected'], example: 'outstanding' })
  state!: RecordedEstimateStatus;
  @ApiProperty({ example: 2 }) lineCount!: number;
  @ApiProperty({ example: 10999 }) netCents!: number;
  @ApiProperty({ example: 2310 }) vatCents!: number;
  @ApiProperty({ example: 13309 }) totalCents!: number;
  @ApiProperty({ example: '2026-12-31' }) validUntil!: string;
  @ApiProperty({ ...nullableText, example: null }) contractId!: string | null;
  @ApiProperty({ type: [String], example: [] }) subscriptionIds!: string[];
  @ApiProperty({ example: false, description: 'Accepted: the contract and subscriptions exist' })
  fulfilled!: boolean;
  @ApiProperty({ example: 1, description: 'For If-Match' }) version!: number;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ ...nullableText, example: null }) answeredAt!: string | null;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) updatedAt!: string;
}

export class EstimateResponse extends EstimateListItemResponse implements EstimateView {
  @ApiProperty({ type: [EstimateLineResponse] }) lines!: EstimateLineResponse[];
  @ApiProperty({ ...nullableText, example: 'Installation within a week' }) notes!: string | null;
  @ApiProperty({ ...nullableText, example: null }) rejectionReason!: string | null;
}

export class EstimatePageResponse {
  @ApiProperty({ type: [EstimateListItemResponse] }) items!: EstimateListItemResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}

class EstimateSummaryBlockResponse implements EstimateSummaryBlock {
  @ApiProperty({ example: 2 }) count!: number;
  @ApiProperty({ example: 26618, description: 'Sum of their totals, VAT included' })
  amountCents!: number;
}

/** Seed 004's blocks: count and amount per status, as of `today`. */
export class EstimateSummaryResponse implements CustomerEstimateSummary {
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) customerId!: string;
  @ApiProperty({ example: '2026-12-04' }) today!: string;
  @ApiProperty({ example: 'Europe/Madrid' }) timeZone!: string;
  @ApiProperty({ type: EstimateSummaryBlockResponse }) outstanding!: EstimateSummaryBlock;
  @ApiProperty({ type: EstimateSummaryBlockResponse }) accepted!: EstimateSummaryBlock;
  @ApiProperty({ type: EstimateSummaryBlockResponse }) rejected!: EstimateSummaryBlock;
  @ApiProperty({ type: EstimateSummaryBlockResponse }) expired!: EstimateSummaryBlock;
  @ApiProperty({ type: EstimateSummaryBlockResponse }) total!: EstimateSummaryBlock;
}
