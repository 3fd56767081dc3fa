import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandEndpoint } from '../../auth/access.decorator';
import { BulkUpdateCustomers, CommandContext } from '@app/application';
import { Context } from '../../infrastructure/commands/command-context';
import { nullableText } from '../../http/openapi-types';
import { BillingSettingsDto } from '../change-billing-settings/billing-settings.request.dto';
import { BulkUpdateResultDto } from './bulk-update.response.dto';

/** What one bulk operation may set: grouping fields and the billing tab. */
export class BulkChangesDto extends BillingSettingsDto {
  @ApiPropertyOptional({ ...nullableText, example: 'North' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  zone?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Lucía' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  seller?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Office' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  collector?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'Moved to the north zone' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  observations?: string | null;
}

export class BulkUpdateDto {
  @ApiProperty({ type: [String], example: ['6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  customerIds!: string[];

  @ApiProperty({ type: BulkChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BulkChangesDto)
  changes!: BulkChangesDto;
}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class BulkUpdateController {
  constructor(private readonly bus: CommandBus) {}

  @Post('bulk-update')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary: 'Rule R14: the same changes on many customers, all or nothing, one event per customer',
  })
  @ApiOkResponse({ type: BulkUpdateResultDto })
  update(
    @Body() body: BulkUpdateDto,
    @Context() context: CommandContext,
  ): Promise<BulkUpdateResultDto> {
    return this.bus.execute(new BulkUpdateCustomers(body.customerIds, body.changes, context));
  }
}
