import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  customerHistory,
  exportCustomersCsv,
  exportCustomersExcelEs,
  findCustomerFile,
  searchCustomers,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { QueryEndpoint } from '../../auth/access.decorator';
import { READ_MODELS } from '@app/application';
import { CustomerExportQueryDto, CustomerListQueryDto, PagingDto } from './customer-list.query.dto';

const MIN_POSITION = {
  name: 'X-Min-Position',
  required: false,
  description: 'Wait (up to 5 s, else 503) until the read models reached this log position',
};

/** The customer read models: list and search, CSV export, the customer file, the history tab. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiHeader(MIN_POSITION)
@Controller('customers')
export class CustomerQueriesController {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  @Get()
  @QueryEndpoint()
  @ApiOperation({ summary: 'List and search customers' })
  list(@Query() query: CustomerListQueryDto) {
    return searchCustomers(this.readModels, query);
  }

  @Get('export.csv')
  @QueryEndpoint()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="customers.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      "Export customers as CSV (rule R16), with the list's filters; `format=excel-es` for Spanish Excel",
  })
  export(@Query() { format, ...filters }: CustomerExportQueryDto) {
    return format === 'excel-es'
      ? exportCustomersExcelEs(this.readModels, filters)
      : exportCustomersCsv(this.readModels, filters);
  }

  @Get(':id')
  @QueryEndpoint()
  @ApiOperation({
    summary: 'The customer file: profile, billing, tab counters, balances, warnings',
  })
  async file(@Param('id', ParseUUIDPipe) id: string) {
    const file = await findCustomerFile(this.readModels, id);
    if (!file) throw new NotFoundException(`No customer ${id}`);
    return file;
  }

  @Get(':id/history')
  @QueryEndpoint()
  @ApiOperation({ summary: 'The history tab (rule R13): newest first, field-level before/after' })
  async history(@Param('id', ParseUUIDPipe) id: string, @Query() paging: PagingDto) {
    if (!(await findCustomerFile(this.readModels, id))) {
      throw new NotFoundException(`No customer ${id}`);
    }
    return customerHistory(this.readModels, id, paging);
  }
}
