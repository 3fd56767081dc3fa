import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PAYMENT_METHODS } from '@app/domain';
import { CUSTOMER_EXPORT_FORMATS, CustomerExportFormat } from '@app/read-models';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The list's filters (API.md, GET /customers), shared by the CSV export. */
export class CustomerFiltersDto {
  @ApiPropertyOptional({
    description:
      'Name, street or city contains it, case and accents aside (`pena` finds Peña); or code, document, e-mail or phone contains it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) zone?: string;

  @ApiPropertyOptional({ enum: ['active', 'inactive', 'deleted'] })
  @IsOptional()
  @IsIn(['active', 'inactive', 'deleted'])
  status?: 'active' | 'inactive' | 'deleted';

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn([...PAYMENT_METHODS])
  paymentMethod?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  billingEnabled?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'With (true) or without (false) unpaid balance',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasDebt?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'With (true) or without (false) a subscription the system suspended for debt ("deshabilitado por sistema", rule R20)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  disabledBySystem?: boolean;
}

export class PagingDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** The export's filters and its format. */
export class CustomerExportQueryDto extends CustomerFiltersDto {
  @ApiPropertyOptional({
    enum: CUSTOMER_EXPORT_FORMATS,
    default: 'default',
    description:
      '`excel-es`: for a spreadsheet set to Spanish — UTF-8 BOM, `;` between cells, decimal comma, dd/mm/yyyy dates, Spanish headers',
  })
  @IsOptional()
  @IsIn([...CUSTOMER_EXPORT_FORMATS])
  format?: CustomerExportFormat;
}

export class CustomerListQueryDto extends IntersectionType(CustomerFiltersDto, PagingDto) {}
