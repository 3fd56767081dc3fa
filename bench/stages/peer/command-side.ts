import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** An event as the peer database's copies hold it: plain data, at its current schema version. */
export interface PlainEvent {
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** One line of the streams file: a customer's stream, its events in order. */
export interface StreamLine {
  stream: string;
  events: PlainEvent[];
}

/** Every side's pool size: what the bench's own storage opens. */
export const POOL_CONNECTIONS = 40;

export interface AppendedEvents {
  events: number;
  /** Data and metadata of one event as the side stores them; null before any was appended. */
  bytes: number | null;
}

/** The row of `count(*) AS events, avg(…) AS bytes` that each side's query answers. */
export const appendedEventsOf = (row: {
  events: string;
  bytes: string | null;
}): AppendedEvents => ({
  events: Number(row.events),
  bytes: row.bytes === null ? null : Math.round(Number(row.bytes)),
});

/**
 * The correlation id of this stage's commands, set by the stage for its workers (one per
 * run): what finds their events again, on a reused bench database too.
 */
export const peerCorrelationId = (): string =>
  process.env.BENCH_PEER_CORRELATION_ID ?? 'bench-peer';

/**
 * One way to run the single-event command (or its baseline), in a worker process of its own:
 * read the stream, decide, append with the version read. Opened for each request and closed
 * after it, so no side holds idle connections while another runs (the server's 100 would not
 * hold four pools of 40).
 */
export interface CommandSide {
  /** Opens `count` connections of its pool at once, so a timed run starts with them open. */
  connect(count: number): Promise<void>;
  /** Copies the streams of the file into this side's store, through its own API (untimed). */
  seed(lines: AsyncIterable<StreamLine>): Promise<void>;
  /** One command on the customer's stream; `interactionId` is new each time. */
  record(stream: string, customerId: string, interactionId: string): Promise<void>;
  /** What the commands appended: how many events, and their average bytes as stored. */
  appended(): Promise<AppendedEvents>;
  close(): Promise<void>;
}

/** Runs `count` trivial queries at once on a pool: it opens that many connections. */
export async function openConnections(
  query: (sql: string) => Promise<unknown>,
  count: number,
): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => query('SELECT 1')));
}

/** The streams file, line by line. */
export async function* readStreamLines(file: string): AsyncIterable<StreamLine> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as StreamLine;
}

/** Runs `work` on every line with at most `concurrency` in flight. */
export async function forEachLine(
  lines: AsyncIterable<StreamLine>,
  concurrency: number,
  work: (line: StreamLine) => Promise<unknown>,
): Promise<void> {
  const running = new Set<Promise<unknown>>();
  for await (const line of lines) {
    const task = work(line).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
}
