/**
 * Which parts of which events are personal data, and what they read as once erased. Supplied
 * by the domain; the store encrypts those parts under a key per data subject (a customer) and,
 * once the key is destroyed, reads them as the erased values given here.
 */
export interface PersonalDataPolicy {
  /** The field of `data` naming the data subject (e.g. `customerId`). */
  subjectField: string;
  /** Appending an event of this type destroys its subject's key. */
  erasureEventType: string;
  /** The event types with personal parts to seal, and those parts. */
  events: Record<string, PersonalFields>;
  /**
   * When given, every event type that may be appended (whether or not it has anything to
   * seal): an event of any other type is refused, so a type whose personal data nobody has
   * declared never reaches the log in clear.
   */
  declaredEventTypes?: readonly string[];
}

/**
 * `paths`: dotted paths into `data` (`address`, `before.name`) → their erased value.
 * `changeLists`: lists of `{ field, before, after }` (field-level edits): for each list path,
 * the personal `field`s → the erased value of their `before` and `after`.
 * Paths must hold for every schema version of the event still in the log (read before upcasting).
 */
export interface PersonalFields {
  paths?: Record<string, unknown>;
  changeLists?: Record<string, Record<string, unknown>>;
}

/** The personal values cut out of an event, by the path they were cut from. */
export type PersonalValues = Record<string, unknown>;

type Json = Record<string, unknown>;

/** Splits `data` into what stays in clear and the personal values (`{}` when none). */
export function splitPersonalData(
  fields: PersonalFields,
  data: unknown,
): { clear: unknown; personal: PersonalValues } {
  if (!isObject(data)) return { clear: data, personal: {} };
  const clear = structuredClone(data);
  const personal: PersonalValues = {};
  for (const path of Object.keys(fields.paths ?? {})) {
    const parent = parentOf(clear, path);
    const key = lastKey(path);
    if (parent && key in parent) {
      personal[path] = parent[key];
      delete parent[key];
    }
  }
  for (const [listPath, personalFields] of Object.entries(fields.changeLists ?? {})) {
    changesAt(clear, listPath).forEach((change, index) => {
      if (!(String(change.field) in personalFields)) return;
      for (const side of ['before', 'after'] as const) {
        personal[`${listPath}.${index}.${side}`] = change[side];
        delete change[side];
      }
    });
  }
  return { clear, personal };
}

/** Puts personal values back; with `null` (key destroyed) every personal part reads as erased. */
export function joinPersonalData(
  fields: PersonalFields,
  clear: unknown,
  personal: PersonalValues | null,
): unknown {
  if (!isObject(clear)) return clear;
  const data = structuredClone(clear);
  for (const [path, erased] of Object.entries(fields.paths ?? {})) {
    const parent = parentOf(data, path);
    if (!parent) continue;
    if (personal === null) parent[lastKey(path)] = structuredClone(erased);
    else if (path in personal) parent[lastKey(path)] = personal[path];
  }
  for (const [listPath, personalFields] of Object.entries(fields.changeLists ?? {})) {
    changesAt(data, listPath).forEach((change, index) => {
      const field = String(change.field);
      if (!(field in personalFields)) return;
      for (const side of ['before', 'after'] as const) {
        const path = `${listPath}.${index}.${side}`;
        if (personal === null) change[side] = structuredClone(personalFields[field]);
        else if (path in personal) change[side] = personal[path];
      }
    });
  }
  return data;
}

/** The erased form of an event, whether its personal parts are sealed, in clear or absent. */
export function erasedData(fields: PersonalFields, data: unknown): unknown {
  return joinPersonalData(fields, splitPersonalData(fields, data).clear, null);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parentOf(data: Json, path: string): Json | undefined {
  let current: unknown = data;
  for (const key of path.split('.').slice(0, -1)) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return isObject(current) ? current : undefined;
}

function lastKey(path: string): string {
  return path.split('.').at(-1) ?? path;
}

function changesAt(data: Json, listPath: string): Json[] {
  const parent = parentOf(data, listPath);
  const list = parent?.[lastKey(listPath)];
  return Array.isArray(list) ? list.filter(isObject) : [];
}
