import { readFileSync } from 'node:fs';

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (value: number, digits = 2): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

export const megabytes = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/**
 * The peak resident set of a running process, in MB, as the kernel counts it (`VmHWM`):
 * no sampling gap can miss a short peak. Linux only; `null` elsewhere.
 */
export function peakRssOfProcess(pid: number): number | null {
  return statusFieldMb(pid, 'VmHWM');
}

/** Runs `count` tasks with at most `concurrency` in flight; answers each task's latency (ms). */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number, worker: number) => Promise<unknown>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (id: number) => {
    for (let index = next++; index < count; index = next++) {
      const started = performance.now();
      await task(index, id);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, (_, id) => worker(id)));
  return latencies;
}

/**
 * The CPU time a running process has used so far (user + system), in ms, as the kernel counts
 * it (`/proc/<pid>/stat`, clock ticks of 10 ms): unlike latency, it does not grow when other
 * work on the machine delays the process. Linux only; `null` elsewhere.
 */
export function cpuMsOfProcess(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The resident set of a running process now, in MB (`VmRSS`). Linux only; `null` elsewhere. */
export function rssOfProcess(pid: number): number | null {
  return statusFieldMb(pid, 'VmRSS');
}

/** A size field of `/proc/<pid>/status` (kB there), in MB. */
function statusFieldMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
    return match ? round(Number(match[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}
