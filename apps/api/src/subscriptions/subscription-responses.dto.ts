import { ApiProperty } from '@nestjs/swagger';
import { CommandOutcome } from '@app/application';

/** A discount ("bonificación") granted on the subscription (`id`). */
export class DiscountGrantedDto extends CommandOutcome {
  @ApiProperty({ example: '6c8e0a2c-4e6a-4c8e-8a2c-4e6a8c0e2a4c' })
  discountId!: string;
}

/** An extra charge ("importe adicional") added to the subscription (`id`). */
export class ExtraChargeAddedDto extends CommandOutcome {
  @ApiProperty({ example: '3f5b7d9f-1b3d-4f5b-9d9f-1b3d5f7b9d1f' })
  chargeId!: string;
}
