import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { SEND_CHANNELS, SendChannel } from '@app/domain';
import {
  customerSends,
  findCustomerFile,
  SEND_STATUSES,
  SendItem,
  SendStatus,
} from '@app/read-models';
import { QueryEndpoint } from '../auth/access.decorator';
import { PagingDto } from '../customers/queries/customer-list.query.dto';
import { ReadsProjections } from '../infrastructure/queries/min-position.interceptor';

export class SendListQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: SEND_STATUSES })
  @IsOptional()
  @IsIn(SEND_STATUSES)
  status?: SendStatus;

  @ApiPropertyOptional({ enum: SEND_CHANNELS })
  @IsOptional()
  @IsIn(SEND_CHANNELS)
  channel?: SendChannel;
}

export class SendItemResponse implements SendItem {
  @ApiProperty() messageId!: string;
  @ApiProperty({ enum: SEND_CHANNELS }) channel!: SendChannel;
  @ApiProperty({ example: 'ana@example.com' }) recipient!: string;
  @ApiProperty({ example: 'invoice-issued' }) template!: string;
  @ApiProperty({ example: 'Factura F2026-000001' }) subject!: string;
  @ApiProperty({ enum: SEND_STATUSES }) status!: SendStatus;
  @ApiProperty({ description: 'Delivery attempts so far' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ example: 'InvoiceIssued', description: 'The event type that caused it' })
  source!: string;
  @ApiProperty() queuedAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a queued message is tried next' })
  nextAttemptAt!: string | null;
}

export class SendPageResponse {
  @ApiProperty({ type: [SendItemResponse] }) items!: SendItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The sends tab ("Envíos", rule 25): every e-mail and SMS the system sent the customer. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class SendsController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get(':id/sends')
  @QueryEndpoint()
  @ReadsProjections()
  @ApiHeader({
    name: 'X-Min-Position',
    required: false,
    description: 'Wait (up to 5 s, else 503) until the read models reached this log position',
  })
  @ApiOperation({
    summary:
      'The sends tab: e-mails and SMS to the customer, newest first, with status (queued, sent, failed) and attempts',
  })
  @ApiOkResponse({ type: SendPageResponse })
  @ApiNotFoundResponse({ description: 'No customer with that id' })
  async list(@Param('id', ParseUUIDPipe) id: string, @Query() query: SendListQueryDto) {
    if (!(await findCustomerFile(this.readModels, id)))
      throw new NotFoundException(`No customer ${id}`);
    return customerSends(this.readModels, id, query);
  }
}
