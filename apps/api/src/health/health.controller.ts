import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { SQL_DATABASE } from '../infrastructure/tokens';
import { Public } from '../http/public.decorator';
import { ParkedProjectionsHealth } from './parked-projections';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(SQL_DATABASE) private readonly database: SqlDatabase,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly parkedProjections: ParkedProjectionsHealth,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Liveness and readiness: the read-model database and the event store; degraded (200) when projections parked events',
  })
  async check() {
    const result = await this.health.check([
      () =>
        this.probe('database', this.database.description, () => this.database.query('SELECT 1')),
      () =>
        this.probe('eventStore', this.eventStore.description, () => this.eventStore.headPosition()),
    ]);
    return this.parkedProjections.degrade(result);
  }

  private async probe(key: string, description: string, ping: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await ping();
      return indicator.up({ description });
    } catch (error) {
      return indicator.down({ description, message: (error as Error).message });
    }
  }
}
