import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of RELIABILITY.md: a guarantee, the suite that shows it, and what the last run measured. */
export interface ReliabilityFigure {
  guarantee: string;
  test: string;
  figure: string;
  /** Where the last run ran (PGlite or PostgreSQL), and when. */
  storage: string;
  ranAt: string;
}

export const RESULTS_DIR = join(__dirname, '..', 'results');

/**
 * Saves what a suite measured as `results/<key>.json`; the global teardown turns every saved
 * result into the RELIABILITY.md table, so a suite run alone updates only its own rows.
 */
export function recordFigure(key: string, figure: Omit<ReliabilityFigure, 'ranAt'>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const saved: ReliabilityFigure = { ...figure, ranAt: new Date().toISOString().slice(0, 10) };
  writeFileSync(join(RESULTS_DIR, `${key}.json`), `${JSON.stringify(saved, null, 2)}\n`);
}

export function readFigures(directory = RESULTS_DIR): ReliabilityFigure[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as ReliabilityFigure);
}

/** The storage a suite runs on, as the figures name it. */
export const storageInUse = () => (process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite');
