import { SqlDatabase } from '@app/database';
import { personalDataPolicy } from '@app/domain';
import { createEventStore, EventStore } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '../../../event-store/src/testing/test-databases';
import { CommandContext } from '../commands/command-context';
import { IssuerUniqueValues } from './issuer-unique-values';
import { IssuerWrites } from './issuer-writes';

const databaseUrl = process.env.DATABASE_URL;

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  actor: 'spec',
  via: 'spec',
  correlationId: 'c-1',
  causationId: null,
  at: new Date().toISOString(),
  ...overrides,
});

let serial = 0;
/** A CIF with its control digit, different for each call (B + 7 digits + digit). */
function aCif(): string {
  const digits = String(1_000_000 + ((Date.now() + ++serial * 7919) % 8_999_999));
  const sum = [...digits].reduce((total, char, index) => {
    const digit = Number(char);
    if (index % 2 === 1) return total + digit;
    return total + Math.floor((digit * 2) / 10) + ((digit * 2) % 10);
  }, 0);
  return `B${digits}${(10 - (sum % 10)) % 10}`;
}
const aSeries = () => `S${Date.now().toString(36).toUpperCase()}${++serial}`;

const register = (issuerId: string, nif: string, series: string[]) => ({
  type: 'RegisterIssuer' as const,
  data: {
    issuerId,
    legalName: `Issuer ${issuerId}`,
    nif,
    address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid' },
    series,
  },
  metadata: { at: new Date().toISOString() },
});

describe(`issuer writes: one NIF per issuer, one issuer per series (rule 21, ${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: SqlDatabase;
  let dispose: () => Promise<void>;
  let store: EventStore;
  let writes: IssuerWrites;

  beforeAll(async () => {
    ({ db: database, dispose } = databaseUrl
      ? await openTestPostgres(databaseUrl, 'issuers')
      : await openTestPglite());
    store = await createEventStore(database, { personalData: personalDataPolicy });
    writes = new IssuerWrites(store, new IssuerUniqueValues(store));
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dispose?.();
  });

  const countAll = async () => {
    const { rows } = await database.query<{ count: string }>(
      'SELECT count(*) AS count FROM es_events',
    );
    return Number(rows[0].count);
  };

  it('registers an issuer with the claims of its NIF and series in the same append', async () => {
    const before = await countAll();
    const outcome = await writes.decide(
      'a',
      register('a', aCif(), [aSeries(), aSeries()]),
      context(),
    );
    expect(outcome).toMatchObject({ id: 'a', version: 1 });
    expect((await countAll()) - before).toBe(4);
  });

  it('of 6 racing registrations of one NIF, one wins and the losers write nothing', async () => {
    const nif = aCif();
    const before = await countAll();
    const answers = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        writes.decide(`race-${serial}-${i}`, register(`race-${i}`, nif, []), context()),
      ),
    );
    const won = answers.filter((answer) => answer.status === 'fulfilled');
    const refused = answers.flatMap((answer) =>
      answer.status === 'rejected' ? [(answer.reason as { code?: string }).code] : [],
    );
    expect(won).toHaveLength(1);
    expect(refused).toEqual(Array(5).fill('R21.NIF_TAKEN'));
    expect((await countAll()) - before).toBe(2);
  });

  it('refuses a series another issuer owns, naming it, and writes nothing', async () => {
    const taken = aSeries();
    await writes.decide('owner', register('owner', aCif(), [taken]), context());
    const before = await countAll();
    await expect(
      writes.decide('other', register('other', aCif(), [taken]), context()),
    ).rejects.toMatchObject({ code: 'R21.SERIES_TAKEN', message: expect.stringContaining(taken) });
    await writes.decide('other', register('other', aCif(), []), context());
    await expect(
      writes.decide(
        'other',
        { type: 'EditIssuer', data: { issuerId: 'other', series: [taken] }, metadata: { at: '' } },
        context(),
      ),
    ).rejects.toMatchObject({ code: 'R21.SERIES_TAKEN' });
    expect((await countAll()) - before).toBe(2);
  });

  it('a series dropped by its issuer is released, and another issuer may then take it', async () => {
    const moving = aSeries();
    await writes.decide('from', register('from', aCif(), [moving]), context());
    await writes.decide('to', register('to', aCif(), []), context());
    const edit = (issuerId: string, series: string[]) => ({
      type: 'EditIssuer' as const,
      data: { issuerId, series },
      metadata: { at: new Date().toISOString() },
    });
    const before = await countAll();
    await writes.decide('from', edit('from', []), context());
    expect((await countAll()) - before).toBe(2);
    await expect(writes.decide('to', edit('to', [moving]), context())).resolves.toMatchObject({
      version: 2,
    });
  });
});
