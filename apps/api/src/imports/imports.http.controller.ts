import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommandContext,
  CustomerImportQuery,
  CustomerImportView,
  ImportCustomersCommand,
} from '@app/application';
import { CustomerImportFileError } from '@app/domain';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { CustomerImportViewDto } from './customer-import.response.dto';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly imports: CustomerImportQuery,
  ) {}

  @Post('customers')
  @HttpCode(202)
  @CommandEndpoint()
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'The customer export of the system being replaced (GET /customers/export.csv, default or excel-es), optionally with contract and subscription columns (docs/imports.md)',
    schema: {
      type: 'string',
      example:
        'name,email,document,contract signed on,iban,tariff,monthly price,active since\r\nFibra Norte SL,info@fibranorte.example,CIF B12345674,2024-03-01,ES9121000418450200051332,Fibra 600 Mb,35.00,2024-03-15\r\n',
    },
  })
  @ApiOperation({
    summary:
      'Import customers (with their contract and subscription and past dates) as a background job; the same file twice imports once',
  })
  @ApiAcceptedResponse({ type: CustomerImportViewDto })
  async importCustomers(
    @Body() body: unknown,
    @Context() context: CommandContext,
  ): Promise<CustomerImportView> {
    if (typeof body !== 'string' || body.length === 0)
      throw new BadRequestException({
        message: 'Send the CSV file as the body, with Content-Type text/csv.',
        details: [{ field: 'body', code: 'INVALID_INPUT', message: 'a CSV file is required' }],
      });
    try {
      return await this.bus.execute(new ImportCustomersCommand(body, context));
    } catch (error) {
      if (!(error instanceof CustomerImportFileError)) throw error;
      throw new BadRequestException({
        message: error.message,
        details: [{ field: 'body', code: 'INVALID_INPUT', message: error.message }],
      });
    }
  }

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({
    summary:
      'An import: its progress (done / total), the customers written and each rejected row with its reasons',
  })
  @ApiOkResponse({ type: CustomerImportViewDto })
  find(@Param('id', ParseUUIDPipe) id: string): Promise<CustomerImportView> {
    return this.imports.find(id);
  }
}
