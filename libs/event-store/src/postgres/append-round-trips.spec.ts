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
});
