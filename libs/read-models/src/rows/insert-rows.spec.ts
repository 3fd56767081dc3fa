import fc from 'fast-check';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerHistoryRow } from '../customers/customer-history.entity';
import { InvoiceTransactionRow } from '../invoices/account-statement.entity';
import { insertRows } from './insert-rows';
import { openTestReadModels, TestReadModels, testDatabaseName } from '../testing/test-read-models';

/** Text PostgreSQL can hold (no NUL), rich in what COPY's text format escapes. */
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom('\\', '\t', '\n', '\r', 'N', '"', ',', 'ñ', '✓', '😀', ' ', 'a'),
  }),
  fc.string({ unit: 'grapheme' }).map((s) => s.replaceAll('\0', '')),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const historyRows = fc
  .array(
    fc.record({
      eventId: fc.uuid(),
      customerId: fc.uuid(),
      stream: text,
      occurredAt: fc.date({
        min: new Date('1970-01-01'),
        max: new Date('2999-12-31'),
        noInvalidDate: true,
      }),
      actor: text,
      correlationId: text,
      causationId: fc.option(text),
      eventType: text,
      summary: text,
      changes: fc.array(fc.record({ field: text, before: json, after: json }), { maxLength: 3 }),
      bulkOperationId: fc.option(text),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => rows.map((row, index) => ({ ...row, position: String(index + 1) })));

describe(`insertRows on ${testDatabaseName}: COPY for new rows, JSON otherwise`, () => {
  let readModels: TestReadModels;
  let dataSource: DataSource;

  beforeAll(async () => {
    readModels = await openTestReadModels('insertrows');
    dataSource = readModels.dataSource;
  });
  afterAll(() => readModels.close());

  const tableOf = async (table: string): Promise<unknown[]> =>
    (
      (await dataSource.query(
        `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY position`,
      )) as { row: string }[]
    ).map(({ row }) => JSON.parse(row) as unknown);

  /** Runs `work` in a transaction, counting the COPYs it sends through the lease. */
  async function inTransaction(work: (manager: EntityManager) => Promise<void>): Promise<number> {
    let copies = 0;
    await dataSource.transaction(async (manager) => {
      const connection = (await manager.queryRunner!.connect()) as {
        copyFrom(...args: unknown[]): Promise<void>;
      };
      const copyFrom = connection.copyFrom.bind(connection);
      connection.copyFrom = (...args) => {
        copies += 1;
        return copyFrom(...args);
      };
      try {
        await work(manager);
      } finally {
        connection.copyFrom = copyFrom;
      }
    });
    return copies;
  }

  it('writes new rows by COPY exactly as the JSON INSERT writes them: text, JSON, dates, NULLs', async () => {
    await fc.assert(
      fc.asyncProperty(historyRows, async (rows) => {
        await dataSource.query('TRUNCATE customer_history');
        const copies = await inTransaction((manager) =>
          insertRows(manager, CustomerHistoryRow, rows, 'fail'),
        );
        const copied = await tableOf('customer_history');
        await dataSource.query('TRUNCATE customer_history');
        await inTransaction((manager) => insertRows(manager, CustomerHistoryRow, rows, 'ignore'));
        expect(copies).toBe(1);
        expect(copied).toEqual(await tableOf('customer_history'));
        expect(copied).toHaveLength(rows.length);
      }),
      { numRuns: 30 },
    );
  });

  it("writes a transformed column's database value, in chunks of 2,000 lines", async () => {
    await dataSource.query('TRUNCATE invoice_transactions');
    const rows: InvoiceTransactionRow[] = Array.from({ length: 4500 }, (_, index) => ({
      eventId: '00000000-0000-4000-8000-000000000001',
      customerId: 'c-1',
      invoiceId: `i-${index}`,
      revision: index,
      kind: 'payment',
      reference: `P\t${index}`,
      description: 'Payment\nby card',
      documentCents: 12_345,
      amountCents: -12_345,
      occurredAt: '2025-03-01',
      recordedAt: new Date('2025-03-01T10:00:00.000Z'),
      position: index + 1,
    }));
    expect(await inTransaction((manager) => insertRows(manager, InvoiceTransactionRow, rows))).toBe(
      1,
    );
    const written = await dataSource
      .getRepository(InvoiceTransactionRow)
      .find({ order: { position: 'ASC' } });
    expect(written).toHaveLength(4500);
    expect(written[4499]).toEqual(rows[4499]);
  });

  it('fails with the row that is already there, and the transaction writes nothing', async () => {
    await dataSource.query('TRUNCATE invoice_transactions');
    const row = (position: number): InvoiceTransactionRow => ({
      eventId: '00000000-0000-4000-8000-000000000002',
      customerId: 'c-2',
      invoiceId: 'i-2',
      revision: position,
      kind: 'invoice',
      reference: 'A-1',
      description: 'Invoice',
      documentCents: 100,
      amountCents: 100,
      occurredAt: '2025-03-01',
      recordedAt: new Date('2025-03-01T10:00:00.000Z'),
      position,
    });
    await inTransaction((manager) => insertRows(manager, InvoiceTransactionRow, [row(2)]));
    await expect(
      inTransaction((manager) =>
        insertRows(manager, InvoiceTransactionRow, [row(1), row(2), row(3)]),
      ),
    ).rejects.toThrow(/duplicate key/);
    expect(
      (await tableOf('invoice_transactions')).map(
        (line) => (line as { position: number }).position,
      ),
    ).toEqual([2]);
  });

  it('writes new rows outside a transaction too, by the JSON INSERT', async () => {
    await dataSource.query('TRUNCATE customer_history');
    const [rows] = fc.sample(historyRows, { numRuns: 1, seed: 7 });
    await insertRows(dataSource.manager, CustomerHistoryRow, rows);
    expect(await tableOf('customer_history')).toHaveLength(rows.length);
  });
});
