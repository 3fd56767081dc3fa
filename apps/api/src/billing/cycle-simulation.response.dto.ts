import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BilledParty,
  BillingCycle,
  BillingLine,
  BillingLineKind,
  ContractSimulation,
  CycleSimulation,
  InvoiceToIssue,
  IssuedCycleInvoice,
  PAYMENT_METHODS,
  PaymentMethod,
  PostalAddress,
  SimulatedCycle,
  SimulatedCycleStatus,
} from '@app/domain';
import { nullableText } from '../http/openapi-types';
import {
  BillingProblemDto,
  BillingTotalsDto,
  PlainDateRangeDto,
} from './billing-shapes.response.dto';

/** Every value of a union, listed once: a value added to the union fails to compile here. */
const LINE_KINDS: Record<BillingLineKind, true> = {
  tariff: true,
  discount: true,
  'extra-charge': true,
  'migration-credit': true,
  correction: true,
};
const CYCLE_STATUSES: Record<SimulatedCycleStatus, true> = {
  previewed: true,
  issued: true,
  'not-invoiced': true,
};

/** One billing cycle (R11): `[start, end)` from the customer's billing day. */
export class BillingCycleDto implements BillingCycle {
  @ApiProperty({ example: '2026-04' })
  period!: string;

  @ApiProperty({ example: 5 })
  billingDay!: number;

  @ApiProperty({ example: '2026-04-05' })
  start!: string;

  @ApiProperty({ example: '2026-05-05', description: 'Excluded' })
  end!: string;
}

/** One line of a previewed invoice; VAT on the line alone (R11). */
export class BillingLineDto implements BillingLine {
  @ApiProperty({ example: '9d1f3b5c-7e9a-4c2e-8b4d-6f8a0c2e4b7d' })
  subscriptionId!: string;

  @ApiProperty({ enum: Object.keys(LINE_KINDS), example: 'tariff' })
  kind!: BillingLineKind;

  @ApiProperty({ example: 'Fibra 600 Mb' })
  description!: string;

  @ApiProperty({ type: PlainDateRangeDto, description: 'The days charged, `[from, to)`' })
  period!: PlainDateRangeDto;

  @ApiProperty({ example: 30, description: 'Days of `period` charged' })
  days!: number;

  @ApiProperty({ example: 30, description: "Days of the cycle: the proration's denominator" })
  daysInPeriod!: number;

  @ApiPropertyOptional({
    example: 3500,
    description: 'The monthly price prorated, or the extra charge; absent for percentage lines',
  })
  unitPriceCents?: number;

  @ApiProperty({ example: 3500, description: 'Net of VAT, in cents' })
  amountCents!: number;

  @ApiProperty({ example: 21 })
  vatRatePercent!: number;

  @ApiProperty({ example: 735 })
  vatCents!: number;

  @ApiProperty({ example: 4235 })
  totalCents!: number;
}

/** The postal address an invoice is addressed to; a value not given is null. */
export class PostalAddressDto implements PostalAddress {
  @ApiProperty({ ...nullableText, example: 'Calle Mayor 1' })
  street!: string | null;
  @ApiProperty({ ...nullableText, example: 'Madrid' })
  city!: string | null;
  @ApiProperty({ ...nullableText, example: 'Centro' })
  neighbourhood!: string | null;
  @ApiProperty({ ...nullableText, example: 'Madrid' })
  province!: string | null;
  @ApiProperty({ ...nullableText, example: '28013' })
  postalCode!: string | null;
  @ApiProperty({ ...nullableText, example: 'ES' })
  country!: string | null;
}

/** Who an invoice is made out to. */
export class BilledPartyDto implements BilledParty {
  @ApiProperty({ example: 'Ana García López' })
  legalName!: string;

  @ApiProperty({ ...nullableText, example: '12345678Z' })
  taxId!: string | null;

  @ApiProperty({ type: PostalAddressDto })
  address!: PostalAddressDto;
}

/** The invoice a billing run would issue for the cycle: no number yet. */
export class InvoiceToIssueDto implements InvoiceToIssue {
  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' })
  customerId!: string;

  @ApiProperty({ example: '0b7e3c1a-9d2f-4a6b-8c5e-1f2a3b4c5d6e' })
  contractId!: string;

  @ApiProperty({ example: 'F' })
  series!: string;

  @ApiProperty({ example: '2026-04' })
  cyclePeriod!: string;

  @ApiProperty({ type: BillingCycleDto })
  cycle!: BillingCycleDto;

  @ApiProperty({ type: PlainDateRangeDto, description: 'The days charged, `[from, to)`' })
  billingPeriod!: PlainDateRangeDto;

  @ApiProperty({ type: BilledPartyDto })
  customer!: BilledPartyDto;

  @ApiProperty({
    ...nullableText,
    example: 'ES9121000418450200051332',
    description: "Rule R4: the signature's IBAN; null for a contract paid otherwise",
  })
  iban!: string | null;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'direct_debit' })
  paymentMethod!: PaymentMethod;

  @ApiProperty({ type: [BillingLineDto] })
  lines!: BillingLineDto[];

  @ApiProperty({ type: BillingTotalsDto })
  totals!: BillingTotalsDto;

  @ApiProperty({ example: '2026-04-05' })
  issueDate!: string;

  @ApiProperty({ example: '2026-04-20' })
  dueDate!: string;

  @ApiProperty({ example: true })
  sendByEmail!: boolean;
}

/** The invoice a billing run already issued for a cycle. */
export class IssuedCycleInvoiceDto implements IssuedCycleInvoice {
  @ApiProperty({ example: '3c9d7e2a-5b1f-4c8d-9e6a-2f4b1c7d8e9f' })
  id!: string;

  @ApiProperty({ example: 'F2026-000123' })
  number!: string;
}

/** One contract's cycle: previewed, already issued, or not invoiced (see `problems`). */
export class SimulatedCycleDto implements SimulatedCycle {
  @ApiProperty({ example: '2026-04' })
  period!: string;

  @ApiProperty({ type: BillingCycleDto })
  cycle!: BillingCycleDto;

  @ApiProperty({ enum: Object.keys(CYCLE_STATUSES), example: 'previewed' })
  status!: SimulatedCycleStatus;

  @ApiProperty({ example: false, description: 'The cycle in progress on `from`' })
  inProgress!: boolean;

  @ApiProperty({
    type: InvoiceToIssueDto,
    nullable: true,
    description: 'The preview; null when issued already or nothing is invoiced',
  })
  invoice!: InvoiceToIssueDto | null;

  @ApiPropertyOptional({ type: IssuedCycleInvoiceDto, description: 'When status is issued' })
  issuedInvoice?: IssuedCycleInvoiceDto;

  @ApiProperty({ type: [BillingProblemDto] })
  problems!: BillingProblemDto[];
}

export class ContractSimulationDto implements ContractSimulation {
  @ApiProperty({ example: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' })
  customerId!: string;

  @ApiProperty({ example: '0b7e3c1a-9d2f-4a6b-8c5e-1f2a3b4c5d6e' })
  contractId!: string;

  @ApiProperty({ type: [SimulatedCycleDto] })
  cycles!: SimulatedCycleDto[];
}

/** What a simulation answers (R12): every contract's cycles, and each problem once. */
export class CycleSimulationDto implements CycleSimulation {
  @ApiProperty({ example: '2026-04-01', description: 'The day simulated from' })
  from!: string;

  @ApiProperty({ example: 3, description: 'Cycles simulated after the one in progress' })
  cycles!: number;

  @ApiProperty({ type: [ContractSimulationDto] })
  contracts!: ContractSimulationDto[];

  @ApiProperty({
    type: [BillingProblemDto],
    description: 'Every problem once, with the first period it shows up in',
  })
  problems!: BillingProblemDto[];
}
