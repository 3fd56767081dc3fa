import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { customerStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { BENCH_DATABASE, dropDatabase, recreateDatabase } from '../support/bench-storage';
import { round } from '../support/measure';
import { AppendedEvents, PlainEvent, StreamLine } from './peer/command-side';
import { PEER_SIDES, PeerSideName, PreparedReply, RunReply } from './peer/peer-protocol';
import { PeerWorker } from './peer/peer-worker';

/** The peer's own database, beside the bench's: created and dropped by the stage. */
export const PEER_DATABASE = `${BENCH_DATABASE}_emmett`;

export interface PeerSideFigures {
  eventsPerSecond: number;
  /** Each round's events/s: the rounds alternate the sides' order. */
  roundEventsPerSecond: number[];
  /** Statements sent to PostgreSQL per command, BEGIN and COMMIT included. */
  statementsPerCommand: number;
}

export interface PeerWritersFigures {
  writers: number;
  /** Commands per side, in all its rounds. */
  commands: number;
  sides: Record<PeerSideName, PeerSideFigures>;
  /** Ours, the store the service runs (personal data sealed), to Emmett. */
  ratio: number;
  /** Ours, the bare log on the same data as Emmett (no crypto-shredding), to Emmett. */
  bareLogRatio: number;
  /** Each store to single-row INSERTs of the same payload, same writers. */
  oursToBareInserts: number;
  emmettToBareInserts: number;
}

export interface PeerFigures {
  database: string;
  /** The customers' streams copied, in clear, into both stores of the peer database. */
  streams: number;
  events: number;
  seedSeconds: { oursBareLog: number; emmett: number };
  rounds: number;
  /** The machine's 1-minute load average when the timed rounds began and ended (2 cores). */
  loadAverage: { start: number; end: number };
  /** Bytes of one appended event, data and metadata as each side stores them. */
  eventBytes: Record<PeerSideName, number | null>;
  writers: PeerWritersFigures[];
}

export interface PeerStageOptions {
  /** The bench's database, where the service's store holds the workload. */
  databaseUrl: string;
  writerCounts: readonly number[];
  /** Commands per side and writer count, split into `rounds` rounds. */
  commands: number;
  rounds: number;
  log(message: string): void;
}

/**
 * The same single-event command (RecordInteraction: read the customer's stream, fold, decide,
 * append expecting the version read) on this service's store and on Emmett's PostgreSQL event
 * store, on the same server in the same run, each side in a worker process of its own:
 *
 * - `ours-service`: `decideAndAppend` on the store the API composes, on the bench's database;
 * - `ours-bare`: `decideAndAppend` on the PostgreSQL log without crypto-shredding, and
 *   `emmett`: Emmett's `CommandHandler`, both on a peer database holding the same customers'
 *   streams in clear (copied through each store's own append);
 * - `bare-insert`: a single-row INSERT of the same event's payload, the floor.
 *
 * For each writer count the sides run in rounds, in alternating order, on the same customers
 * in the same order, so a machine that slows down mid-stage slows every side alike.
 */
export async function peerEmmettStage(
  store: EventStore,
  customerIds: readonly string[],
  options: PeerStageOptions,
): Promise<PeerFigures> {
  const streamsFile = join(tmpdir(), `bench-peer-streams-${process.pid}.ndjson`);
  const workers: PeerWorker[] = [];
  try {
    const copied = await writeCustomerStreams(store, customerIds, streamsFile);
    const peerUrl = await recreateDatabase(PEER_DATABASE);
    const urlOf = (side: PeerSideName) => (side === 'ours-service' ? options.databaseUrl : peerUrl);
    const correlationId = `bench-peer-${Date.now().toString(36)}`;
    workers.push(...PEER_SIDES.map((side) => PeerWorker.start(side, urlOf(side), correlationId)));
    const seedSeconds = new Map<PeerSideName, number>();
    for (const worker of workers) {
      const prepared = await worker.request<PreparedReply>({ kind: 'prepare', streamsFile });
      seedSeconds.set(worker.side, round(prepared.seedSeconds, 1));
    }
    options.log(
      `  peer-emmett: ${copied.streams} customers' streams (${copied.events} events) copied: ours ${seedSeconds.get('ours-bare')} s, Emmett ${seedSeconds.get('emmett')} s`,
    );
    let first = 0;
    const run = (worker: PeerWorker, writers: number, commands: number, label: string) =>
      worker.request<RunReply>({ kind: 'run', writers, commands, first, label });
    const warmUp = Math.min(200, options.commands);
    for (const worker of workers) await run(worker, 8, warmUp, 'peer-warm-up');
    first += warmUp;
    const figures: PeerWritersFigures[] = [];
    const loadAtStart = round(loadavg()[0], 1);
    for (const writers of options.writerCounts) {
      const runs = new Map<PeerSideName, RunReply[]>(PEER_SIDES.map((side) => [side, []]));
      const perRound = Math.ceil(options.commands / options.rounds);
      for (let r = 0; r < options.rounds; r++) {
        const order = r % 2 === 0 ? workers : [...workers].reverse();
        for (const worker of order)
          runs.get(worker.side)?.push(await run(worker, writers, perRound, `peer-${writers}-${r}`));
        first += perRound;
      }
      const writersFigures = figuresOf(writers, perRound, runs);
      figures.push(writersFigures);
      options.log(
        `  peer-emmett ${writers} writer(s): ours ${writersFigures.sides['ours-service'].eventsPerSecond}/s (bare log ${writersFigures.sides['ours-bare'].eventsPerSecond}/s), Emmett ${writersFigures.sides.emmett.eventsPerSecond}/s: ×${writersFigures.ratio} (bare log ×${writersFigures.bareLogRatio})`,
      );
    }
    const eventBytes = {} as Record<PeerSideName, number | null>;
    for (const worker of workers) {
      const appended = await worker.request<AppendedEvents>({ kind: 'appended' });
      if (appended.events !== first)
        throw new Error(
          `peer-emmett: ${worker.side} appended ${appended.events} events for ${first} commands`,
        );
      eventBytes[worker.side] = appended.bytes;
    }
    return {
      database: PEER_DATABASE,
      ...copied,
      seedSeconds: {
        oursBareLog: seedSeconds.get('ours-bare') ?? 0,
        emmett: seedSeconds.get('emmett') ?? 0,
      },
      rounds: options.rounds,
      loadAverage: { start: loadAtStart, end: round(loadavg()[0], 1) },
      eventBytes,
      writers: figures,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await dropDatabase(PEER_DATABASE);
    await rm(streamsFile, { force: true });
  }
}

function figuresOf(
  writers: number,
  perRound: number,
  runs: Map<PeerSideName, RunReply[]>,
): PeerWritersFigures {
  const sides = {} as Record<PeerSideName, PeerSideFigures>;
  for (const [side, replies] of runs) {
    const seconds = replies.reduce((sum, reply) => sum + reply.seconds, 0);
    const statements = replies.reduce((sum, reply) => sum + reply.queries, 0);
    sides[side] = {
      eventsPerSecond: round((perRound * replies.length) / seconds, 0),
      roundEventsPerSecond: replies.map((reply) => round(perRound / reply.seconds, 0)),
      statementsPerCommand: round(statements / (perRound * replies.length), 2),
    };
  }
  const rate = (side: PeerSideName) => sides[side].eventsPerSecond;
  return {
    writers,
    commands: perRound * Math.max(...[...runs.values()].map((replies) => replies.length)),
    sides,
    ratio: round(rate('ours-service') / rate('emmett'), 3),
    bareLogRatio: round(rate('ours-bare') / rate('emmett'), 3),
    oursToBareInserts: round(rate('ours-service') / rate('bare-insert'), 3),
    emmettToBareInserts: round(rate('emmett') / rate('bare-insert'), 3),
  };
}

/**
 * The customers' streams as the service reads them (opened, upcast), one line each, in the
 * workload's order: the copies both stores of the peer database are seeded with. Their
 * metadata loses only its schema version (the copies' events are at the current one).
 */
async function writeCustomerStreams(
  store: EventStore,
  customerIds: readonly string[],
  file: string,
): Promise<{ streams: number; events: number }> {
  const out = createWriteStream(file);
  let events = 0;
  try {
    for (let start = 0; start < customerIds.length; start += 100) {
      const streams = customerIds.slice(start, start + 100).map(customerStream);
      const lines = await Promise.all(
        streams.map(async (stream): Promise<StreamLine> => {
          const recorded = await store.readStream(stream);
          return { stream, events: recorded.map(plainEvent) };
        }),
      );
      for (const line of lines) {
        events += line.events.length;
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { streams: customerIds.length, events };
}

function plainEvent(event: {
  type: string;
  data: unknown;
  metadata: { schemaVersion?: number };
}): PlainEvent {
  const { schemaVersion: _version, ...metadata } = event.metadata;
  return { type: event.type, data: event.data, metadata };
}
