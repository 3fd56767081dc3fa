import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr over the records of the chains being verified, with records per
 * second and the ETA. When stderr is no terminal (CI, tests) it draws nothing.
 */
export class ChainProgressBar {
  private readonly bar: SingleBar;
  private readonly startedAt = Date.now();

  constructor(total: number, stream: NodeJS.WritableStream = process.stderr) {
    this.bar = new SingleBar(
      {
        stream,
        format:
          'verify-chain [{bar}] {percentage}% | {value}/{total} records | {issuer} | {rate} records/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { issuer: '', rate: 0 });
  }

  update(done: number, issuerId: string): void {
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    this.bar.update(done, { issuer: issuerId, rate: Math.round(done / seconds) });
  }

  stop(): void {
    this.bar.stop();
  }
}
