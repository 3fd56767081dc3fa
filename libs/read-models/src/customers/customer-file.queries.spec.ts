import { CustomerSearch, findCustomerFile, searchCustomers } from './customer-file.queries';
import { allReadModelProjections } from '../contracts';
import { issueInvoice, recordPayment } from '../invoices/testing/invoice-log';
import { CustomerLog, databaseName, dni } from './testing/customer-log';

describe(`Customer file and list queries on ${databaseName}`, () => {
  let log: CustomerLog;
  const ids: Record<string, string> = {};
  const SAME_NAME_IDS = [
    '5a3e0c9a-0000-4000-8000-00000000000b',
    '5a3e0c9a-0000-4000-8000-00000000000a',
  ];

  beforeAll(async () => {
    log = await CustomerLog.open('customer_queries');
    const named = (name: string) => ({ personType: 'other' as const, name });
    ids.alba = await log.register(1, {
      ...named('Alba Ruiz'),
      code: 'C-001',
      zone: 'Centro',
      phone: '910 111 222',
      mobile: '600-111-222',
    });
    ids.bruno = await log.register(2, { ...named('bruno Díaz'), code: 'C-002', zone: 'Norte' });
    ids.carla = await log.register(3, {
      ...named('Carla 100% Fibra'),
      zone: 'Centro',
      address: { street: 'Calle del Castaño 3', city: 'Ávila' },
    });
    ids.dario = await log.register(4, { ...named('Darío'), zone: 'Norte' });
    ids.elena = await log.register(5, { ...named('Elena'), zone: 'Centro' });
    for (const [n, customerId] of SAME_NAME_IDS.entries())
      await log.register(10 + n, { ...named('Mismo Nombre'), customerId, zone: 'Relleno' });
    for (let n = 1; n <= 23; n++)
      await log.register(100 + n, { ...named(`Zz Relleno ${String(n).padStart(2, '0')}`) });

    const billing = { billingEnabled: true, invoiceSeries: 'A' };
    await log.run('ChangeBillingSettings', {
      customerId: ids.alba,
      ...billing,
      paymentMethod: 'direct_debit',
    });
    await log.run('ChangeBillingSettings', { customerId: ids.bruno, paymentMethod: 'transfer' });
    await log.run('ChangeBillingSettings', {
      customerId: ids.carla,
      ...billing,
      paymentMethod: 'card',
    });
    await log.run('DeactivateCustomer', { customerId: ids.dario });
    await log.run('DeleteCustomer', { customerId: ids.elena, blockers: [] });
    // Two invoices of 42.35, 38.71 paid on the first: 2 unpaid, 45.99 owed.
    const first = await issueInvoice(log, ids.bruno);
    await issueInvoice(log, ids.bruno);
    await recordPayment(log, first, 3871);
    // Alba's invoice is paid: she owes nothing.
    await recordPayment(log, await issueInvoice(log, ids.alba), 4235);
    await log.project(allReadModelProjections());
  });
  afterAll(() => log.close());

  const namesOf = async (search: CustomerSearch) =>
    (await searchCustomers(log.dataSource, { pageSize: 100, ...search })).items.map(
      (item) => item.displayName,
    );

  describe('findCustomerFile', () => {
    it('answers the file with its warnings', async () => {
      const file = await findCustomerFile(log.dataSource, ids.alba);
      expect(file).toMatchObject({ id: ids.alba, displayName: 'Alba Ruiz', warnings: [] });
    });

    it('still answers a deleted customer, marked deleted', async () => {
      expect(await findCustomerFile(log.dataSource, ids.elena)).toMatchObject({
        status: 'deleted',
      });
    });

    it('answers null for an unknown or malformed id', async () => {
      expect(await findCustomerFile(log.dataSource, 'f9a8a1aa-0000-4000-8000-000000000000')).toBe(
        null,
      );
      expect(await findCustomerFile(log.dataSource, 'nope')).toBe(null);
    });
  });

  describe('searchCustomers', () => {
    it('lists customers that are not deleted, by display name (case aside) then id', async () => {
      const page = await searchCustomers(log.dataSource, { pageSize: 100 });
      expect(page.total).toBe(29);
      expect(page.items.slice(0, 6).map((item) => item.displayName)).toEqual([
        'Alba Ruiz',
        'bruno Díaz',
        'Carla 100% Fibra',
        'Darío',
        'Mismo Nombre',
        'Mismo Nombre',
      ]);
      expect(page.items.slice(4, 6).map((item) => item.id)).toEqual([...SAME_NAME_IDS].sort());
    });

    it('pages 20 at a time by default, at most 100, and clamps nonsense', async () => {
      const first = await searchCustomers(log.dataSource);
      const second = await searchCustomers(log.dataSource, { page: 2 });
      expect([first.page, first.pageSize, first.total, first.items.length]).toEqual([
        1, 20, 29, 20,
      ]);
      expect([second.page, second.items.length]).toEqual([2, 9]);
      const seen = new Set([...first.items, ...second.items].map((item) => item.id));
      expect(seen.size).toBe(29);
      expect((await searchCustomers(log.dataSource, { pageSize: 1000 })).pageSize).toBe(100);
      expect(await searchCustomers(log.dataSource, { page: 0, pageSize: 0 })).toMatchObject({
        page: 1,
        pageSize: 1,
      });
      expect((await searchCustomers(log.dataSource, { page: 9 })).items).toEqual([]);
    });

    it('answers list items with the fields the list shows', async () => {
      const [bruno] = (await searchCustomers(log.dataSource, { q: 'C-002' })).items;
      expect(bruno).toMatchObject({
        id: ids.bruno,
        code: 'C-002',
        status: 'active',
        displayName: 'bruno Díaz',
        document: { type: 'dni', number: dni(2) },
        email: 'customer2@example.com',
        zone: 'Norte',
        billingEnabled: false,
        paymentMethod: 'transfer',
        unpaidInvoices: 2,
        unpaidBalanceCents: 4599,
      });
    });

    it('filters by status; deleted customers only when asked for', async () => {
      expect(await namesOf({ status: 'inactive' })).toEqual(['Darío']);
      expect(await namesOf({ status: 'deleted' })).toEqual(['Elena']);
      expect(await namesOf({ status: 'active' })).not.toContain('Darío');
      expect((await searchCustomers(log.dataSource, { status: 'active' })).total).toBe(28);
    });

    it('filters by zone, payment method, billing enabled and debt', async () => {
      expect(await namesOf({ zone: 'Centro' })).toEqual(['Alba Ruiz', 'Carla 100% Fibra']);
      expect(await namesOf({ paymentMethod: 'transfer' })).toEqual(['bruno Díaz']);
      expect(await namesOf({ billingEnabled: true })).toEqual(['Alba Ruiz', 'Carla 100% Fibra']);
      expect(await namesOf({ billingEnabled: false })).toHaveLength(27);
      expect(await namesOf({ hasDebt: true })).toEqual(['bruno Díaz']);
      expect(await namesOf({ hasDebt: false })).toHaveLength(28);
    });

    it('combines filters', async () => {
      expect(
        await namesOf({ zone: 'Centro', paymentMethod: 'card', billingEnabled: true }),
      ).toEqual(['Carla 100% Fibra']);
      expect(await namesOf({ zone: 'Norte', status: 'active' })).toEqual(['bruno Díaz']);
      expect(await namesOf({ zone: 'Norte', q: 'alba' })).toEqual([]);
    });

    it.each([
      ['code', 'c-001', ['Alba Ruiz']],
      ['display name', 'BRUNO', ['bruno Díaz']],
      ['document number', dni(3).toLowerCase(), ['Carla 100% Fibra']],
      ['e-mail', 'CUSTOMER1@', ['Alba Ruiz']],
      ['phone as typed', '910 111', ['Alba Ruiz']],
      ['phone by its digits', '910111222', ['Alba Ruiz']],
      ['mobile by its digits', '600 111 222', ['Alba Ruiz']],
      ['a literal %', '100%', ['Carla 100% Fibra']],
      ['a literal _ (no wildcard)', 'Alba_Ruiz', []],
      ['a name typed without its accent', 'diaz', ['bruno Díaz']],
      ['a name typed in capitals with its accent', 'DARÍO', ['Darío']],
      ['a name typed with an accent it lacks', 'rúiz', ['Alba Ruiz']],
      ['a city typed without its accent', 'avila', ['Carla 100% Fibra']],
      ['a street with ñ typed as n', 'castano', ['Carla 100% Fibra']],
      ['a street with ñ typed as Ñ', 'CASTAÑO', ['Carla 100% Fibra']],
    ])('finds by %s with q', async (_what, q, expected) => {
      expect(await namesOf({ q: q as string })).toEqual(expected);
    });

    it('ignores a blank q and leaves deleted customers out of text matches', async () => {
      expect(await namesOf({ q: '   ' })).toHaveLength(29);
      expect(await namesOf({ q: 'Elena' })).toEqual([]);
      expect(await namesOf({ q: 'Elena', status: 'deleted' })).toEqual(['Elena']);
    });
  });
});
