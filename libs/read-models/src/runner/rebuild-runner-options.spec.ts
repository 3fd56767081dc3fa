import { analyzeAsTablesGrow } from './rebuild-runner-options';

describe('analyzeAsTablesGrow (a rebuild refreshes the planner statistics as tables fill)', () => {
  const statements: string[] = [];
  const dataSource = { query: async (sql: string) => void statements.push(sql) };
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
    expect(statements[0]).toBe('ANALYZE "customer_file", "invoices", "invoice_credit_notes"');
  });

  it('runs nothing for projections without tables', async () => {
    const onBatch = analyzeAsTablesGrow(dataSource, [{ tables: [] }], 1);
    await onBatch({ events: 10 });
    expect(statements).toEqual([]);
  });
});
