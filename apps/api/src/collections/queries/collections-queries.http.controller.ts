import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { READ_MODELS, returnReasonOf } from '@app/application';
import { dateInZone } from '@app/domain';
import { customerReturns, debtAgeing, findCustomerFile } from '@app/read-models';
import { QueryEndpoint } from '../../auth/access.decorator';
import { IsCalendarDay } from '../../http/iso-dates';
import { ReadsProjections } from '../../infrastructure/queries/min-position.interceptor';

export class AgeingQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-03',
    description: 'The day debt is aged on; default today',
  })
  @IsOptional()
  @IsCalendarDay()
  asOf?: string;
}

/** Collections as operators read them: debt ageing, and a customer's returned debits. */
@ApiTags('collections')
@ApiBearerAuth()
@Controller()
export class CollectionsQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get('collections/ageing')
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({
    summary:
      'Debt ageing: what each customer owes past due, by 0–30, 31–60, 61–90, 90+ days, and totals',
  })
  ageing(@Query() query: AgeingQueryDto) {
    return debtAgeing(this.readModels, query.asOf ?? dateInZone(new Date().toISOString()));
  }

  @Get('customers/:id/returns')
  @QueryEndpoint()
  @ReadsProjections()
  @ApiOperation({
    summary:
      "The customer's returned direct debits, newest first, the reason in Spanish and English",
  })
  async returns(@Param('id') id: string) {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    const returns = await customerReturns(this.readModels, id);
    return {
      items: returns.map((item) => {
        const known = item.reasonCode ? returnReasonOf(item.reasonCode) : undefined;
        return {
          ...item,
          reasonText: known ? { es: known.es, en: known.en } : null,
        };
      }),
    };
  }
}
