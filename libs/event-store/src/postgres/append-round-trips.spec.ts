import { SqlDatabase } from '@app/database';
import { WrongExpectedRevisionError } from '../errors';
import { openTestPglite, openTestPostgres } from '../testing/test-databases';
import { PostgresEventStore } from './postgres-event-store';

const databaseUrl = process.env.DATABASE_URL;

/** Counts what the store sends: statements on the pool, and transactions opened. */
function counted(db: SqlDatabase) {
  const sent = { statements: 0, transactions: 0 };
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = ((text: string, params?: unknown[]) => {
    sent.statements++;
    return query(text, params);
  }) as SqlDatabase['query'];
  db.transaction = ((work: Parameters<SqlDatabase['transaction']>[0]) => {
    sent.transactions++;
    return transaction(work);
  }) as SqlDatabase['transaction'];
  return sent;
}

describe(`an append is one round trip (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let opened: { db: SqlDatabase; dispose(): Promise<void> };
  let store: PostgresEventStore;
  beforeAll(async () => {
    opened = databaseUrl
      ? await openTestPostgres(databaseUrl, 'round_trips')
      : await openTestPglite();
    store = await PostgresEventStore.create(opened.db);
  });
  afterAll(async () => {
    await store.close();
    await opened.dispose();
  });

  it('sends one statement and opens no transaction, whatever the expectation', async () => {
    const sent = counted(opened.db);
    const first = await store.append('rt-1', [{ type: 'A', data: {} }], {
      expectedRevision: 'no_stream',
    });
    await store.append(
      'rt-1',
      [
        { type: 'B', data: {} },
        { type: 'C', data: {} },
      ],
      {
        expectedRevision: first.nextRevision,
      },
    );
    await store.append('rt-1', [{ type: 'D', data: {} }], { expectedRevision: 'stream_exists' });
    await store.append('rt-1', [{ type: 'E', data: {} }]);
    expect(sent).toEqual({ statements: 4, transactions: 0 });
    expect((await store.readStream('rt-1')).map((e) => [e.type, e.revision])).toEqual([
      ['A', 0n],
      ['B', 1n],
      ['C', 2n],
      ['D', 3n],
      ['E', 4n],
    ]);
  });

  it('refuses a wrong expectation in the same call, naming the current revision, writing nothing', async () => {
    await store.append('rt-2', [{ type: 'A', data: {} }]);
    const sent = counted(opened.db);
    const refusal = store.append('rt-2', [{ type: 'B', data: {} }], { expectedRevision: 5n });
    await expect(refusal).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(refusal).rejects.toMatchObject({ actual: 0n });
    await expect(
      store.append('rt-3', [{ type: 'A', data: {} }], { expectedRevision: 'stream_exists' }),
    ).rejects.toMatchObject({ actual: 'no_stream' });
    expect(sent.transactions).toBe(0);
    expect((await store.readStream('rt-2')).map((e) => e.type)).toEqual(['A']);
    expect(await store.readStream('rt-3')).toEqual([]);
  });

  it('appends several streams in one statement, all or none', async () => {
    await store.append('rtm-existing', [{ type: 'A', data: {} }]);
    const sent = counted(opened.db);
    const results = await store.appendMany([
      { stream: 'rtm-new', events: [{ type: 'A', data: {} }], expectedRevision: 'no_stream' },
      {
        stream: 'rtm-existing',
        events: [
          { type: 'B', data: {} },
          { type: 'C', data: {} },
        ],
        expectedRevision: 0n,
      },
    ]);
    expect(sent).toEqual({ statements: 1, transactions: 0 });
    expect(results.map((r) => r.nextRevision)).toEqual([0n, 2n]);
    expect(results[1].position - results[0].position).toBe(2n);
    const written = await store.readStream('rtm-existing');
    expect(written.map((e) => [e.type, e.revision, e.position])).toEqual([
      ['A', 0n, written[0].position],
      ['B', 1n, results[0].position + 1n],
      ['C', 2n, results[1].position],
    ]);
  });

  it('refuses the whole appendMany when a later stream is stale, naming it, writing nothing', async () => {
    await store.append('rtm-stale', [{ type: 'A', data: {} }]);
    const sent = counted(opened.db);
    const refusal = store.appendMany([
      { stream: 'rtm-fresh', events: [{ type: 'A', data: {} }], expectedRevision: 'no_stream' },
      { stream: 'rtm-stale', events: [{ type: 'B', data: {} }], expectedRevision: 'no_stream' },
    ]);
    await expect(refusal).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(refusal).rejects.toMatchObject({ stream: 'rtm-stale', actual: 0n });
    expect(sent.transactions).toBe(0);
    expect(await store.readStream('rtm-fresh')).toEqual([]);
    expect(await store.streamRevision('rtm-fresh')).toBeUndefined();
    expect((await store.readStream('rtm-stale')).map((e) => e.type)).toEqual(['A']);
    // The stream left unwritten can still be opened: the refusal held nothing.
    await store.append('rtm-fresh', [{ type: 'A', data: {} }], { expectedRevision: 'no_stream' });
  });
});
