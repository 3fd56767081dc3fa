import { randomUUID } from 'node:crypto';
import { PgliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';
import { preparedStatement, preparedStatementName } from './prepared-statements';

const databaseUrl = process.env.DATABASE_URL;
const describeOnPostgres = databaseUrl ? describe : describe.skip;

describe('prepared statements: registered texts', () => {
  it('a text registered under a name is found by its text; unregistered texts have none', () => {
    const text = `SELECT 1 AS one -- ${randomUUID()}`;
    expect(preparedStatementName(text)).toBeUndefined();
    expect(preparedStatement('spec_one', text)).toBe(text);
    expect(preparedStatementName(text)).toBe('spec_one');
    // Registering it again (a module loaded twice) is harmless.
    expect(preparedStatement('spec_one', text)).toBe(text);
  });

  it('refuses a name already registered with another text', () => {
    preparedStatement('spec_two', 'SELECT 2 AS two');
    expect(() => preparedStatement('spec_two', 'SELECT 3 AS three')).toThrow(/spec_two/);
  });

  it('PGlite runs a registered text as any other', async () => {
    const db = await PgliteDatabase.open();
    try {
      const text = preparedStatement('spec_pglite', 'SELECT $1::int + 1 AS next');
      expect((await db.query(text, [41])).rows).toEqual([{ next: 42 }]);
    } finally {
      await db.close();
    }
  });
});

describeOnPostgres('prepared statements on PostgreSQL', () => {
  let db: PostgresDatabase;
  let admin: PostgresDatabase;
  const table = `prepared_spec_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  beforeAll(async () => {
    db = await PostgresDatabase.open({ connectionString: databaseUrl!, poolSize: 1 });
    admin = await PostgresDatabase.open({ connectionString: databaseUrl!, poolSize: 1 });
    await admin.query(`CREATE TABLE ${table} (a int)`);
    await admin.query(`INSERT INTO ${table} VALUES (1)`);
  });
  afterAll(async () => {
    await admin?.query(`DROP TABLE IF EXISTS ${table}`);
    await db?.close();
    await admin?.close();
  });

  const preparedOnTheConnection = async (): Promise<string[]> =>
    (await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements')).rows.map(
      (row) => row.name,
    );

  it('prepares a registered text once on the connection; an unregistered one is not kept', async () => {
    const text = preparedStatement('spec_by_a', `SELECT a FROM ${table} WHERE a = $1`);
    expect((await db.query(text, [1])).rows).toEqual([{ a: 1 }]);
    expect((await db.query(text, [2])).rows).toEqual([]);
    await db.query(`SELECT a FROM ${table} WHERE a = $1`, [1]);
    expect(await preparedOnTheConnection()).toEqual(['spec_by_a']);
  });

  it('in a transaction and on a lease too', async () => {
    const text = preparedStatement('spec_count', `SELECT count(*)::int AS n FROM ${table}`);
    expect(await db.transaction(async (tx) => (await tx.query(text)).rows)).toEqual([{ n: 1 }]);
    const lease = await db.lease();
    try {
      expect((await lease.query(text)).rows).toEqual([{ n: 1 }]);
    } finally {
      lease.release();
    }
    expect(await preparedOnTheConnection()).toContain('spec_count');
  });

  it('with preparedStatements off (a pooler that cannot keep them): every text runs unnamed', async () => {
    const unprepared = await PostgresDatabase.open({
      connectionString: databaseUrl!,
      poolSize: 1,
      preparedStatements: false,
    });
    try {
      const text = preparedStatement('spec_off', `SELECT a FROM ${table} WHERE a = $1`);
      expect((await unprepared.query(text, [1])).rows).toEqual([{ a: 1 }]);
      const { rows } = await unprepared.query('SELECT name FROM pg_prepared_statements');
      expect(rows).toEqual([]);
    } finally {
      await unprepared.close();
    }
  });

  it('a migration changing its result columns: the query answers unprepared, not an error', async () => {
    const text = preparedStatement('spec_star', `SELECT * FROM ${table}`);
    expect((await db.query(text)).rows).toEqual([{ a: 1 }]);
    await admin.query(`ALTER TABLE ${table} ADD COLUMN b text DEFAULT 'x'`);
    expect((await db.query(text)).rows).toEqual([{ a: 1, b: 'x' }]);
  });
});
