import type { RunResult } from '../bench-run';
import type { LatencyFigures } from '../stages/console-pages';
import { headlineFigures } from './figures';

/** One run's figures on the console, each baseline beside its figure. */
export function printRun(run: RunResult): void {
  console.log(`\n== ${run.db}, ${run.customers} customers, ${run.workload.events} events ==`);
  for (const [figure, value] of Object.entries(headlineFigures(run))) {
    if (value !== undefined && value !== null) console.log(`  ${figure.padEnd(40)} ${value}`);
  }
  for (const append of run.append ?? []) {
    console.log(
      `  append ${append.writers} writer(s): ${append.eventsPerSecond} events/s vs bare INSERT ${append.baselineInsertsPerSecond}/s (×${append.ratio})`,
    );
  }
  for (const peer of run.peerEmmett?.writers ?? []) {
    const rate = (side: keyof typeof peer.sides) => peer.sides[side].eventsPerSecond;
    console.log(
      `  peer ${peer.writers} writer(s): ours ${rate('ours-service')}/s, bare log ${rate('ours-bare')}/s, Emmett ${rate('emmett')}/s, bare INSERT ${rate('bare-insert')}/s: ours/Emmett ×${peer.ratio}, bare log/Emmett ×${peer.bareLogRatio}`,
    );
  }
  if (run.scaleOut) {
    const { one, two, cores, rounds } = run.scaleOut;
    console.log(
      `  scale-out (one projection process; ${cores} cores shared with PostgreSQL and the load; mean of ${rounds} rounds):`,
    );
    for (const side of [one, two])
      console.log(
        `    ${side.apis} API(s): POST /customers ${side.registerCustomer.requestsPerSecond} req/s (p99 ${side.registerCustomer.p99Ms} ms; CPU per request: APIs ${side.registerCustomer.apiCpuMsPerRequest} ms, runner ${side.registerCustomer.runnerCpuMsPerRequest} ms), GET /customers/:id ${side.customerFile.requestsPerSecond} req/s (p99 ${side.customerFile.p99Ms} ms; CPU per request: APIs ${side.customerFile.apiCpuMsPerRequest} ms, runner ${side.customerFile.runnerCpuMsPerRequest} ms), runner caught up ${side.projectionCatchUpMs} ms after the writes`,
      );
  }
  if (run.rebuild) {
    const r = run.rebuild;
    console.log(
      `  rebuild: ${r.eventsPerSecond} events/s vs bare multi-row INSERT ${r.baselineEventsPerSecond} events/s (×${r.ratio})`,
    );
    console.log(
      `  rebuild: ${r.eventsPerSecond} events/s vs bare COPY ${r.copyBaselineEventsPerSecond} events/s (×${r.copyRatio})`,
    );
    if (r.perEvent)
      console.log(
        `  rebuild event by event (before batching): ${r.perEvent.eventsPerSecond} events/s`,
      );
  }
  if (run.numbering) {
    const { run: series, creditNote } = run.numbering;
    console.log(
      `  numbering a run of ${series.runInvoices} invoices in a series of ${series.seriesNumbers}: ${series.ms} ms vs Set lookup ${series.baselineMs} ms`,
    );
    console.log(
      `  numbering a credit note after ${creditNote.allocations} in its series: ${creditNote.ms} ms vs array of ids ${creditNote.baselineMs} ms`,
    );
  }
  if (run.search) {
    const { search } = run;
    console.log(
      `  search at ${search.customers} customers (${search.subscriptions} subscriptions, ${search.invoices} invoices, loaded in ${search.loadSeconds} s):`,
    );
    console.log(
      `    baseline, the unfiltered first page: p50 ${search.baseline.p50Ms} ms, p99 ${search.baseline.p99Ms} ms; a customer file by id: p50 ${search.primaryKeyRead.p50Ms} ms, p99 ${search.primaryKeyRead.p99Ms} ms`,
    );
    for (const query of search.queries)
      console.log(
        `    ${query.name} (${query.matches} match): p50 ${query.p50Ms} ms, p99 ${query.p99Ms} ms (×${query.ratio} the baseline's p50)`,
      );
  }
  if (run.startup) {
    const { cli, apiHealthy, nodeMs, buildCheckMs, targets, runs } = run.startup;
    const met = (ms: number, target: number) => (ms <= target ? 'met' : 'NOT met');
    console.log(
      `  startup (median of ${runs}; node -e 0 ${nodeMs} ms, build check ${buildCheckMs} ms):`,
    );
    console.log(
      `    CLI call: npm run -s cli ${cli.viaNpmMs} ms (×${cli.viaNpmRatio} node -e 0; ≤ ${targets.cliMs} ms ${met(cli.viaNpmMs, targets.cliMs)}), node dist/… ${cli.directMs} ms (×${cli.directRatio})`,
    );
    console.log(
      `    API healthy: npm start ${apiHealthy.viaNpmMs} ms (×${apiHealthy.viaNpmRatio}; ≤ ${targets.apiHealthyMs} ms ${met(apiHealthy.viaNpmMs, targets.apiHealthyMs)}), node dist/… ${apiHealthy.directMs} ms (×${apiHealthy.directRatio})`,
    );
  }
  if (run.console) printConsole(run.console);
  const http = run.http;
  if (http) {
    for (const [name, f] of Object.entries({
      'POST /customers': http.registerCustomer,
      'POST /customers, bare node:http + pg, the same rows (baseline)': http.bareRegisterCustomer,
      'suspend/resume': http.subscriptionStateChange,
      'GET /customers/:id': http.customerFile,
      'GET /customers/:id, bare node:http + pg (baseline)': http.bareCustomerFile,
    })) {
      const cpu = 'cpuMsPerRequest' in f ? `, CPU ${f.cpuMsPerRequest} ms per request` : '';
      console.log(
        `  ${name}: ${f.requestsPerSecond} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}, errors ${f.errors}${cpu}`,
      );
    }
  }
}

function printConsole(figures: NonNullable<RunResult['console']>): void {
  const line = (name: string, f: LatencyFigures, ratios = '') =>
    console.log(
      `    ${name.padEnd(52)} ${f.requests}× median ${f.medianMs} ms, p95 ${f.p95Ms}, p99 ${f.p99Ms}, max ${f.maxMs}, >100 ms ${f.over100Ms}${ratios}, CPU ${f.cpuMsPerRequest} ms`,
    );
  console.log(
    `  console pages (${figures.customers} customers, one request at a time, ${figures.seconds} s):`,
  );
  line('bare node:http + pg GET /api/customers/:id (baseline)', figures.baseline);
  line('the API: GET /api/health', figures.apiHealth);
  line('the API: GET /api/customers/:id (JSON)', figures.apiCustomerFile);
  for (const page of figures.pages)
    line(page.kind, page, ` (×${page.medianRatio} / ×${page.p95Ratio} the baseline's)`);
  for (const skip of figures.skipped) console.log(`    not timed: ${skip.url} (${skip.reason})`);
  for (const [kind, count] of Object.entries(figures.failuresByKind))
    console.log(`    FAILED ${count}×: ${kind}`);
  for (const failure of figures.failures.slice(0, 10))
    console.log(`    ${failure.status} ${failure.url}: ${failure.message}`);
}
