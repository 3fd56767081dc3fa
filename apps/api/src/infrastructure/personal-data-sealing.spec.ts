import { randomUUID } from 'node:crypto';
import { SqlDatabase } from '@app/database';
import {
  CustomerEventType,
  customerStream,
  PERSONAL_DATA,
  personalDataPolicy,
  SealingRule,
} from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import { EXAMPLE_AT, PERSONAL_DATA_EXAMPLES } from '@app/domain/personal-data.examples';
import {
  createEventStore,
  EventStore,
  UnsealableEventError,
  UpcasterRegistry,
} from '@app/event-store';
import { SEALED_FIELD } from '@app/event-store/crypto-shredding/personal-data-cipher';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';

const databaseUrl = process.env.DATABASE_URL;
const AT = EXAMPLE_AT;
const EXAMPLES: Record<string, (customerId: string) => unknown> = PERSONAL_DATA_EXAMPLES;

type Json = Record<string, unknown>;
const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Json | undefined)?.[key], data);
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];

/**
 * The example values meant to stay in clear: ids, dates, kinds and codes, the names of the
 * fields an edit changed, and the operator's own `clear-…` values. Every other text of an
 * example is personal and must not be in the log in clear, whatever the map says: an entry
 * declaring too little fails here.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CLEAR_VALUES = new Set([
  AT,
  'natural',
  'direct_debit',
  'F',
  'call',
  'inbound',
  'billing',
  'urgent',
  'email',
  'invoice-issued',
  'application/pdf',
]);
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A blob's SHA-256 (attachments): kept in clear so the erasure can find the blob. */
const SHA256 = /^[0-9a-f]{64}$/;
const keptInClear = (text: string, data: Json) =>
  UUID.test(text) ||
  CALENDAR_DATE.test(text) ||
  SHA256.test(text) ||
  text.startsWith('clear-') ||
  CLEAR_VALUES.has(text) ||
  Object.values(data).some(
    (value) => Array.isArray(value) && value.some((change: Json) => change.field === text),
  );

interface PersonalPart {
  where: string;
  value: unknown;
  erased: unknown;
  /** Reads the part back out of an event's data. */
  read(data: unknown): unknown;
}

/** The personal parts of `data` as the domain's map declares them (not as the store finds them). */
function personalParts(type: string, data: unknown): PersonalPart[] {
  const fields = PERSONAL_DATA[type as CustomerEventType] as SealingRule;
  const parts: PersonalPart[] = Object.entries(fields.paths ?? {}).map(([path, erased]) => ({
    where: path,
    value: valueAt(data, path),
    erased,
    read: (read) => valueAt(read, path),
  }));
  for (const [list, personal] of Object.entries(fields.changeLists ?? {}))
    for (const [field, erased] of Object.entries(personal)) {
      const index = (valueAt(data, list) as Json[]).findIndex((change) => change.field === field);
      const sides = (of: unknown) =>
        ['before', 'after'].map((side) => valueAt(of, `${list}.${index}.${side}`));
      parts.push({
        where: `${list}[${field}]`,
        value: sides(data),
        erased: [erased, erased],
        read: sides,
      });
    }
  return parts;
}

describe(`Every event type's declared personal fields, written through the application's store, on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let opened: { db: SqlDatabase; dispose(): Promise<void> };
  let store: EventStore;

  beforeAll(async () => {
    opened = databaseUrl
      ? await openTestPostgres(databaseUrl, 'personal_data_sealing')
      : await openTestPglite();
    // As StorageModule wires it.
    store = await createEventStore(opened.db, {
      pollIntervalMs: 20,
      upcasters: UpcasterRegistry.of(eventUpcasters),
      personalData: personalDataPolicy,
    });
  });
  afterAll(async () => {
    await store.close();
    await opened.dispose();
  });

  const rawData = async (stream: string) =>
    (
      await opened.db.query<{ event_type: string; data: Json }>(
        'SELECT event_type, data FROM es_events WHERE stream_id = $1 ORDER BY revision',
        [stream],
      )
    ).rows;

  const sealingTypes = Object.keys(personalDataPolicy.events);

  it('has an example of every event type with personal fields to seal', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...sealingTypes].sort());
  });

  it.each(sealingTypes)(
    '%s: none of its personal values is in the raw log; read back whole; erased with the key',
    async (type) => {
      const customerId = randomUUID();
      const stream = customerStream(customerId);
      const example = EXAMPLES[type] as (id: string) => Json;
      const data = example(customerId);
      const parts = personalParts(type, data);
      // Every declared personal part is exercised by the example, with text to look for.
      const unexercised = parts.filter((part) => stringsIn(part.value).length === 0);
      expect(unexercised.map((part) => part.where)).toEqual([]);

      await store.append(stream, [{ type, data }]);

      const [raw] = await rawData(stream);
      expect(raw.event_type).toBe(type);
      expect(raw.data[SEALED_FIELD]).toBeDefined();
      const { [SEALED_FIELD]: _sealed, ...clear } = raw.data;
      const clearJson = JSON.stringify(clear);
      expect(clearJson).toContain(customerId);
      const inClear = parts.flatMap((part) =>
        stringsIn(part.value)
          .filter((secret) => clearJson.includes(JSON.stringify(secret)))
          .map((secret) => `${part.where}: ${secret}`),
      );
      expect(inClear).toEqual([]);
      const personalTexts = stringsIn(data).filter((text) => !keptInClear(text, data));
      expect(personalTexts.length).toBeGreaterThan(0);
      expect(personalTexts.filter((text) => clearJson.includes(JSON.stringify(text)))).toEqual([]);

      const [read] = await store.readStream(stream);
      expect(read.data).toEqual(data);

      await store.append(stream, [
        { type: 'CustomerPersonalDataErased', data: { customerId, erasedAt: AT } },
      ]);
      const [erased] = await store.readStream(stream);
      const readAsErased = (part: PersonalPart) => [part.where, part.read(erased.data)];
      expect(parts.map(readAsErased)).toEqual(parts.map((part) => [part.where, part.erased]));
      expect(JSON.stringify(erased.data)).toContain(customerId);
    },
  );

  it('refuses an event type that has not declared its personal data, and writes nothing', async () => {
    const customerId = randomUUID();
    const stream = customerStream(customerId);
    await expect(
      store.append(stream, [
        { type: 'CustomerNicknamed', data: { customerId, nickname: 'Anita la del quinto' } },
      ]),
    ).rejects.toThrow(UnsealableEventError);
    expect(await rawData(stream)).toEqual([]);
  });
});
