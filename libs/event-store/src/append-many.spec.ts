import { v4 as uuid } from 'uuid';
import { SqlDatabase } from '@app/database';
import { CryptoShreddingEventStore } from './crypto-shredding/crypto-shredding-event-store';
import { SqlPersonalDataKeys } from './crypto-shredding/personal-data-keys';
import { InvalidAppendError, WrongExpectedRevisionError } from './errors';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { openTestPglite, openTestPostgres } from './testing/test-databases';

interface Subject {
  name: string;
  /** `raw`: the store under a decorator, to see what was stored. */
  open(): Promise<{ store: EventStore; raw?: EventStore; dispose(): Promise<void> }>;
}

const onPglite = async (seal: boolean) => {
  const opened: { db: SqlDatabase; dispose(): Promise<void> } = await openTestPglite();
  const log = await PostgresEventStore.create(opened.db, { pollIntervalMs: 20 });
  const store = seal
    ? new CryptoShreddingEventStore(log, await SqlPersonalDataKeys.create(opened.db), {
        subjectField: 'personId',
        erasureEventType: 'PersonErased',
        events: { PersonNamed: { paths: { name: '[erased]' } } },
      })
    : log;
  return { store, raw: log, dispose: () => opened.dispose() };
};

const subjects: Subject[] = [
  { name: 'PostgreSQL adapter on PGlite', open: () => onPglite(false) },
  { name: 'crypto-shredding decorator over PGlite', open: () => onPglite(true) },
];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl)
  subjects.push({
    name: `PostgreSQL adapter on ${new URL(databaseUrl).host}`,
    async open() {
      const opened = await openTestPostgres(databaseUrl, 'append_many');
      const store = await PostgresEventStore.create(opened.db, { pollIntervalMs: 20 });
      return { store, dispose: async () => (await store.close(), await opened.dispose()) };
    },
  });
const esdb = process.env.EVENTSTORE_CONNECTION_STRING;
if (esdb)
  subjects.push({
    name: 'EventStoreDB adapter',
    async open() {
      const store = EventStoreDbEventStore.connect(esdb);
      return { store, dispose: () => store.close() };
    },
  });

const stream = (prefix: string) => `${prefix}-${uuid()}`;
const named = (name: string) => ({
  type: 'PersonNamed',
  data: { personId: 'p-1', name },
  metadata: { actor: 'ana', correlationId: 'c-1' },
});

describe.each(subjects)('EventStore.appendMany — $name', ({ open }) => {
  let store: EventStore;
  let raw: EventStore | undefined;
  let dispose: () => Promise<void>;

  beforeAll(async () => ({ store, raw, dispose } = await open()));
  afterAll(() => dispose());

  it('appends to every stream in order, each at its expected revision', async () => {
    const [claim, person] = [stream('claim'), stream('person')];
    await store.append(person, [named('Ana')], { expectedRevision: 'no_stream' });

    const results = await store.appendMany([
      { stream: claim, events: [{ type: 'Claimed', data: {} }], expectedRevision: 'no_stream' },
      { stream: person, events: [named('Ana B'), named('Ana C')], expectedRevision: 0n },
    ]);

    expect(results.map((result) => result.nextRevision)).toEqual([0n, 2n]);
    expect(results[1].position).toBeGreaterThan(results[0].position);
    const [claimed] = await store.readStream(claim);
    const renamed = await store.readStream(person);
    expect(claimed.position).toBe(results[0].position);
    expect(renamed.map((event) => (event.data as { name: string }).name)).toEqual([
      'Ana',
      'Ana B',
      'Ana C',
    ]);
    expect(renamed[2].position).toBe(results[1].position);
    expect(renamed[1].metadata).toMatchObject({ actor: 'ana', correlationId: 'c-1' });
  });

  it('answers a stale expected revision with the error naming that stream', async () => {
    const [claim, person] = [stream('claim'), stream('person')];
    await store.append(person, [named('Ana')]);
    const refused = store.appendMany([
      { stream: claim, events: [{ type: 'Claimed', data: {} }], expectedRevision: 'no_stream' },
      { stream: person, events: [named('Ana B')], expectedRevision: 'no_stream' },
    ]);
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(refused).rejects.toMatchObject({ stream: person });
    const written = await store.readStream(claim);
    // All or nothing where the store can; EventStoreDB keeps what came before the refusal.
    expect(written).toHaveLength(store.atomicAppendMany ? 0 : 1);
  });

  it('writes nothing at all when one append is refused, on a store that says it is atomic', async () => {
    if (!store.atomicAppendMany) return;
    const [first, second] = [stream('first'), stream('second')];
    await store.append(second, [{ type: 'Held', data: {} }]);
    const headBefore = await store.lastCommittedPosition();
    await expect(
      store.appendMany([
        { stream: first, events: [{ type: 'A', data: {} }] },
        { stream: second, events: [{ type: 'B', data: {} }], expectedRevision: 5n },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.lastCommittedPosition()).toBe(headBefore);
    expect(await store.streamRevision(first)).toBeUndefined();
  });

  it('lets exactly one of two racing appends that claim the same stream win', async () => {
    const claim = stream('claim');
    const race = (name: string) =>
      store.appendMany([
        {
          stream: claim,
          events: [{ type: 'Claimed', data: { name } }],
          expectedRevision: 'no_stream',
        },
        { stream: stream('person'), events: [named(name)], expectedRevision: 'no_stream' },
      ]);
    const outcomes = await Promise.allSettled([race('Ana'), race('Luis')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await store.readStream(claim)).toHaveLength(1);
  });

  it('refuses no streams, or one stream named twice, before writing', async () => {
    await expect(store.appendMany([])).rejects.toBeInstanceOf(InvalidAppendError);
    const twice = stream('twice');
    await expect(
      store.appendMany([
        { stream: twice, events: [{ type: 'A', data: {} }] },
        { stream: twice, events: [{ type: 'B', data: {} }] },
      ]),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await store.streamRevision(twice)).toBeUndefined();
  });

  it('seals personal data as append does (crypto-shredding passes appendMany through)', async () => {
    const person = stream('person');
    await store.appendMany([{ stream: person, events: [named('Ana Secret')] }]);
    const [read] = await store.readStream(person);
    expect(read.data).toEqual({ personId: 'p-1', name: 'Ana Secret' });
    if (raw && raw !== store) {
      const [stored] = await raw.readStream(person);
      expect(JSON.stringify(stored.data)).not.toContain('Ana Secret');
    }
  });
});
