import { ValueTransformer } from 'typeorm';

/**
 * `bigint` and `numeric` columns come back from `pg` and PGlite as strings (exactness first).
 * Cents, counters and stream revisions stay far below 2^53, so the views read them as numbers.
 */
export const numberColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
