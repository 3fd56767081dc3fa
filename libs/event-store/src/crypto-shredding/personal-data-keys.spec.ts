import { SqlDatabase } from '@app/database';
import { openTestPglite, openTestPostgres } from '../testing/test-databases';
import { SqlPersonalDataKeys } from './personal-data-keys';

const databaseUrl = process.env.DATABASE_URL;

describe(`personal-data keys (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let opened: { db: SqlDatabase; dispose(): Promise<void> };
  let keys: SqlPersonalDataKeys;
  beforeAll(async () => {
    opened = databaseUrl
      ? await openTestPostgres(databaseUrl, 'personal_keys', 20)
      : await openTestPglite();
    keys = await SqlPersonalDataKeys.create(opened.db);
  });
  afterAll(() => opened.dispose());

  it('creates a subject key on first use in one statement, and answers the same key after', async () => {
    let statements = 0;
    const query = opened.db.query.bind(opened.db);
    const counting = ((text: string, params?: unknown[]) => {
      statements++;
      return query(text, params);
    }) as SqlDatabase['query'];
    opened.db.query = counting;
    try {
      const first = await keys.keyFor('subject-1');
      const again = await keys.keyFor('subject-1');
      expect(statements).toBe(2);
      expect(Buffer.isBuffer(first)).toBe(true);
      expect(again).toEqual(first);
    } finally {
      opened.db.query = query;
    }
  });

  it('answers erased for a destroyed key and never creates it again', async () => {
    await keys.keyFor('subject-2');
    await keys.destroy('subject-2');
    expect(await keys.keyFor('subject-2')).toBe('erased');
    expect((await keys.keysOf(['subject-2'])).get('subject-2')).toBe('erased');
  });

  it('gives every concurrent first use of a subject the same key', async () => {
    for (let round = 0; round < 5; round++) {
      const subject = `racing-${round}`;
      const answers = await Promise.all(Array.from({ length: 16 }, () => keys.keyFor(subject)));
      const distinct = new Set(
        answers.map((key) => (key === 'erased' ? key : key.toString('hex'))),
      );
      expect(distinct.size).toBe(1);
      expect(answers[0]).not.toBe('erased');
    }
  });
});
