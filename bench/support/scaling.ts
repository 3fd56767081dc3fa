import type { RunResult } from '../bench-run';
import { headlineFigures } from './figures';
import { round } from './measure';

export interface ScalingLine {
  db: string;
  figure: string;
  small: number;
  large: number;
  /** large / small for the figure, against `sizeRatio` for the workload. */
  ratio: number;
  sizeRatio: number;
  text: string;
}

/** How each figure moved between the two sizes of the same database. */
export function scalingBetween(runs: readonly RunResult[]): ScalingLine[] {
  const lines: ScalingLine[] = [];
  for (const db of new Set(runs.map((run) => run.db))) {
    const [small, large] = runs
      .filter((run) => run.db === db)
      .sort((a, b) => a.customers - b.customers);
    if (!small || !large) continue;
    const sizeRatio = round(large.workload.events / small.workload.events);
    const before = headlineFigures(small);
    const after = headlineFigures(large);
    for (const [figure, value] of Object.entries(before)) {
      const next = after[figure];
      if (value === null || value === undefined || next === null || next === undefined) continue;
      const ratio = round(next / value);
      lines.push({
        db,
        figure,
        small: value,
        large: next,
        ratio,
        sizeRatio,
        text: `${db} ${figure}: ${value} → ${next} (×${ratio} for ×${sizeRatio} events)`,
      });
    }
  }
  return lines;
}
