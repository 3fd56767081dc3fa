import { PgliteDatabase } from './pglite-database';

describe('PgliteDatabase (one embedded session)', () => {
  let db: PgliteDatabase;

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    await db.query('CREATE TABLE items (id int PRIMARY KEY)');
  });
  afterAll(() => db.close());

  it('starts with a 32 MB buffer pool: PostgreSQL zeroes all of it at every start', async () => {
    const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(rows[0].shared_buffers).toBe('32MB');
  });

  it('keeps a committed transaction when a concurrent one rolls back', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES ($1)', [1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('boom');
    });
    const succeeding = db.transaction(async (tx) => {
      await tx.query('INSERT INTO items VALUES ($1)', [2]);
    });
    await expect(failing).rejects.toThrow('boom');
    await succeeding;
    const { rows } = await db.query<{ id: number }>('SELECT id FROM items ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([2]);
  });

  it('loses nothing under 50 concurrent transactions and leases', async () => {
    await db.query('DELETE FROM items');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? db.transaction((tx) => tx.query('INSERT INTO items VALUES ($1)', [i]))
          : db.lease().then(async (lease) => {
              try {
                await lease.query('BEGIN');
                await lease.query('INSERT INTO items VALUES ($1)', [i]);
                await lease.query('COMMIT');
              } finally {
                lease.release();
              }
            }),
      ),
    );
    const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM items');
    expect(rows[0].count).toBe('50');
  });

  it('returns 64-bit integers as strings, like pg', async () => {
    const { rows } = await db.query<{ big: string }>('SELECT 9007199254740993::bigint AS big');
    expect(rows[0].big).toBe('9007199254740993');
  });
});
