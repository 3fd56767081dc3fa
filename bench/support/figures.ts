import type { RunResult } from '../bench-run';

type Throughput = { requestsPerSecond: number } | undefined;

/** A load's throughput over its baseline's, to two decimals (absent if either is). */
const ratio = (load: Throughput, baseline: Throughput): number | undefined =>
  load && baseline
    ? Math.round((100 * load.requestsPerSecond) / baseline.requestsPerSecond) / 100
    : undefined;

/** The headline figures of a run, by name: what the report prints and the scaling compares. */
export function headlineFigures(run: RunResult): Record<string, number | null | undefined> {
  const append = (writers: number) => run.append?.find((a) => a.writers === writers);
  const peer = (writers: number) => run.peerEmmett?.writers.find((p) => p.writers === writers);
  return {
    'workload load, events/s':
      run.workload.reused || run.workload.notLoaded
        ? undefined
        : Math.round(run.workload.events / run.workload.seconds),
    'append 1 writer, events/s': append(1)?.eventsPerSecond,
    'append 8 writers, events/s': append(8)?.eventsPerSecond,
    'append 32 writers, events/s': append(32)?.eventsPerSecond,
    'peer 1 writer, ours / Emmett': peer(1)?.ratio,
    'peer 8 writers, ours / Emmett': peer(8)?.ratio,
    'peer 32 writers, ours / Emmett': peer(32)?.ratio,
    'POST /customers, req/s': run.http?.registerCustomer.requestsPerSecond,
    'POST /customers p99, ms': run.http?.registerCustomer.p99Ms,
    'POST /customers, ratio to bare node:http + pg': ratio(
      run.http?.registerCustomer,
      run.http?.bareRegisterCustomer,
    ),
    'POST /customers CPU per request, ms': run.http?.registerCustomer.cpuMsPerRequest,
    'subscription suspend/resume, req/s': run.http?.subscriptionStateChange.requestsPerSecond,
    'customer file p99 (50 clients), ms': run.http?.customerFile.p99Ms ?? run.customerFile?.p99Ms,
    'customer file req/s (50 clients)': run.http?.customerFile.requestsPerSecond,
    'customer file, ratio to bare node:http + pg': ratio(
      run.http?.customerFile,
      run.http?.bareCustomerFile,
    ),
    'customer file CPU per request, ms': run.http?.customerFile.cpuMsPerRequest,
    'scale-out: two APIs / one, POST /customers': run.scaleOut?.writeRatio,
    'scale-out: two APIs / one, GET /customers/:id': run.scaleOut?.readRatio,
    'rebuild, events/s': run.rebuild?.eventsPerSecond,
    'rebuild peak RSS, MB': run.rebuild?.peakRssMb,
    'cycle simulation, s per 10k customers': run.simulation?.secondsPer10kCustomers,
    'cycle simulation RSS growth, MB': run.simulation?.rssGrowthMB,
    'simulation whole answer, s per 10k customers': run.simulation?.wholeSecondsPer10kCustomers,
    'simulation whole answer RSS growth, MB': run.simulation?.wholeRssGrowthMB,
    'simulation over HTTP (NDJSON), s per 10k customers':
      run.simulationHttp?.ndjson.secondsPer10kCustomers,
    'simulation over HTTP (NDJSON), API RSS growth, MB': run.simulationHttp?.ndjson.rssGrowthMb,
    'simulation over HTTP (NDJSON), API peak RSS, MB': run.simulationHttp?.ndjson.peakRssMb,
    'simulation over HTTP (NDJSON, heap capped), API peak RSS, MB':
      run.simulationHttp?.ndjsonCapped.peakRssMb,
    'simulation over HTTP (JSON), API RSS growth, MB': run.simulationHttp?.json?.rssGrowthMb,
    'API peak RSS, MB': run.http?.apiPeakRssMb,
    'numbering a run, ms': run.numbering?.run.ms,
    'numbering a credit note, ms': run.numbering?.creditNote.ms,
    'search combined filter p50, ms': run.search?.queries[0].p50Ms,
    'search combined filter p99, ms': run.search?.queries[0].p99Ms,
    'search unfiltered page p50, ms': run.search?.baseline.p50Ms,
    'startup: CLI call (npm run -s cli), ms': run.startup?.cli.viaNpmMs,
    'startup: API healthy (npm start), ms': run.startup?.apiHealthy.viaNpmMs,
    'startup: node -e 0, ms': run.startup?.nodeMs,
    'console: slowest page kind p95, ms': run.console
      ? Math.max(...run.console.pages.map((page) => page.p95Ms))
      : undefined,
    'console: requests over 100 ms': run.console?.pages.reduce(
      (sum, page) => sum + page.over100Ms,
      0,
    ),
  };
}
