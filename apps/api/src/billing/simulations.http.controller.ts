import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { dateInZone, DEFAULT_VAT_RATE_PERCENT } from '@app/domain';
import { simulateFromView } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandEndpoint } from '../auth/access.decorator';
import { ReadsProjections } from '../infrastructure/queries/min-position.interceptor';
import { APP_CONFIG, AppConfig, DEFAULT_ISSUER_ID, READ_MODELS } from '@app/application';
import { CycleSimulationDto } from './cycle-simulation.response.dto';
import { SimulateCyclesDto } from './simulate-cycles.request.dto';

/**
 * "Simular ciclos" (rule R12): previews the cycle in progress and the next cycles' invoices for
 * one customer or all, marks the cycles already issued, and lists the problems that would stop
 * or spoil them. Writes nothing. One pass over the
 * cycle-simulation view, priced by the same function the billing run uses.
 */
@ApiTags('billing')
@ApiBearerAuth()
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
  @ApiOperation({ summary: 'Simulate the next 1–24 billing cycles; answers previews and problems' })
  @ApiOkResponse({ type: CycleSimulationDto })
  simulate(@Body() body: SimulateCyclesDto): Promise<CycleSimulationDto> {
    return simulateFromView(this.readModels, {
      customerIds: body.customerIds,
      from: body.from ?? dateInZone(new Date().toISOString()),
      cycles: body.cycles ?? 1,
      vatDefault: body.vatDefault ?? DEFAULT_VAT_RATE_PERCENT,
      billSuspendedForDebt: this.config.BILL_SUSPENDED_FOR_DEBT,
      defaultIssuerId: DEFAULT_ISSUER_ID,
    });
  }
}
