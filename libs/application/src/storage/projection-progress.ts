import { ServiceUnavailableException } from '@nestjs/common';
import { checkpointStore } from '@app/read-models';
import { DataSource } from 'typeorm';

/**
 * Read-your-writes for queries: `X-Min-Position` waits until every projection has applied
 * the log up to that position, or answers 503 after `timeoutMs`. Reads checkpoints from the
 * database, so it works whether projections run in this process or standalone.
 */
export class ProjectionProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projectionNames: readonly string[],
    private readonly timeoutMs = 5000,
  ) {}

  async waitFor(position: bigint | undefined): Promise<void> {
    if (position === undefined || this.projectionNames.length === 0) return;
    const deadline = Date.now() + this.timeoutMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
      const reached = await checkpointStore.reached(this.dataSource.manager, this.projectionNames);
      if (reached >= position) return;
      if (Date.now() >= deadline) {
        throw new ServiceUnavailableException(
          `The read models have not reached position ${position} yet (at ${reached}); retry shortly`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function parseMinPosition(value: string | string[] | undefined): bigint | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,19}$/.test(raw.trim())) return -1n;
  return BigInt(raw.trim());
}
