import { Injectable } from '@nestjs/common';
import { once } from 'node:events';

/**
 * Where commands write: data (JSON, NDJSON, tables) on stdout, progress and messages on
 * stderr, so `npm run cli -- export all > log.ndjson` holds only events. A failed check sets
 * the process's exit code rather than throwing, so every difference is printed first.
 */
@Injectable()
export class CliOutput {
  readonly stdout: NodeJS.WritableStream = process.stdout;
  readonly stderr: NodeJS.WritableStream = process.stderr;
  /** Whether a check failed (the exit code is then 1). */
  failed = false;

  /** Writes data, waiting when the pipe is full (bounded memory on a large export). */
  async data(text: string): Promise<void> {
    if (!this.stdout.write(text)) await once(this.stdout, 'drain');
  }

  message(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  fail(line: string): void {
    this.message(line);
    this.failed = true;
    process.exitCode = 1;
  }
}
