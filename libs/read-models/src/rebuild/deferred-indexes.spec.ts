import { DataSource } from 'typeorm';
import { openReadModels } from '../data-source';
import type { EventStore, ReadAllOptions, RecordedEvent } from '@app/event-store';
import { allReadModelProjections } from '../contracts';
import type { Projection } from '../projection';
import {
  deferSecondaryIndexes,
  indexesTheLogReads,
  restoreDeferredIndexes,
  withSecondaryIndexesDeferred,
} from './deferred-indexes';
import { openTestReadModels, TestReadModels, testDatabaseName } from '../testing/test-read-models';

const TABLES = ['customer_history', 'invoice_transactions'];

describe(`Deferred secondary indexes on ${testDatabaseName} (a rebuild drops them and builds them again)`, () => {
  let readModels: TestReadModels;
  let dataSource: DataSource;

  beforeEach(async () => {
    readModels = await openTestReadModels('deferidx');
    dataSource = readModels.dataSource;
  });
  afterEach(() => readModels.close());

  const indexesOf = async (tables = TABLES): Promise<string[]> =>
    (
      (await dataSource.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
         AND tablename = ANY($1::text[]) ORDER BY indexname`,
        [tables],
      )) as { indexname: string }[]
    ).map((row) => row.indexname);
  const recorded = async (): Promise<string[]> =>
    (
      (await dataSource.query(
        'SELECT index_name FROM read_model_deferred_indexes ORDER BY index_name',
      )) as { index_name: string }[]
    ).map((row) => row.index_name);

  it('drops only the secondary indexes, keeping primary keys and unique ones the projections upsert on', async () => {
    const before = await indexesOf();
    const deferred = await dataSource.transaction((manager) =>
      deferSecondaryIndexes(manager, TABLES),
    );
    expect(deferred.sort()).toEqual([
      'customer_history_by_bulk_operation',
      'customer_history_by_customer',
      'invoice_transactions_by_customer',
    ]);
    expect(await recorded()).toEqual(deferred.sort());
    expect(await indexesOf()).toEqual(before.filter((name) => !deferred.includes(name)));
    expect(await indexesOf()).toEqual(
      expect.arrayContaining([
        'customer_history_pkey',
        'invoice_transactions_pkey',
        'invoice_transactions_invoice_id_revision_key',
      ]),
    );
  });

  it('builds them again, as they were, when the rebuild ends, and analyzes the tables', async () => {
    const definitions = async () =>
      dataSource.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
         AND tablename = ANY($1::text[]) ORDER BY indexname`,
        [TABLES],
      );
    // pg_class.reltuples: -1 for a table never analyzed, its row count (here 0) once analyzed.
    const reltuples = async () =>
      (
        (await dataSource.query(
          `SELECT relname, reltuples FROM pg_class
           WHERE relnamespace = current_schema()::regnamespace AND relname = ANY($1::text[])
           ORDER BY relname`,
          [TABLES],
        )) as { relname: string; reltuples: number }[]
      ).map((row) => [row.relname, Number(row.reltuples)]);
    expect(await reltuples()).toEqual([
      ['customer_history', -1],
      ['invoice_transactions', -1],
    ]);
    const before = await definitions();
    let during: string[] = [];
    await withSecondaryIndexesDeferred(dataSource, TABLES, async () => {
      during = await indexesOf();
    });
    expect(during).not.toContain('customer_history_by_customer');
    expect(await definitions()).toEqual(before);
    expect(await recorded()).toEqual([]);
    expect(await reltuples()).toEqual([
      ['customer_history', 0],
      ['invoice_transactions', 0],
    ]);
  });

  it('builds them again when the rebuild fails, and rethrows its error', async () => {
    const before = await indexesOf();
    await expect(
      withSecondaryIndexesDeferred(dataSource, TABLES, async () => {
        throw new Error('replay failed');
      }),
    ).rejects.toThrow('replay failed');
    expect(await indexesOf()).toEqual(before);
    expect(await recorded()).toEqual([]);
  });

  it('after a rebuild was killed, opening the read models builds what it had deferred', async () => {
    const before = await indexesOf();
    // A rebuild killed mid-way: the drop and its record committed, nothing built them again.
    await dataSource.transaction((manager) => deferSecondaryIndexes(manager, TABLES));
    expect(await indexesOf()).not.toEqual(before);
    const reopened = await openReadModels(readModels.db);
    try {
      expect(await indexesOf()).toEqual(before);
      expect(await recorded()).toEqual([]);
    } finally {
      await reopened.destroy();
    }
  });

  it('builds each index once when two restorers race (on PostgreSQL, on two connections)', async () => {
    await dataSource.transaction((manager) => deferSecondaryIndexes(manager, TABLES));
    const [first, second] = await Promise.all([
      restoreDeferredIndexes(dataSource),
      restoreDeferredIndexes(dataSource),
    ]);
    expect([...first, ...second].sort()).toEqual([
      'customer_history_by_bulk_operation',
      'customer_history_by_customer',
      'invoice_transactions_by_customer',
    ]);
    expect(await recorded()).toEqual([]);
  });

  it('restores only the named tables when asked to', async () => {
    await dataSource.transaction((manager) => deferSecondaryIndexes(manager, TABLES));
    expect(await restoreDeferredIndexes(dataSource, ['invoice_transactions'])).toEqual([
      'invoice_transactions_by_customer',
    ]);
    expect(await recorded()).toEqual([
      'customer_history_by_bulk_operation',
      'customer_history_by_customer',
    ]);
  });

  it('keeps the indexes it is told to keep, and builds the others again', async () => {
    const before = await indexesOf();
    let during: string[] = [];
    await withSecondaryIndexesDeferred(
      dataSource,
      TABLES,
      async () => {
        during = await indexesOf();
      },
      { logHead: 0n, from: 0, keep: async () => ['customer_history_by_customer'] },
    );
    expect(during).toContain('customer_history_by_customer');
    expect(during).not.toContain('customer_history_by_bulk_operation');
    expect(during).not.toContain('invoice_transactions_by_customer');
    expect(await indexesOf()).toEqual(before);
  });

  it('every index a projection reads on an event is a secondary index of its own tables', async () => {
    const declared: string[] = [];
    for (const projection of allReadModelProjections()) {
      const named = Object.values(projection.rebuild?.indexesReadOn ?? {}).flat();
      const own = await indexesOf([...projection.tables]);
      for (const index of named) expect(own).toContain(index);
      declared.push(...named);
    }
    expect(declared).toContain('customer_history_by_customer');
  });
});

describe('indexesTheLogReads (which deferred indexes a rebuild keeps)', () => {
  const projections: Pick<Projection, 'rebuild'>[] = [
    {
      rebuild: { indexesReadOn: { Erased: ['by_customer'], Merged: ['by_customer', 'by_merge'] } },
    },
    { rebuild: { indexesReadOn: { Moved: ['by_zone'] } } },
    {},
  ];
  /** A log of events of the given types; records how it was asked. */
  const logOf = (types: string[]) => {
    const asked: ReadAllOptions[] = [];
    const store: Pick<EventStore, 'readAll'> = {
      readAll: async (options: ReadAllOptions = {}) => {
        asked.push(options);
        const found = types
          .filter((type) => options.eventTypes?.includes(type) ?? true)
          .map((type) => ({ type }) as RecordedEvent);
        return found.slice(0, options.limit);
      },
    };
    return { store, asked };
  };

  it('keeps the indexes of the event types the log holds, one event asked for each type', async () => {
    const { store, asked } = logOf(['Registered', 'Merged', 'Merged']);
    expect(await indexesTheLogReads(store, projections)).toEqual(['by_customer', 'by_merge']);
    expect(asked.map((options) => [options.eventTypes, options.limit])).toEqual([
      [['Erased'], 1],
      [['Merged'], 1],
      [['Moved'], 1],
    ]);
  });

  it('keeps none when the log holds none of those events', async () => {
    expect(await indexesTheLogReads(logOf(['Registered']).store, projections)).toEqual([]);
  });
});
