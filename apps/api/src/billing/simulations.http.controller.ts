import { Readable } from 'node:stream';
import { Body, Controller, Headers, HttpCode, Inject, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { simulateFromView, simulationBatchesFromView } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandEndpoint } from '../auth/access.decorator';
import { ReadsProjections } from '../infrastructure/queries/min-position.interceptor';
import { APP_CONFIG, AppConfig, READ_MODELS } from '@app/application';
import { CycleSimulationDto } from './cycle-simulation.response.dto';
import { SimulateCyclesDto } from './simulate-cycles.request.dto';
import { simulationQueryOf } from './simulation-query';
import { NDJSON, simulationNdjson } from './simulation-ndjson';

/**
 * "Simular ciclos" (rule R12): previews the cycle in progress and the next cycles' invoices for
 * one customer or all, marks the cycles already issued, and lists the problems that would stop
 * or spoil them. Writes nothing. Read from the cycle-simulation view a batch of customers at a
 * time (`SIMULATION_BATCH_CUSTOMERS`), priced by the same function the billing run uses. With
 * `Accept: application/x-ndjson` the answer is streamed, one line per contract as each batch is
 * simulated, so the API's memory does not grow with the number of customers
 * (docs/billing-simulation.md).
 */
@ApiTags('billing')
@ApiBearerAuth()
@ApiExtraModels(CycleSimulationDto)
@Controller('billing')
export class SimulationsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('simulations')
  @HttpCode(200)
  @CommandEndpoint()
  @ReadsProjections()
  @ApiHeader({
    name: 'X-Min-Position',
    required: false,
    description: 'Simulate once the view has this position',
  })
  @ApiHeader({
    name: 'Accept',
    required: false,
    description:
      '`application/x-ndjson`: the answer streamed, one JSON line per contract ' +
      '(`{"kind":"contract", customerId, contractId, cycles, problems}`, `problems` being that ' +
      "contract's entries of the JSON answer's list), then one summary line " +
      '(`{"kind":"summary", from, cycles, contracts, problems}`: counts). A stream that ends ' +
      'without the summary line was cut short. Anything else: the JSON answer.',
  })
  @ApiOperation({ summary: 'Simulate the next 1–24 billing cycles; answers previews and problems' })
  @ApiProduces('application/json', NDJSON)
  @ApiOkResponse({
    description: 'The simulation (JSON), or its NDJSON lines with `Accept: application/x-ndjson`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CycleSimulationDto) } },
      [NDJSON]: { schema: { type: 'string', description: 'One JSON object per line' } },
    },
  })
  simulate(
    @Body() body: SimulateCyclesDto,
    @Headers('accept') accept: string | undefined,
  ): Promise<CycleSimulationDto> | StreamableFile {
    const query = simulationQueryOf(this.config, body);
    if (!accept?.includes(NDJSON)) return simulateFromView(this.readModels, query);
    const lines = simulationNdjson(simulationBatchesFromView(this.readModels, query), query);
    return new StreamableFile(Readable.from(lines, { objectMode: false }), {
      type: `${NDJSON}; charset=utf-8`,
    });
  }
}
