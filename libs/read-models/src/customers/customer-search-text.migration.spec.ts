import { allReadModelProjections } from '../contracts';
import { CustomerSearchText1765001100000 } from '../migrations/1765001100000-customer-search-text';
import { searchCustomers } from './customer-file.queries';
import { customerSearchText } from './search-text';
import { CustomerLog, databaseName } from './testing/customer-log';

/*
 * Rows projected before the search text existed get it from the migration, folded by the same
 * function as the projection's, so the list is right right after the upgrade.
 */
describe(`The customer search text migration on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeAll(async () => {
    log = await CustomerLog.open('customer_search_text');
    await log.register(1, {
      personType: 'other',
      name: 'Íñigo Peña',
      address: { street: 'Plaza de España 1', city: 'Cádiz' },
    });
    const customerId = await log.register(2, { personType: 'other', name: 'Ana Ruiz' });
    await log.run('AddAddress', {
      customerId,
      addressId: 'second',
      label: 'Segunda',
      address: { street: 'Camí de Sóller 4', city: 'Palma' },
    });
    for (let n = 1; n <= 3; n++)
      await log.register(10 + n, { personType: 'other', name: `Relleno ${n}` });
    await log.project(allReadModelProjections());
  });
  afterAll(() => log.close());

  const namesOf = async (q: string) =>
    (await searchCustomers(log.dataSource, { q })).items.map((item) => item.displayName);

  it('fills the column of every row already there, as the projection fills it', async () => {
    const projected: unknown[] = await log.dataSource.query(
      'SELECT id, search_text FROM customer_file ORDER BY id',
    );
    const migration = new CustomerSearchText1765001100000();
    const runner = log.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(
      await log.dataSource.query('SELECT id, search_text FROM customer_file ORDER BY id'),
    ).toEqual(projected);
    const rows = await log.dataSource.query(
      'SELECT display_name, street, city, addresses, search_text FROM customer_file',
    );
    for (const row of rows as Record<string, never>[])
      expect(row.search_text).toBe(
        customerSearchText({
          displayName: row.display_name,
          street: row.street,
          city: row.city,
          addresses: row.addresses,
        }),
      );
    expect(await namesOf('pena')).toEqual(['Íñigo Peña']);
    expect(await namesOf('inigo')).toEqual(['Íñigo Peña']);
    expect(await namesOf('ESPANA')).toEqual(['Íñigo Peña']);
    expect(await namesOf('cadiz')).toEqual(['Íñigo Peña']);
    expect(await namesOf('soller')).toEqual(['Ana Ruiz']);
  });
});
