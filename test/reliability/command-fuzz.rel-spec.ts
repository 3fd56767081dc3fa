import fc from 'fast-check';
import request from 'supertest';
import {
  fetchOpenApiDocument,
  isCommand,
  OpenApiDocument,
  OpenApiOperation,
  operationsOf,
  resolveSchema,
  SchemaObject,
} from './support/openapi-operations';
import { recordFigure, storageInUse } from './support/reliability-figures';
import { countEvents, startTestApp, TEST_API_KEYS, TestApp } from '../support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 60);

const nasty = fc.constantFrom(
  "'; DROP TABLE es_events; --",
  "' OR '1'='1",
  'Robert"); DELETE FROM customer_file; --',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\u0000\u0001\u202e\ud83d\ude00',
  'ñÑçÇ€ 名前 اسم',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  'Ab\u0000cd',
  'Ab\ud800cd',
  '\udc00',
  'x\ud83d',
);
/** Dates of the right shape that do not exist, or lie outside the years 1900–2999. */
const impossibleDate = fc.constantFrom(
  '2026-02-30',
  '2026-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '1899-12-31',
  '3000-01-01',
  '2026-13',
  '0000-01',
  '2026-00',
  '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:60:00Z',
);
/** Numbers no amount or count should ever be: past any total, past safe integers, past float. */
const hugeNumber = fc.constantFrom(
  1e15,
  8e15,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
);
const hugeString = fc.integer({ min: 1_000, max: 50_000 }).map((n) => 'x'.repeat(n));
const scalar = fc.oneof(
  fc.string(),
  nasty,
  hugeString,
  impossibleDate,
  fc.integer(),
  fc.double(),
  hugeNumber,
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 5 }),
  fc.dictionary(fc.string(), scalar, { maxKeys: 4 }),
);
const pollution = fc.constantFrom(
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"name": "x", "__proto__": {"polluted": true}}',
);
const malformed = fc.constantFrom(
  '{',
  '{"name": }',
  '[1,2',
  'null',
  '"text"',
  '12',
  '{"a":1}}',
  '\u0000',
);

/** JSON nested past the 32 levels any request may have, up to thousands (a stack overflow once). */
const deeplyNested = fc
  .tuple(fc.integer({ min: 33, max: 5_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? `{"name":${'['.repeat(depth)}1${']'.repeat(depth)}}`
      : `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`,
  );

const oversized = fc
  .integer({ min: 110_000, max: 300_000 })
  .map((n) => JSON.stringify({ text: 'x'.repeat(n) }));

/** A value of the type the schema documents (enum member, example, right primitive), to get past validation. */
function typedValue(document: OpenApiDocument, schema: SchemaObject): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(document, schema);
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  const example = resolved.example === undefined ? [] : [fc.constant(resolved.example)];
  switch (resolved.type) {
    case 'integer':
      return fc.oneof(...example, fc.integer({ min: -1000, max: 100_000 }), hugeNumber);
    case 'number':
      return fc.oneof(...example, fc.double({ noNaN: true }), hugeNumber);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(resolved.items ? typedValue(document, resolved.items) : value, {
        maxLength: 3,
      });
    case 'string':
      return fc.oneof(
        ...example,
        ...example,
        fc.string(),
        fc.uuid(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        impossibleDate,
        nasty,
      );
    default:
      return value;
  }
}

/**
 * Bodies shaped by an operation's schema: each documented field present or missing, with a
 * value of its type or of any other, nested objects by their own fields, plus extra keys.
 */
function schemaBody(
  document: OpenApiDocument,
  schema: SchemaObject,
  depth = 0,
): fc.Arbitrary<unknown> {
  const properties = Object.entries(resolveSchema(document, schema).properties ?? {});
  if (properties.length === 0 || depth > 2) return typedValue(document, schema);
  const fields = fc.record(
    Object.fromEntries(
      properties.map(([name, field]) => [
        name,
        fc.oneof(
          { weight: 1, arbitrary: value },
          { weight: 3, arbitrary: typedValue(document, field) },
          { weight: 1, arbitrary: schemaBody(document, field, depth + 1) },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc.oneof(
    fields,
    fc
      .tuple(fields, fc.dictionary(fc.string(), value, { maxKeys: 3 }))
      .map(([known, extra]) => ({ ...extra, ...(known as object) })),
  );
}

/** Every kind of hostile body text for one operation. */
const bodyText = (document: OpenApiDocument, operation: OpenApiOperation) =>
  fc.oneof(
    { weight: 12, arbitrary: schemaBody(document, operation.bodySchema ?? {}).map(toJson) },
    { weight: 1, arbitrary: fc.anything().map(toJson) },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), value, { maxKeys: 6 }).map(toJson) },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: malformed },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: oversized },
  );
const toJson = (v: unknown) => JSON.stringify(v) ?? 'null';

/** NUL, or a surrogate that is not half of a pair (in `u` mode a pair is one code point). */
const isBadText = (text: string) => text.includes('\u0000') || /\p{Cs}/u.test(text);
/** Every string and key of an accepted (so shallow) body. */
const textOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => [key, ...textOf(item)])
      : [];

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the three
 * bytes a careless encoder writes for it (%ED%A0%80 for U+D800): no UTF-8, as an attacker sends.
 */
const percentEncoded = (text: string) =>
  [...text]
    .map((char) => {
      if (!/\p{Cs}/u.test(char)) return encodeURIComponent(char);
      const unit = char.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');

/** Path parameters that are no known id: unknown uuids, injection text, odd strings. */
const hostileId = fc
  .oneof(fc.uuid(), nasty, fc.string({ minLength: 1, maxLength: 40 }), fc.constant('0'))
  .map(percentEncoded);
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,24}$/);
/** Mostly none; sometimes an If-Match or Idempotency-Key, well-formed or not. */
const commandHeaders = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        'If-Match': fc.oneof(fc.nat({ max: 5 }).map(String), headerText),
        'Idempotency-Key': headerText.filter((key) => key.trim().length > 0),
      },
      { requiredKeys: [] },
    ),
  },
);

describe('fuzzing every command endpoint of the OpenAPI document with hostile input', () => {
  let testApp: TestApp;
  let document: OpenApiDocument;
  let commands: OpenApiOperation[];
  /** The id of an existing aggregate per collection, so inputs reach the deciders too. */
  const existing: Record<string, string> = {};
  const tally = { tried: 0, rejected: 0, accepted: 0 };

  beforeAll(async () => {
    testApp = await startTestApp({ BODY_LIMIT: '100kb' });
    const http = () => request(testApp.app.getHttpServer());
    existing.customers = (
      await http().post('/api/customers').set(operator).send({ name: 'Fuzz SL' }).expect(201)
    ).body.id;
    existing.contracts = (
      await http()
        .post('/api/contracts')
        .set(operator)
        .send({ customerId: existing.customers, paymentMethod: 'transfer' })
        .expect(201)
    ).body.id;
    existing.subscriptions = (
      await http()
        .post('/api/subscriptions')
        .set(operator)
        .send({
          contractId: existing.contracts,
          tariff: 'Fuzz 100',
          monthlyPriceCents: 1000,
          billingMode: 'advance',
        })
        .expect(201)
    ).body.id;
    existing.forms = (
      await http()
        .post('/api/forms')
        .set(operator)
        .send({
          name: 'Fuzz checklist',
          fields: [
            { key: 'ok', label: 'OK?', type: 'yes_no', required: true },
            { key: 'day', label: 'Day', type: 'date' },
            { key: 'pick', label: 'Pick', type: 'multiple_choice', options: ['A', 'B'] },
          ],
        })
        .expect(201)
    ).body.id;
    document = await fetchOpenApiDocument(testApp.app);
    commands = operationsOf(document).filter(isCommand);
  });
  afterAll(async () => {
    console.log(
      `command fuzzer: ${commands.length} command endpoints, ${tally.tried} inputs tried, ${tally.rejected} refused with 4xx, ${tally.accepted} accepted as valid, 0 server errors`,
    );
    await testApp.close();
  });

  /**
   * The path with its parameters filled: mostly the existing aggregate of the collection the
   * parameter follows (`/customers/{id}`), else a hostile id. DELETE only ever gets hostile
   * ids, so the aggregates the other endpoints need stay.
   */
  const pathOf = (operation: OpenApiOperation): fc.Arbitrary<string> => {
    const segments = operation.path.split('/').map((segment, index, all) => {
      if (!segment.startsWith('{')) return fc.constant(segment);
      const known = existing[all[index - 1]];
      if (!known || operation.method === 'delete') return hostileId;
      return fc.oneof({ weight: 4, arbitrary: fc.constant(known) }, hostileId);
    });
    return fc.tuple(...segments).map((parts) => parts.join('/'));
  };

  it('covers every command endpoint the document lists', () => {
    const listed = commands.map((c) => `${c.method.toUpperCase()} ${c.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /api/customers',
        'PATCH /api/customers/{id}',
        'DELETE /api/customers/{id}',
        'POST /api/subscriptions/{id}/extra-charges',
      ]),
    );
    expect(listed.some((entry) => entry.startsWith('GET '))).toBe(false);
  });

  it('never answers 5xx; every refusal has the error shape and writes nothing', async () => {
    for (const operation of commands) {
      await fc.assert(
        fc.asyncProperty(
          pathOf(operation),
          bodyText(document, operation),
          commandHeaders,
          async (path, raw, headers) => {
            const before = await countEvents(testApp);
            const res = await request(testApp.app.getHttpServer())
              [operation.method](path)
              .set({ ...operator, ...headers, 'Content-Type': 'application/json' })
              .send(raw);
            tally.tried++;
            if (res.status >= 500)
              throw new Error(
                `${operation.method} ${path} answered ${res.status} ${JSON.stringify(res.body)} to ${raw.slice(0, 300)}`,
              );
            if (res.status >= 400) {
              tally.rejected++;
              expect(res.body).toMatchObject({
                statusCode: res.status,
                error: expect.any(String),
                message: expect.any(String),
              });
              expect(await countEvents(testApp)).toBe(before);
            } else {
              tally.accepted++;
              expect(textOf(JSON.parse(raw)).filter(isBadText)).toEqual([]);
            }
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: RUNS_PER_ENDPOINT, seed: 20261123 },
      );
    }
    expect(tally.tried).toBe(RUNS_PER_ENDPOINT * commands.length);
    recordFigure('command-fuzz', {
      guarantee:
        'Hostile input to any command endpoint (random types, missing/extra fields, huge strings and numbers, unicode with NUL and lone surrogates, impossible dates, SQL injection, prototype pollution, malformed and deeply nested JSON, oversized bodies, odd ids and headers): 4xx with the error shape, never 5xx, log unchanged',
      test: 'test/reliability/command-fuzz.rel-spec.ts',
      figure: `${tally.tried} inputs tried over ${commands.length} command endpoints read from /api/docs-json (${RUNS_PER_ENDPOINT} each): ${tally.rejected} refused with 4xx and nothing written, ${tally.accepted} accepted as valid, 0 server errors`,
      storage: storageInUse(),
    });
  });
});
