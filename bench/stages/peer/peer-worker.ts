import { ChildProcess } from 'node:child_process';
import { spawnTs } from '../../support/child-process';
import { PeerRequest, PeerSideName, REPLY_PREFIX } from './peer-protocol';

/** The stage's handle on one side's worker process: a request, then its one reply line. */
export class PeerWorker {
  private stdout = '';
  private stderr = '';
  private waiting: { resolve(line: string): void; reject(error: Error): void } | undefined;
  private exited: Error | undefined;

  private constructor(
    readonly side: PeerSideName,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.read(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    child.on('exit', (code) => {
      this.exited = new Error(`${side} worker exited with ${code}: ${this.stderr}`);
      this.waiting?.reject(this.exited);
      this.waiting = undefined;
    });
  }

  static start(side: PeerSideName, databaseUrl: string, correlationId: string): PeerWorker {
    const child = spawnTs(
      'bench/stages/peer-emmett.worker.ts',
      {
        BENCH_PEER_SIDE: side,
        DATABASE_URL: databaseUrl,
        BENCH_PEER_CORRELATION_ID: correlationId,
      },
      { stdin: 'pipe' },
    );
    return new PeerWorker(side, child);
  }

  async request<T>(request: PeerRequest): Promise<T> {
    if (this.exited) throw this.exited;
    if (this.waiting) throw new Error(`${this.side} worker is busy`);
    const line = new Promise<string>((resolve, reject) => (this.waiting = { resolve, reject }));
    this.child.stdin?.write(`${JSON.stringify(request)}\n`);
    const answer = JSON.parse(await line) as T | { error: string };
    if (typeof answer === 'object' && answer !== null && 'error' in answer)
      throw new Error(`${this.side} worker: ${answer.error}`);
    return answer as T;
  }

  /** Closes the side's store and waits for the process to end; kills it if it does not. */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ kind: 'close' }).catch(() => this.child.kill());
    await ended;
  }

  private read(chunk: string): void {
    this.stdout += chunk;
    for (let end = this.stdout.indexOf('\n'); end >= 0; end = this.stdout.indexOf('\n')) {
      const line = this.stdout.slice(0, end);
      this.stdout = this.stdout.slice(end + 1);
      if (!line.startsWith(REPLY_PREFIX)) continue;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve(line.slice(REPLY_PREFIX.length));
    }
  }
}
