import { DataSource } from 'typeorm';
import { AnalyzingDataSource, analyzeAsTablesGrow } from './analyze-as-tables-grow';
import { withSecondaryIndexesDeferred } from './deferred-indexes';
import { openTestReadModels, TestReadModels, testDatabaseName } from '../testing/test-read-models';

describe('analyzeAsTablesGrow (a rebuild refreshes the planner statistics as tables fill)', () => {
  const statements: string[] = [];
  const query = async (sql: string) => void statements.push(sql);
  const dataSource = {
    transaction: async (work: (manager: { query: typeof query }) => Promise<unknown>) =>
      work({ query }),
  } as unknown as AnalyzingDataSource;
  beforeEach(() => (statements.length = 0));

  it('analyzes every projection table once the first threshold is passed, then at each doubling', async () => {
    const onBatch = analyzeAsTablesGrow(
      dataSource,
      [{ tables: ['customer_file'] }, { tables: ['invoices', 'invoice_credit_notes'] }],
      100,
    );
    const analyzedAfter: number[] = [];
    let applied = 0;
    for (let batch = 0; batch < 20; batch++) {
      const before = statements.length;
      await onBatch({ events: 50 });
      applied += 50;
      if (statements.length > before) analyzedAfter.push(applied);
    }
    expect(analyzedAfter).toEqual([100, 200, 400, 800]);
    expect(statements.slice(0, 2)).toEqual([
      'SET LOCAL default_statistics_target = 10',
      'ANALYZE "customer_file", "invoices", "invoice_credit_notes"',
    ]);
  });

  it('runs nothing for projections without tables', async () => {
    const onBatch = analyzeAsTablesGrow(dataSource, [{ tables: [] }], 1);
    await onBatch({ events: 10 });
    expect(statements).toEqual([]);
  });
});

describe(`A rebuild's statistics on ${testDatabaseName}: quick samples while it runs, full ones at its end`, () => {
  let readModels: TestReadModels;
  let dataSource: DataSource;
  const TABLE = 'analyze_probe';

  beforeEach(async () => {
    readModels = await openTestReadModels('analyzestats');
    dataSource = readModels.dataSource;
    await dataSource.query(`CREATE TABLE ${TABLE} (n integer)`);
    await dataSource.query(`INSERT INTO ${TABLE} SELECT generate_series(1, 5000)`);
  });
  afterEach(() => readModels.close());

  /** How many bounds the histogram of `n` has: the statistics target plus one, at most. */
  const histogramBounds = async (): Promise<number | null> => {
    const [row]: { bounds: number | null }[] = await dataSource.query(
      `SELECT array_length(histogram_bounds::text::int[], 1) AS bounds FROM pg_stats
       WHERE schemaname = current_schema() AND tablename = $1 AND attname = 'n'`,
      [TABLE],
    );
    return row?.bounds ?? null;
  };
  const statisticsTarget = async (): Promise<string> =>
    ((await dataSource.query('SHOW default_statistics_target')) as Record<string, string>[])[0]
      .default_statistics_target;

  it('a growth ANALYZE samples with a statistics target of 10, and leaves the setting as it was', async () => {
    await analyzeAsTablesGrow(dataSource, [{ tables: [TABLE] }], 1)({ events: 1 });
    expect(await histogramBounds()).toBe(11);
    expect(await statisticsTarget()).toBe('100');
  });

  it('a rebuild past the first threshold ends with a full ANALYZE, its indexes not deferred', async () => {
    await withSecondaryIndexesDeferred(dataSource, [TABLE], async () => undefined, {
      logHead: 200_000n,
      from: 1_000_000,
    });
    expect(await histogramBounds()).toBe(101);
  });

  it('a rebuild below it analyzes nothing', async () => {
    await withSecondaryIndexesDeferred(dataSource, [TABLE], async () => undefined, {
      logHead: 199_999n,
      from: 1_000_000,
    });
    expect(await histogramBounds()).toBeNull();
  });
});
