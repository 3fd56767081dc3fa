import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, READ_MODELS } from '@app/application';
import { findCustomerFile, simulateFromView } from '@app/read-models';
import { CommandEndpoint } from '../auth/access.decorator';
import { simulationQueryOf } from '../billing/simulation-query';
import { Public } from '../http/public.decorator';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRequest, frameOf } from './console-request';
import { ConsoleSessionGuard } from './console-session.guard';
import { ConsoleViews } from './console-views';
import { jsonForScriptElement, simulatedPeriods, simulationChartData } from './simulation-periods';

/** The cycles the customer's chart shows: the next year of monthly billing. */
export const CHART_CYCLES = 12;

/**
 * "Simular ciclos" for one customer as a chart: the API's simulation (`POST
 * /billing/simulations` with this customer, 12 cycles from today, the default VAT and issuer),
 * its previewed totals by period as bars and as a table, and the problems it lists. Admins and
 * operators, as the API's endpoint.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console/customers')
export class ConsoleSimulationController {
  constructor(
    private readonly views: ConsoleViews,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/simulation')
  @CommandEndpoint()
  async simulation(@Req() request: ConsoleRequest, @Param('id', ParseUUIDPipe) id: string) {
    const file = await findCustomerFile(this.readModels, id);
    if (!file) throw new NotFoundException(`No customer ${id}`);
    const query = simulationQueryOf(this.config, { customerIds: [id], cycles: CHART_CYCLES });
    const simulation = await simulateFromView(this.readModels, query);
    const periods = simulatedPeriods(simulation);
    const frame = frameOf(request);
    const t = this.views.messages(frame.lang).operations;
    return this.views.page('@simulation', frame, `${t.cycleSimulation} · ${file.displayName}`, {
      id,
      displayName: file.displayName,
      simulation,
      vatDefault: query.vatDefault,
      periods,
      chartJson: jsonForScriptElement(simulationChartData(periods, t.previewedTotal)),
    });
  }
}
