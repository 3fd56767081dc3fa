import { findCustomerFile } from '@app/read-models';
import { DataSource } from 'typeorm';
import { percentile, round, runConcurrently, timed } from '../support/measure';

export interface QueryFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The customer file query called directly by 50 concurrent clients: for PGlite, which one
 * process owns (no API process can share an in-memory database).
 */
export async function customerFileInProcess(
  readModels: DataSource,
  customerIds: readonly string[],
  requests: number,
): Promise<QueryFigures> {
  const { result: latencies, seconds } = await timed(() =>
    runConcurrently(requests, 50, async (index) => {
      const file = await findCustomerFile(readModels, customerIds[index % customerIds.length]);
      if (file === null) throw new Error('a workload customer has no customer file');
    }),
  );
  return {
    requests,
    requestsPerSecond: round(requests / seconds, 0),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
