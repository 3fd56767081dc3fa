import { ApiProperty } from '@nestjs/swagger';
import { BillingRunResult, IssuedInvoiceSummary } from '@app/application';
import { PAYMENT_METHODS } from '@app/domain';
import { nullableText } from '../../http/openapi-types';
import {
  BillingProblemDto,
  BillingTotalsDto,
  PlainDateRangeDto,
} from '../billing-shapes.response.dto';

/** One invoice a billing run issued, numbered in its series. */
export class IssuedInvoiceSummaryDto implements IssuedInvoiceSummary {
  @ApiProperty({ example: '3c9d7e2a-5b1f-4c8d-9e6a-2f4b1c7d8e9f' })
  invoiceId!: string;

  @ApiProperty({ example: 'F2026-000123' })
  number!: string;

  @ApiProperty({ example: 'F' })
  series!: string;

  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' })
  customerId!: string;

  @ApiProperty({ example: '0b7e3c1a-9d2f-4a6b-8c5e-1f2a3b4c5d6e' })
  contractId!: string;

  @ApiProperty({ example: '2026-04', description: 'The cycle invoiced, YYYY-MM' })
  cyclePeriod!: string;

  @ApiProperty({ type: PlainDateRangeDto, description: 'The days charged, `[from, to)`' })
  billingPeriod!: PlainDateRangeDto;

  @ApiProperty({ example: '2026-04-05' })
  issueDate!: string;

  @ApiProperty({ example: '2026-04-20' })
  dueDate!: string;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'direct_debit' })
  paymentMethod!: string;

  @ApiProperty({
    ...nullableText,
    example: 'ES91 **** **** **** **** 1332',
    description: 'The IBAN charged, masked; null when the invoice is paid otherwise',
  })
  maskedIban!: string | null;

  @ApiProperty({ type: BillingTotalsDto })
  totals!: BillingTotalsDto;
}

/** What a billing run answers (rules R7, R8, R12). */
export class BillingRunResultDto implements BillingRunResult {
  @ApiProperty({ example: '2026-04' })
  period!: string;

  @ApiProperty({
    type: [IssuedInvoiceSummaryDto],
    description: 'The invoices this run issued, in number order per series',
  })
  issued!: IssuedInvoiceSummaryDto[];

  @ApiProperty({
    example: 0,
    description: 'Contracts whose invoice for the period an earlier run had already issued',
  })
  alreadyIssued!: number;

  @ApiProperty({
    type: [BillingProblemDto],
    description: "Rule R12's problems met; those that block leave their contract uninvoiced",
  })
  problems!: BillingProblemDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1842,
    description: 'The log position after the run: send it as X-Min-Position to read the invoices',
  })
  position!: number | null;
}
