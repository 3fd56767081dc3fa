import { createInterface } from 'node:readline';
import { customerIdOfStream } from '@app/domain';
import { Client } from 'pg';
import { runConcurrently, timed } from '../support/measure';
import { bareInsertSide } from './peer/bare-insert-side';
import {
  AppendedEvents,
  CommandSide,
  POOL_CONNECTIONS,
  readStreamLines,
} from './peer/command-side';
import { emmettSide } from './peer/emmett-side';
import { oursSide } from './peer/ours-side';
import {
  PeerRequest,
  PeerSideName,
  PreparedReply,
  REPLY_PREFIX,
  RunReply,
} from './peer/peer-protocol';

/**
 * One side of the peer stage in a process of its own (`BENCH_PEER_SIDE`, `DATABASE_URL`):
 * answers the stage's requests, one JSON line on stdin each, with one reply line on stdout.
 */
async function main(): Promise<void> {
  const name = process.env.BENCH_PEER_SIDE as PeerSideName;
  const withSide = async <T>(work: (side: CommandSide) => Promise<T>): Promise<T> => {
    const side = await openSide(name);
    try {
      return await work(side);
    } finally {
      await side.close();
    }
  };
  const counter = countQueries();
  let customers: { stream: string; customerId: string }[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const request = JSON.parse(line) as PeerRequest;
    if (request.kind === 'close') return reply({ closed: true });
    try {
      if (request.kind === 'prepare') {
        const file = request.streamsFile;
        const seeded = await timed(() => withSide((side) => side.seed(readStreamLines(file))));
        customers = [];
        for await (const { stream } of readStreamLines(file))
          customers.push({ stream, customerId: customerIdOf(stream) });
        reply<PreparedReply>({ customers: customers.length, seedSeconds: seeded.seconds });
      } else if (request.kind === 'run') {
        const { writers, commands, first, label } = request;
        const run = await withSide(async (side) => {
          await side.connect(Math.min(POOL_CONNECTIONS, 2 * writers));
          const before = counter.queries;
          const { seconds } = await timed(() =>
            runConcurrently(commands, writers, (index) => {
              const { stream, customerId } = customers[(first + index) % customers.length];
              return side.record(stream, customerId, `${label}-${first + index}`);
            }),
          );
          return { seconds, queries: counter.queries - before };
        });
        reply<RunReply>(run);
      } else {
        reply<AppendedEvents>(await withSide((side) => side.appended()));
      }
    } catch (error) {
      reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
}

function customerIdOf(stream: string): string {
  const customerId = customerIdOfStream(stream);
  if (customerId === null) throw new Error(`${stream} is not a customer's stream`);
  return customerId;
}

function openSide(name: PeerSideName): Promise<CommandSide> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  if (name === 'ours-service') return oursSide('service', databaseUrl);
  if (name === 'ours-bare') return oursSide('bare', databaseUrl);
  if (name === 'emmett') return emmettSide(databaseUrl);
  if (name === 'bare-insert') return bareInsertSide(databaseUrl);
  throw new Error(`Unknown peer side ${String(name)}`);
}

/** Counts every statement any `pg` client of this process sends: round trips per command. */
function countQueries(): { readonly queries: number } {
  const counter = { queries: 0 };
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    counter.queries += 1;
    return query.apply(this, args);
  } as typeof Client.prototype.query;
  return counter;
}

function reply<T>(answer: T): void {
  process.stdout.write(`${REPLY_PREFIX}${JSON.stringify(answer)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
