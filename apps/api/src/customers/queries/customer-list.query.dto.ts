import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  PAYMENT_METHODS,
  PERSON_TYPES,
  SUBSCRIPTION_STATUSES,
  SubscriptionStatus,
} from '@app/domain';
import { CUSTOMER_EXPORT_FORMATS, CustomerExportFormat } from '@app/read-models';
import { IsCalendarDay } from '../../http/iso-dates';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A number from a query string ("5") or a JSON body (5); anything else stays as it came. */
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

const FOLDED = 'equal to it, case and accents aside';

/**
 * The list's filters (API.md, GET /customers), shared by the CSV export and by a bulk update's
 * `filter`: seed 002's advanced search (customer, contract and billing groups), all combined
 * (AND). docs/advanced-search.md.
 */
export class CustomerFiltersDto {
  @ApiPropertyOptional({
    description:
      'Name, street or city contains it, case and accents aside (`pena` finds Peña); or code, document, e-mail or phone contains it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'Norte', description: `Zone: ${FOLDED}` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  zone?: string;

  @ApiPropertyOptional({ example: 'Lucía Vendedora', description: `Seller: ${FOLDED}` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  seller?: string;

  @ApiPropertyOptional({ example: 'Cobros Sur', description: `Collector: ${FOLDED}` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  collector?: string;

  @ApiPropertyOptional({ example: 'cadiz', description: `City: ${FOLDED} (\`cadiz\` finds Cádiz)` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string;

  @ApiPropertyOptional({ example: 'La Viña', description: `Neighbourhood: ${FOLDED}` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  neighbourhood?: string;

  @ApiPropertyOptional({ enum: ['active', 'inactive', 'deleted'], example: 'active' })
  @IsOptional()
  @IsIn(['active', 'inactive', 'deleted'])
  status?: 'active' | 'inactive' | 'deleted';

  @ApiPropertyOptional({ enum: PERSON_TYPES, example: 'legal' })
  @IsOptional()
  @IsIn([...PERSON_TYPES])
  personType?: 'other' | 'natural' | 'legal';

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Registered on or after this day (YYYY-MM-DD, Europe/Madrid)',
  })
  @IsOptional()
  @IsCalendarDay()
  createdFrom?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Registered on or before this day (YYYY-MM-DD, Europe/Madrid)',
  })
  @IsOptional()
  @IsCalendarDay()
  createdTo?: string;

  @ApiPropertyOptional({
    enum: SUBSCRIPTION_STATUSES,
    example: 'active',
    description:
      'With a subscription in this rule R5 state (with `tariff`: one subscription in that state on that tariff)',
  })
  @IsOptional()
  @IsIn([...SUBSCRIPTION_STATUSES])
  subscriptionState?: SubscriptionStatus;

  @ApiPropertyOptional({
    example: 'Fibra 600',
    description: `With a subscription on this tariff (its current one): ${FOLDED}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  tariff?: string;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'With (true) or without (false) a signed contract (not terminated)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  contractSigned?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description:
      "With (true) or without (false) the customer file's IBAN-mismatch warning (rule R4: a signed contract charges another IBAN)",
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  ibanMismatch?: boolean;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, example: 'direct_debit' })
  @IsOptional()
  @IsIn([...PAYMENT_METHODS])
  paymentMethod?: string;

  @ApiPropertyOptional({ type: Boolean, example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  billingEnabled?: boolean;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 28,
    example: 5,
    description: 'The billing day of the customer (rule R11)',
  })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(28)
  billingDay?: number;

  @ApiPropertyOptional({
    example: 'A',
    description: "The invoice series of the customer's billing",
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  series?: string;

  @ApiPropertyOptional({
    example: 'default',
    description: "The issuer the customer's billing names (rule 21, GET /issuers)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  issuerId?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    example: 5000,
    description: 'Unpaid balance strictly over this many cents',
  })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  debtOverCents?: number;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'With (true) or without (false) an invoice overdue today (Europe/Madrid)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasOverdueInvoices?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'With (true) or without (false) unpaid balance',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasDebt?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    example: false,
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
