/** One field of an aggregate's state at a version, beside its current value. */
export interface FieldDiff {
  path: string;
  then: string;
  now: string;
  changed: boolean;
}

/** The state as `path → shown value`, nested objects flattened with dots, arrays as JSON. */
export function flattenState(state: unknown, prefix = '', into = new Map<string, string>()) {
  if (state !== null && typeof state === 'object' && !Array.isArray(state)) {
    const entries = Object.entries(state as Record<string, unknown>);
    if (entries.length === 0 && prefix) into.set(prefix, '{}');
    for (const [key, value] of entries)
      flattenState(value, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  into.set(prefix || '(state)', state === undefined ? '—' : shown(state));
  return into;
}

const shown = (value: unknown) =>
  value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** Every field of either state, in the current state's order, marked where they differ. */
export function diffStates(then: unknown, now: unknown): FieldDiff[] {
  const before = flattenState(then);
  const after = flattenState(now);
  const paths = [...after.keys(), ...[...before.keys()].filter((path) => !after.has(path))];
  return paths.map((path) => {
    const thenValue = before.get(path) ?? '—';
    const nowValue = after.get(path) ?? '—';
    return { path, then: thenValue, now: nowValue, changed: thenValue !== nowValue };
  });
}
