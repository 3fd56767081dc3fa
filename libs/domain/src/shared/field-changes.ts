/**
 * One field's before and after, as the history tab (rule R13) shows it and as a bulk
 * operation (rule R14) needs it to be reverted. Keyed by field so each change is typed.
 */
export type FieldChangeOf<T> = {
  [K in keyof T & string]: { field: K; before: T[K]; after: T[K] };
}[keyof T & string];

/** Values here are plain JSON, so equal serialisations mean equal values. */
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields (in the given order) whose values differ between `before` and `after`. */
export function changedFields<T>(before: T, after: T, fields: readonly (keyof T & string)[]) {
  return fields
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }) as FieldChangeOf<T>);
}
