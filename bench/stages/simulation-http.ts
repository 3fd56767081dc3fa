import { BENCH_API_KEY, startApiProcess } from '../support/api-process';
import { peakRssOfProcess, round, rssOfProcess } from '../support/measure';

/** One `POST /billing/simulations` for every customer, in a fresh API process. */
export interface SimulationAnswerFigures {
  answer: 'ndjson' | 'json';
  seconds: number;
  secondsPer10kCustomers: number;
  /** Contracts in the answer (NDJSON: contract lines, the summary line checked). */
  contracts: number;
  bytes: number;
  /** The API's resident set once healthy, before the request. */
  rssBeforeMb: number | null;
  /** The API's peak resident set (VmHWM) at the end of the answer, start-up included. */
  peakRssMb: number | null;
  /** The highest resident set sampled while the answer ran, less the level before it. */
  rssGrowthMb: number | null;
}

export interface SimulationHttpFigures {
  customers: number;
  cycles: number;
  ndjson: SimulationAnswerFigures;
  /**
   * The NDJSON answer again, in an API whose V8 heap is capped (`--max-old-space-size`): that
   * it completes shows the live set bounded, whatever garbage the uncapped process keeps.
   */
  ndjsonCapped: SimulationAnswerFigures & { heapCapMb: number };
  /** The JSON answer, built whole in memory: up to `JSON_ANSWER_MAX_CUSTOMERS` only. */
  json?: SimulationAnswerFigures;
}

/** Above this, the JSON answer (every contract's cycles in one document) is not measured. */
export const JSON_ANSWER_MAX_CUSTOMERS = 10_000;

/** The API's V8 heap cap for the capped NDJSON run, MB. */
export const HEAP_CAP_MB = 160;

/**
 * Issue 23, item 4: the API's memory while it answers a 12-cycle simulation of every customer,
 * streamed (NDJSON) and, at sizes where it fits, whole (JSON) — each in an API process of its
 * own, so its peak is that answer's.
 */
export async function simulationHttpStage(
  databaseUrl: string,
  customers: number,
  from: string,
): Promise<SimulationHttpFigures> {
  const cycles = 12;
  const ndjson = await measureAnswer(databaseUrl, customers, { from, cycles }, 'ndjson');
  const capped = await measureAnswer(databaseUrl, customers, { from, cycles }, 'ndjson', {
    NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}`,
  });
  const json =
    customers <= JSON_ANSWER_MAX_CUSTOMERS
      ? await measureAnswer(databaseUrl, customers, { from, cycles }, 'json')
      : undefined;
  const ndjsonCapped = { ...capped, heapCapMb: HEAP_CAP_MB };
  return { customers, cycles, ndjson, ndjsonCapped, ...(json ? { json } : {}) };
}

async function measureAnswer(
  databaseUrl: string,
  customers: number,
  body: { from: string; cycles: number },
  answer: 'ndjson' | 'json',
  env: Record<string, string> = {},
): Promise<SimulationAnswerFigures> {
  const api = await startApiProcess(databaseUrl, 3990 + Math.floor(Math.random() * 9), env);
  try {
    const rssBeforeMb = rssOfProcess(api.pid);
    let highest = rssBeforeMb ?? 0;
    const sampler = setInterval(
      () => (highest = Math.max(highest, rssOfProcess(api.pid) ?? 0)),
      100,
    );
    const started = performance.now();
    let counted: { contracts: number; bytes: number };
    try {
      const response = await fetch(`${api.url}/billing/simulations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${BENCH_API_KEY}`,
          'content-type': 'application/json',
          accept: answer === 'ndjson' ? 'application/x-ndjson' : 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (!response.ok || !response.body)
        throw new Error(`simulation answered ${response.status}: ${await response.text()}`);
      counted = answer === 'ndjson' ? await countLines(response.body) : await countJson(response);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      answer,
      seconds: round(seconds, 2),
      secondsPer10kCustomers: round((seconds * 10_000) / customers, 2),
      ...counted,
      rssBeforeMb,
      peakRssMb: peakRssOfProcess(api.pid),
      rssGrowthMb: rssBeforeMb === null ? null : round(highest - rssBeforeMb, 1),
    };
  } finally {
    await api.stop();
  }
}

/** Reads the NDJSON answer line by line, holding one line at a time; checks the summary. */
async function countLines(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let pending = '';
  let bytes = 0;
  let contracts = 0;
  let summary: { contracts: number } | undefined;
  const take = (line: string) => {
    if (!line) return;
    const parsed = JSON.parse(line) as { kind: string; contracts?: number };
    if (parsed.kind === 'contract') contracts++;
    else if (parsed.kind === 'summary') summary = { contracts: parsed.contracts ?? -1 };
  };
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(take);
  }
  take(pending);
  if (!summary) throw new Error('the NDJSON answer ended without its summary line');
  if (summary.contracts !== contracts)
    throw new Error(`the summary counts ${summary.contracts} contracts, the lines ${contracts}`);
  return { contracts, bytes };
}

async function countJson(response: Response) {
  const text = await response.text();
  const parsed = JSON.parse(text) as { contracts: unknown[] };
  return { contracts: parsed.contracts.length, bytes: Buffer.byteLength(text) };
}
