import { DEFAULT_WORKLOAD } from '../workload/workload-options';
import { SeededRandom } from '../workload/seeded-random';
import { BENCH_API_KEY, startApiProcess } from '../support/api-process';
import { cpuMsOfProcess, percentile, round } from '../support/measure';
import { startBareApiServer } from './bare-api';

/** The latency of one kind of page (or baseline), requests made one at a time. */
export interface LatencyFigures {
  requests: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests that took more than 100 ms (issue 24's bound for a console page). */
  over100Ms: number;
  /** CPU the serving process spent per request, ms (ticks of 10 ms summed over the kind). */
  cpuMsPerRequest: number | null;
}

export interface ConsolePageFigures extends LatencyFigures {
  /** `customer file`, `tab contracts`, `timeline`, or the link's path with ids as `:id`. */
  kind: string;
  /** One URL of the kind, as measured. */
  example: string;
  /** The median over the baseline's median, the p95 over the baseline's p95. */
  medianRatio: number;
  p95Ratio: number;
}

export interface ConsoleFailure {
  url: string;
  status: number;
  /** The page's message (its first `<p>`), or the start of the body. */
  message: string;
}

export interface ConsoleFigures {
  /** Customers sampled (the workload's seeded generator) and every page of each timed. */
  customers: number;
  seconds: number;
  /** What the pages linked to, found by reading them (nothing hard-coded but the login). */
  discovered: {
    /** The layout nav's links, and one link of each kind their pages show (not customers). */
    globalPages: string[];
    globalLinks: string[];
    tabs: string[];
    customerLinks: string[];
  };
  pages: ConsolePageFigures[];
  /**
   * The ratios' denominator: the bare `node:http` + `pg` server's `GET /api/customers/:id` (the
   * HTTP stage's baseline), in its own process, each request between the console's.
   */
  baseline: LatencyFigures;
  /** Floors of the same API process: `GET /api/health` and the JSON customer file. */
  apiHealth: LatencyFigures;
  apiCustomerFile: LatencyFigures;
  /** Answers other than 200 or a redirect (the pages' figures leave them out): the first ones. */
  failures: ConsoleFailure[];
  failuresByKind: Record<string, number>;
  /** Links not timed, with why (a PDF, an XML file, not HTML). */
  skipped: { kind: string; url: string; reason: string }[];
}

export interface ConsoleStageOptions {
  /** How many customers to sample (every customer when it is the workload's size). */
  sample: number;
  log(message: string): void;
}

/** Customers walked untimed first (outside the sample): JIT, the pools' connections, caches. */
const WARM_UP_CUSTOMERS = 3;
/** Failures listed in the figures (`failuresByKind` counts them all). */
const MAX_FAILURES = 200;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Links that are not console pages, or not pages to click through (files, sign-out, assets). */
const NOT_A_PAGE =
  /^\/console\/(login|logout|assets)(\/|\?|$)|\.(pdf|xml|csv|zip|json)(\?|$)|\/(pdf|xml|download)(\/|\?|$)/i;

/**
 * Issue 24: every console page at the workload's size, as an operator clicks through it — one
 * request at a time, over one keep-alive client, after one login. For each sampled customer:
 * the global pages the layout's nav links to, the customer file, a search for the customer's
 * name, every tab the file's tab nav links to (the htmx fragment and the whole page), and every
 * other `/console/` link of the file and its tabs (one per kind) that answers HTML.
 */
export async function consoleStage(
  databaseUrl: string,
  customerIds: readonly string[],
  options: ConsoleStageOptions,
): Promise<ConsoleFigures> {
  const started = performance.now();
  const { sample, warmUp } = sampleCustomers(customerIds, options.sample);
  const api = await startApiProcess(databaseUrl, 3900 + Math.floor(Math.random() * 90));
  try {
    const bare = await startBareApiServer(databaseUrl);
    try {
      const origin = api.url.replace(/\/api$/, '');
      const walker = new ConsoleWalker(origin, api.pid, bare.url, bare.pid);
      await walker.login();
      walker.timing = false;
      for (const id of warmUp) await walker.walkCustomer(id);
      walker.timing = true;
      for (const [index, id] of sample.entries()) {
        await walker.walkCustomer(id);
        if ((index + 1) % 10 === 0)
          options.log(`  console: ${index + 1}/${sample.length} customers`);
      }
      return walker.figures(sample.length, (performance.now() - started) / 1000);
    } finally {
      await bare.stop();
    }
  } finally {
    await api.stop();
  }
}

/** `count` distinct customers drawn by the workload's generator (its seed), and the warm-up's. */
function sampleCustomers(customerIds: readonly string[], count: number) {
  const random = new SeededRandom(DEFAULT_WORKLOAD.seed);
  const shuffled = [...customerIds];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const sample = shuffled.slice(0, Math.min(count, shuffled.length));
  const rest = shuffled.slice(sample.length);
  // With every customer sampled, the warm-up walks the first ones once more.
  return { sample, warmUp: (rest.length > 0 ? rest : sample).slice(0, WARM_UP_CUSTOMERS) };
}

interface Sample {
  ms: number;
  cpuMs: number | null;
}

interface Answer {
  status: number;
  location?: string;
  contentType: string;
  body: string;
}

class ConsoleWalker {
  /** Off during the warm-up: answers are checked, nothing recorded. */
  timing = true;
  private cookie = '';
  private readonly samples = new Map<string, { example: string; samples: Sample[] }>();
  private readonly baselines = {
    bare: [] as Sample[],
    apiHealth: [] as Sample[],
    apiCustomerFile: [] as Sample[],
  };
  private readonly failures: ConsoleFailure[] = [];
  private readonly failuresByKind: Record<string, number> = {};
  private readonly skipped = new Map<string, { url: string; reason: string }>();
  private readonly globalPages = new Set<string>();
  private readonly tabs = new Set<string>();
  private readonly customerLinks = new Set<string>();
  private readonly globalLinks = new Set<string>();

  constructor(
    private readonly origin: string,
    private readonly apiPid: number,
    private readonly bareUrl: string,
    private readonly barePid: number,
  ) {}

  /** `POST /console/login` as the login form does, from the console's own origin. */
  async login(): Promise<void> {
    const response = await fetch(`${this.origin}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ apiKey: BENCH_API_KEY }).toString(),
    });
    await response.text();
    const session = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('console_session='));
    if (response.status !== 303 || !session)
      throw new Error(`the console login answered ${response.status} with no session cookie`);
    this.cookie = session.split(';')[0];
  }

  async walkCustomer(id: string): Promise<void> {
    // The customer list first: the layout's nav names the global pages.
    const list = await this.page('customer list', '/console/customers');
    for (const link of list ? headerLinks(list.body) : []) this.globalPages.add(link);
    // Each global page, then one link of each kind its own page shows (a remittance, a day of
    // the calendar); links to customers are left to the customer's walk below.
    const followed = new Map<string, string>();
    for (const link of [...this.globalPages].filter((link) => link !== '/console/customers')) {
      const global = await this.page(kindOf(link, id), link);
      for (const inner of global ? mainLinks(global.body) : []) {
        const kind = kindOf(inner, id);
        if (!/^\/console\/customers(\/|\?|$)/.test(inner) && !this.globalPages.has(inner))
          if (!followed.has(kind)) followed.set(kind, inner);
      }
    }
    for (const [kind, link] of followed) {
      this.globalLinks.add(kind);
      await this.page(kind, link);
    }
    await this.baselineRequests(id);

    const file = await this.page('customer file', `/console/customers/${id}`);
    if (!file) return;
    const name = decodeEntities(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(file.body)?.[1] ?? '').trim();
    if (name)
      await this.page(
        'customer search ?q=<name>',
        `/console/customers?q=${encodeURIComponent(name)}`,
      );

    const links = mainLinks(file.body);
    const tabLinks = links.filter((link) => link.startsWith(`/console/customers/${id}/tabs/`));
    const others = new Map<string, string>();
    for (const tabLink of tabLinks) {
      const tab = tabLink.slice(`/console/customers/${id}/tabs/`.length).split(/[?#]/)[0];
      this.tabs.add(tab);
      const fragment = await this.page(`tab ${tab} (htmx fragment)`, tabLink, { htmx: true });
      for (const link of fragment ? mainLinks(fragment.body) : [])
        if (!others.has(kindOf(link, id))) others.set(kindOf(link, id), link);
    }
    for (const link of links)
      if (!tabLinks.includes(link) && !others.has(kindOf(link, id)))
        others.set(kindOf(link, id), link);
    for (const [kind, link] of others) {
      if (kind === 'customer file' || kind.startsWith('tab ')) continue;
      this.customerLinks.add(kind);
      await this.page(kind, link);
    }
  }

  /** The baselines, between the pages, so a drift of the shared machine moves both alike. */
  private async baselineRequests(id: string): Promise<void> {
    for (let round = 0; round < 2; round++) {
      await this.time(this.baselines.bare, this.barePid, `${this.bareUrl}/api/customers/${id}`);
      await this.time(this.baselines.apiHealth, this.apiPid, `${this.origin}/api/health`);
    }
    await this.time(
      this.baselines.apiCustomerFile,
      this.apiPid,
      `${this.origin}/api/customers/${id}`,
      {
        authorization: `Bearer ${BENCH_API_KEY}`,
      },
    );
  }

  private async time(
    into: Sample[],
    pid: number,
    url: string,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const { answer, sample } = await this.request(url, headers, pid);
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body}`);
    if (this.timing) into.push(sample);
  }

  private async request(url: string, headers: Record<string, string>, pid: number) {
    const cpuBefore = cpuMsOfProcess(pid);
    const started = performance.now();
    const response = await fetch(url, { redirect: 'manual', headers });
    const body = await response.text();
    const ms = performance.now() - started;
    const cpuAfter = cpuMsOfProcess(pid);
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const answer: Answer = {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      contentType: response.headers.get('content-type') ?? '',
      body,
    };
    return { answer, sample: { ms, cpuMs } };
  }

  /** One console page, timed; its answer if it is an HTML page (200), else recorded as such. */
  private async page(
    kind: string,
    path: string,
    { htmx = false }: { htmx?: boolean } = {},
  ): Promise<Answer | undefined> {
    if (this.skipped.has(kind)) return undefined;
    if (NOT_A_PAGE.test(path)) {
      this.skipped.set(kind, { url: path, reason: 'a file or sign-out, not a page' });
      return undefined;
    }
    const headers: Record<string, string> = { cookie: this.cookie, 'accept-language': 'es' };
    if (htmx) headers['hx-request'] = 'true';
    const { answer, sample } = await this.request(`${this.origin}${path}`, headers, this.apiPid);
    if (answer.status >= 300 && answer.status < 400) {
      const target = answer.location ?? '?';
      this.skipped.set(kind, { url: path, reason: `redirects (${answer.status}) to ${target}` });
      return undefined;
    }
    if (answer.status !== 200) {
      const message = decodeEntities(/<p[^>]*>([\s\S]*?)<\/p>/.exec(answer.body)?.[1] ?? '');
      this.failuresByKind[kind] = (this.failuresByKind[kind] ?? 0) + 1;
      if (this.failures.length < MAX_FAILURES)
        this.failures.push({
          url: path,
          status: answer.status,
          message: (message || answer.body).slice(0, 300),
        });
      return undefined;
    }
    if (!answer.contentType.startsWith('text/html')) {
      this.skipped.set(kind, { url: path, reason: `answers ${answer.contentType}` });
      this.samples.delete(kind);
      return undefined;
    }
    if (this.timing) {
      const entry = this.samples.get(kind) ?? { example: path, samples: [] };
      entry.samples.push(sample);
      this.samples.set(kind, entry);
    }
    return answer;
  }

  figures(customers: number, seconds: number): ConsoleFigures {
    const baseline = latency(this.baselines.bare);
    const pages = [...this.samples].map(([kind, { example, samples }]) => {
      const figures = latency(samples);
      return {
        kind,
        example,
        ...figures,
        medianRatio: round(figures.medianMs / baseline.medianMs, 1),
        p95Ratio: round(figures.p95Ms / baseline.p95Ms, 1),
      };
    });
    return {
      customers,
      seconds: round(seconds, 1),
      discovered: {
        globalPages: [...this.globalPages],
        globalLinks: [...this.globalLinks],
        tabs: [...this.tabs],
        customerLinks: [...this.customerLinks],
      },
      pages,
      baseline,
      apiHealth: latency(this.baselines.apiHealth),
      apiCustomerFile: latency(this.baselines.apiCustomerFile),
      failures: this.failures,
      failuresByKind: this.failuresByKind,
      skipped: [...this.skipped].map(([kind, skip]) => ({ kind, ...skip })),
    };
  }
}

function latency(samples: readonly Sample[]): LatencyFigures {
  const ms = samples.map((sample) => sample.ms);
  const cpu = samples.map((sample) => sample.cpuMs);
  const cpuMsPerRequest = cpu.some((value) => value === null)
    ? null
    : round(cpu.reduce((sum: number, value) => sum + (value ?? 0), 0) / Math.max(1, cpu.length), 1);
  return {
    requests: ms.length,
    medianMs: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
    p99Ms: round(percentile(ms, 99), 1),
    maxMs: round(Math.max(...ms), 1),
    over100Ms: ms.filter((value) => value > 100).length,
    cpuMsPerRequest,
  };
}

/** A link's kind: its path with the customer's id as `:id`, other ids and numbers generalised. */
function kindOf(link: string, customerId: string): string {
  const kind = link
    .replaceAll(customerId, ':id')
    .replace(UUID, ':uuid')
    .replace(/\d{4}-\d{2}(-\d{2})?/g, ':date')
    .replace(/(^|[/=])\d+(?=$|[/&?#])/g, '$1:n');
  if (kind === '/console/customers/:id') return 'customer file';
  if (kind === '/console/customers/:id/timeline') return 'timeline';
  const tab = /^\/console\/customers\/:id\?tab=([\w-]+)$/.exec(kind);
  if (tab) return `customer file ?tab=${tab[1]} (whole page)`;
  return kind;
}

/** `/console/` links (`href`, `hx-get`) of a fragment of HTML, entities decoded, in order. */
function consoleLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"|\shx-get="([^"]*)"/gi)) {
    const link = decodeEntities(match[1] ?? match[2]);
    if (link.startsWith('/console/') && !links.includes(link)) links.push(link);
  }
  return links;
}

/** The layout's nav: the global pages (the header, outside the page's `<main>`). */
const headerLinks = (html: string) =>
  consoleLinks(/<header[^>]*>([\s\S]*?)<\/header>/i.exec(html)?.[1] ?? '');

/** The page's own links (inside `<main>`, or the whole fragment when there is none). */
const mainLinks = (html: string) =>
  consoleLinks(/<main[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? html);

function decodeEntities(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
