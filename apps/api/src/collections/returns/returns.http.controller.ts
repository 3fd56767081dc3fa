import {
  Body,
  Controller,
  HttpCode,
  NotFoundException,
  Post,
  UnprocessableEntityException,
  BadRequestException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import {
  BankFileError,
  CommandContext,
  parseBankFile,
  RecordReturnsCommand,
  ReturnsOutcome,
} from '@app/application';
import { effectIdOfEndToEndId } from '@app/domain';
import { CommandEndpoint } from '../../auth/access.decorator';
import { Context } from '../../infrastructure/commands/command-context';
import { IsInstant } from '../../http/iso-dates';

export class ReturnRequestDto {
  @ApiProperty({ example: '0f4c2a9e-1b6d-4c1e-9f7a-2d3b4c5d6e7f' })
  @IsUUID()
  effectId!: string;

  @ApiProperty({ example: 'AM04', description: 'The ISO 20022 return reason code the bank gave' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{4}$/, {
    message: 'reasonCode must be a 4-character ISO return reason code',
  })
  reasonCode!: string;

  @ApiPropertyOptional({ example: '2026-12-12T09:00:00Z', description: 'Default: now' })
  @IsOptional()
  @IsInstant()
  returnedAt?: string;
}

class ReturnReasonResponse {
  @ApiProperty({ example: 'Fondos insuficientes' }) es!: string;
  @ApiProperty({ example: 'Insufficient funds' }) en!: string;
}

class ReturnAppliedResponse {
  @ApiProperty() effectId!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ example: 'AM04' }) reasonCode!: string;
  @ApiProperty({ type: ReturnReasonResponse }) reason!: ReturnReasonResponse;
  @ApiProperty({ description: 'AC04, AC06, MD01, MD07: the mandate can no longer be used' })
  mandateInvalidated!: boolean;
  @ApiProperty({ description: 'The returned-debit fee charged on the next invoice' })
  feeCents!: number;
  @ApiProperty({ description: 'MS02, MD06: contact the customer' }) contactCustomer!: boolean;
  @ApiProperty({ description: "A pain.002 reject of the mandate's first collection: FRST again" })
  firstCollectionAgain!: boolean;
}

class ReturnFailureResponse {
  @ApiProperty() effectId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class ReturnsOutcomeResponse implements ReturnsOutcome {
  @ApiProperty({ type: [ReturnAppliedResponse] }) applied!: ReturnAppliedResponse[];
  @ApiProperty({ type: [String], description: 'Already recorded: nothing changed' })
  duplicates!: string[];
  @ApiProperty({ type: [String], description: 'Ids that lead to no effect' }) unknown!: string[];
  @ApiProperty({ type: [ReturnFailureResponse] }) failed!: ReturnFailureResponse[];
  @ApiProperty({ nullable: true, type: Number }) position!: number | null;
}

/** Rule 19: returned direct debits, by hand or from the bank's file. */
@ApiTags('collections')
@ApiBearerAuth()
@Controller('collections/returns')
export class ReturnsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @CommandEndpoint()
  @ApiOperation({
    summary:
      'Record a returned direct debit: owed again, mandate invalidated for AC04/AC06/MD01/MD07, fee charged',
  })
  @ApiOkResponse({ type: ReturnsOutcomeResponse })
  async record(
    @Body() body: ReturnRequestDto,
    @Context() context: CommandContext,
  ): Promise<ReturnsOutcome> {
    const outcome = await this.bus.execute(new RecordReturnsCommand([body], context));
    if (outcome.unknown.length > 0)
      throw new NotFoundException(`No direct-debit effect ${body.effectId}`);
    const [failure] = outcome.failed;
    if (failure)
      throw new UnprocessableEntityException({
        message: failure.message,
        details: [{ code: failure.code, message: failure.message }],
      });
    return outcome;
  }

  @Post('import')
  @HttpCode(200)
  @CommandEndpoint()
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({
    description: "The bank's camt.054 (returned debits) or pain.002 (rejects), as sent",
    schema: { type: 'string', example: '<?xml version="1.0"?><Document>…</Document>' },
  })
  @ApiOperation({
    summary:
      "Import the bank's returns file (camt.054 or pain.002); the same file twice changes nothing",
  })
  @ApiOkResponse({ type: ReturnsOutcomeResponse })
  async import(@Body() body: unknown, @Context() context: CommandContext): Promise<ReturnsOutcome> {
    if (typeof body !== 'string' || body.length === 0)
      throw new BadRequestException({
        message: 'Send the bank file as the body, with Content-Type application/xml or text/xml.',
        details: [{ field: 'body', code: 'INVALID_INPUT', message: 'an XML document is required' }],
      });
    let parsed;
    try {
      parsed = parseBankFile(body);
    } catch (error) {
      if (!(error instanceof BankFileError)) throw error;
      throw new UnprocessableEntityException({
        message: error.message,
        details: [
          {
            code: `BANK_FILE.${error.reason.toUpperCase().replace(/-/g, '_')}`,
            message: error.message,
          },
        ],
      });
    }
    const unknown: string[] = [];
    const returns = parsed.returns.flatMap((r) => {
      const effectId = effectIdOfEndToEndId(r.endToEndId);
      if (effectId === null) {
        unknown.push(r.endToEndId);
        return [];
      }
      return [
        {
          effectId,
          reasonCode: r.reasonCode,
          returnedAt: `${r.returnedAt}T00:00:00.000Z`,
          kind: r.kind,
        },
      ];
    });
    return this.bus.execute(new RecordReturnsCommand(returns, context, unknown));
  }
}
