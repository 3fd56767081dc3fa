import autocannon from 'autocannon';
import { BENCH_API_KEY } from '../support/api-process';

export interface HttpFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers outside 2xx; a run with any is not a valid measurement. */
  non2xx: number;
  errors: number;
}

type Request = NonNullable<autocannon.Options['requests']>[number];

/** One autocannon run over loopback; `requests` are replayed in turn on each connection. */
export async function loadHttp(
  url: string,
  connections: number,
  seconds: number,
  requests: Request[],
): Promise<HttpFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
    requests,
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
