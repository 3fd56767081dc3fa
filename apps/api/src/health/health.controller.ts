import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { SqlDatabase } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { SQL_DATABASE } from '@app/application';
import { Public } from '../http/public.decorator';
import { ParkedProjectionsHealth } from './parked-projections';

/** A probe that has not answered by then counts as down: an unreachable server can hang. */
export const HEALTH_PROBE_TIMEOUT_MS = 2000;

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
    const result = await this.health
      .check([
        () =>
          this.probe('database', this.database.description, () => this.database.query('SELECT 1')),
        () =>
          this.probe('eventStore', this.eventStore.description, () =>
            this.eventStore.headPosition(),
          ),
      ])
      .catch((error: unknown) => {
        throw unavailable(error);
      });
    return this.parkedProjections.degrade(result);
  }

  private async probe(key: string, description: string, ping: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await withTimeout(ping(), HEALTH_PROBE_TIMEOUT_MS);
      return indicator.up({ description });
    } catch (error) {
      return indicator.down({ description, message: (error as Error).message });
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Terminus throws a 503 carrying its result when a probe is down: answer it in the API's
 * error shape (the filter adds `Retry-After`), naming each component that is down.
 */
function unavailable(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const result = error.getResponse() as Partial<HealthCheckResult>;
  const down = Object.entries(result.error ?? {}).map(([component, state]) => ({
    code: 'DATABASE_UNAVAILABLE',
    component,
    message: `${component} (${String(state?.description)}): ${String(state?.message ?? 'down')}`,
  }));
  const names = down.map((entry) => entry.component).join(', ') || 'a component';
  return new ServiceUnavailableException({
    message: `Unavailable: ${names} did not answer; retry shortly.`,
    details: down,
  });
}
