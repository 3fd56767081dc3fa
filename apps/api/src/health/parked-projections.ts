import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckResult } from '@nestjs/terminus';
import { parkedEvents } from '@app/read-models';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';

/** What `/health` answers when projections have parked events: still 200, but degraded. */
export type DegradedHealth = Omit<HealthCheckResult, 'status'> & { status: 'degraded' };

/**
 * Projections that parked events they could not apply keep serving every other row, so the
 * service is up (200) but degraded: `/health` names them under `error.projections` (and
 * `details`), with how many events each parked and where to look. A healthy answer is left as
 * it was.
 */
@Injectable()
export class ParkedProjectionsHealth {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  async degrade(result: HealthCheckResult): Promise<HealthCheckResult | DegradedHealth> {
    const parked = await parkedEvents.countByProjection(this.readModels.manager);
    if (parked.size === 0) return result;
    const projections = {
      status: 'degraded',
      parked: Object.fromEntries(parked),
      message: `Projections with parked events: ${[...parked.keys()].join(', ')} (GET /api/audit/projection-failures; npm run -s cli -- replay-parked after a fix)`,
    };
    return {
      ...result,
      status: 'degraded',
      error: { ...result.error, projections },
      details: { ...result.details, projections },
    } as DegradedHealth;
  }
}
