import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 20_000;
/** Ports a test's child processes may listen on per jest worker, so concurrent suites never pick the same one. */
const PER_WORKER = 1_000;

/** Where the kernel starts handing out ports to outgoing connections (Linux: 32768 by default). */
function ephemeralRangeStart(): number {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/);
    return Number(start) || 32_768;
  } catch {
    return 32_768;
  }
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    // All interfaces, as the API listens: a port bound on 127.0.0.1 alone is taken too.
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/**
 * A port a test's child process (an API it may SIGKILL and restart on the same port) can listen
 * on. It lies below the kernel's ephemeral range, so no outgoing connection — a PostgreSQL
 * client, a fetch — can take it between a kill and the restart (a port the kernel hands out, as
 * `listen(0)` does, can be: that made a crash suite fail with EADDRINUSE); each jest worker draws
 * from its own block, so suites running side by side never collide; and nobody listens on it now.
 */
export async function listenPortForChildProcess(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  const highest = Math.max(ephemeralRangeStart(), LOWEST + PER_WORKER);
  const blocks = Math.max(1, Math.floor((highest - LOWEST) / PER_WORKER));
  const first = LOWEST + ((worker - 1) % blocks) * PER_WORKER;
  const size = Math.min(PER_WORKER, highest - first);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = first + Math.floor(Math.random() * size);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${first}..${first + size - 1}`);
}
