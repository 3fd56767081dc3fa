import { recordFigure, storageInUse } from '../reliability/support/reliability-figures';

/**
 * An end-to-end suite's measured guarantee as a RELIABILITY.md row (`results/<key>.json`):
 * the suites run on PGlite and then on PostgreSQL in CI, so the row says which ran last.
 */
export function recordE2eFigure(key: string, test: string, guarantee: string, figure: string) {
  recordFigure(key, { guarantee, test, figure, storage: storageInUse() });
}
