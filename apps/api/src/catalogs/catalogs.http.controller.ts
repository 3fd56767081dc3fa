import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  PipeTransform,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import {
  CommandContext,
  CommandOutcome,
  CreateCatalogEntryCommand,
  EditCatalogEntryCommand,
  READ_MODELS,
  RetireCatalogEntryCommand,
} from '@app/application';
import { CATALOG_STREAM_PREFIX, CatalogKind } from '@app/domain';
import { catalogEntryById, CatalogEntryView, listCatalogEntries } from '@app/read-models';
import { CommandEndpoint, QueryEndpoint } from '../auth/access.decorator';
import { Context } from '../infrastructure/commands/command-context';
import { AnswerRebuiltFromStream } from '../infrastructure/commands/recovered-answer';
import {
  CATALOG_PATHS,
  CatalogEntryResponse,
  CatalogListQueryDto,
  CatalogPath,
  CreateCatalogEntryDto,
  EditCatalogEntryDto,
  KIND_OF_PATH,
} from './catalog.dto';

/** `zones`, `sellers`, `collectors`, `tariffs` → the kind of its entries; any other path 404. */
class ParseCatalogPath implements PipeTransform<string, CatalogKind> {
  transform(value: string): CatalogKind {
    if (!(CATALOG_PATHS as readonly string[]).includes(value))
      throw new NotFoundException(`No catalog ${value}: one of ${CATALOG_PATHS.join(', ')}`);
    return KIND_OF_PATH[value as CatalogPath];
  }
}

const KIND_PARAM = { name: 'kind', enum: CATALOG_PATHS, example: 'zones' } as const;

/**
 * Rule 28: the catalogs customers and subscriptions choose from by id (zones, sellers,
 * collectors, tariffs). Renaming changes no history line and no invoice; a retired entry can't
 * be chosen anew.
 */
@ApiTags('catalogs')
@ApiBearerAuth()
@Controller('catalogs')
export class CatalogsController {
  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  @Post(':kind')
  @CommandEndpoint()
  @AnswerRebuiltFromStream(CATALOG_STREAM_PREFIX)
  @ApiParam(KIND_PARAM)
  @ApiOperation({
    summary: 'Create a catalog entry (a tariff with its price, VAT rate and billing mode)',
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  create(
    @Param('kind', ParseCatalogPath) kind: CatalogKind,
    @Body() body: CreateCatalogEntryDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new CreateCatalogEntryCommand(kind, uuid(), body, context));
  }

  @Patch(':kind/:id')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(CATALOG_STREAM_PREFIX)
  @ApiParam(KIND_PARAM)
  @ApiOperation({
    summary:
      "Rename an entry, or change a tariff's terms: records that chose it keep their names and prices",
  })
  @ApiOkResponse({ type: CommandOutcome })
  edit(
    @Param('kind', ParseCatalogPath) kind: CatalogKind,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditCatalogEntryDto,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new EditCatalogEntryCommand(kind, id, body, context));
  }

  @Post(':kind/:id/retire')
  @HttpCode(200)
  @CommandEndpoint()
  @AnswerRebuiltFromStream(CATALOG_STREAM_PREFIX)
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'Retire an entry: no new record may choose it' })
  @ApiOkResponse({ type: CommandOutcome })
  retire(
    @Param('kind', ParseCatalogPath) kind: CatalogKind,
    @Param('id', ParseUUIDPipe) id: string,
    @Context() context: CommandContext,
  ): Promise<CommandOutcome> {
    return this.bus.execute(new RetireCatalogEntryCommand(kind, id, {}, context));
  }

  @Get(':kind')
  @QueryEndpoint()
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'The active entries of a catalog by name (retired ones when asked)' })
  @ApiOkResponse({ type: [CatalogEntryResponse] })
  list(
    @Param('kind', ParseCatalogPath) kind: CatalogKind,
    @Query() query: CatalogListQueryDto,
  ): Promise<CatalogEntryView[]> {
    return listCatalogEntries(this.readModels, kind, { includeRetired: query.includeRetired });
  }

  @Get(':kind/:id')
  @QueryEndpoint()
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'One catalog entry' })
  @ApiOkResponse({ type: CatalogEntryResponse })
  async detail(
    @Param('kind', ParseCatalogPath) kind: CatalogKind,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CatalogEntryView> {
    const entry = await catalogEntryById(this.readModels, kind, id);
    if (!entry) throw new NotFoundException(`No ${kind} ${id}`);
    return entry;
  }
}
