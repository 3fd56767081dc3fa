import { Presets, SingleBar } from 'cli-progress';

export interface ReplayProgress {
  /** Events read from the log so far. */
  events: number;
  position: bigint;
}

/**
 * A progress bar on stderr over log positions up to `target`, with events per second and the
 * ETA. When stderr is no terminal (CI, tests) it draws nothing.
 */
export class ReplayProgressBar {
  private readonly bar: SingleBar;
  private readonly startedAt = Date.now();
  private readonly target: number;

  constructor(label: string, target: bigint, stream: NodeJS.WritableStream = process.stderr) {
    this.target = Math.max(Number(target), 1);
    this.bar = new SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.bar.start(this.target, 0, { events: 0, rate: 0 });
  }

  update({ events, position }: ReplayProgress): void {
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    this.bar.update(Math.min(Number(position), this.target), {
      events,
      rate: Math.round(events / seconds),
    });
  }

  stop(): void {
    this.bar.stop();
  }
}
