import { ApiProperty } from '@nestjs/swagger';
import { CommandOutcome } from '@app/application';
import type { CustomerInterestView } from '@app/read-models';
import { nullableText } from '../http/openapi-types';

/** An interest recorded on the customer (`id`). */
export class InterestRecordedResponse extends CommandOutcome {
  @ApiProperty({ example: '2c4e6a8c-0e2a-4c6e-8a0c-2e4a6c8e0a2c' })
  interestId!: string;
}

export class InterestResponse implements CustomerInterestView {
  @ApiProperty({ example: '2c4e6a8c-0e2a-4c6e-8a0c-2e4a6c8e0a2c' }) id!: string;
  @ApiProperty({ example: '7d2f9c1e-4b3a-4f6e-9a8b-1c2d3e4f5a6b' }) customerId!: string;
  @ApiProperty({ example: 'Fibra 1 Gb + TV' }) product!: string;
  @ApiProperty({ ...nullableText, example: null }) tariffId!: string | null;
  @ApiProperty({ ...nullableText, example: '1a3c5e7a-9c1e-4a3c-8e7a-9c1e3a5c7e9a' })
  contactId!: string | null;
  @ApiProperty({ ...nullableText, example: 'Marta Ruiz', description: 'null once erased' })
  contactName!: string | null;
  @ApiProperty({ example: '2026-03-02' }) shownOn!: string;
  @ApiProperty({
    ...nullableText,
    example: 'Call in the afternoon',
    description: 'null once erased',
  })
  notes!: string | null;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) updatedAt!: string;
}

export class InterestPageResponse {
  @ApiProperty({ type: [InterestResponse] }) items!: InterestResponse[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
