import { allReadModelProjections } from '../contracts';
import {
  requestSubscription,
  runSubscription,
  signedContract,
} from '../contracts/testing/contract-log';
import {
  DUE_DATE,
  issueInvoice,
  MARCH_TOTAL,
  recordPayment,
} from '../invoices/testing/invoice-log';
import { CustomerAdvancedSearch1765003000000 } from '../migrations/1765003000000-customer-advanced-search';
import { customerIdsMatching } from './customer-ids-matching';
import { listPageQuery, searchCustomers } from './customer-file.queries';
import { selectCustomers } from './customer-search';
import type { CustomerFilters } from './customer-search';
import { foldForSearch } from './search-text';
import { CustomerLog, databaseName, IBAN, OTHER_IBAN } from './testing/customer-log';

/*
 * The advanced search's read-model side (seed 002): the folded columns the customer-file and
 * subscriptions projections keep, the migration that fills them for rows already there, and
 * the filters over the contracts', subscriptions' and invoices' views.
 */
describe(`The customer advanced search on ${databaseName}`, () => {
  let log: CustomerLog;
  const ids = { ana: '', bea: '', carlos: '' };

  beforeAll(async () => {
    log = await CustomerLog.open('customer_advanced_search');
    ids.ana = await log.register(1, {
      zone: 'Sierra Norte',
      seller: 'Lucía',
      collector: 'Óscar',
      address: { street: 'Calle Real 1', city: 'Ávila', neighbourhood: 'San Andrés' },
    });
    await log.run('ChangeBillingSettings', {
      customerId: ids.ana,
      iban: IBAN,
      billingEnabled: true,
      billingDay: 5,
    });
    const anaContract = await signedContract(log, ids.ana, OTHER_IBAN);
    const anaSubscription = await requestSubscription(log, anaContract, ids.ana, {
      tariff: 'Fibra Ñ 600',
    });
    await runSubscription(log, 'ActivateSubscription', {
      subscriptionId: anaSubscription,
      activatedAt: '2025-01-01',
    });
    await issueInvoice(log, ids.ana);

    ids.bea = await log.register(2, {
      personType: 'legal',
      name: 'Bea SL',
      zone: 'Sur',
      address: { street: 'Avenida 2', city: 'Sevilla' },
    });
    await log.run('ChangeBillingSettings', { customerId: ids.bea, iban: IBAN });
    const beaContract = await signedContract(log, ids.bea, IBAN);
    await requestSubscription(log, beaContract, ids.bea, { tariff: 'Móvil 10' });
    const paid = await issueInvoice(log, ids.bea);
    await recordPayment(log, paid, MARCH_TOTAL - 100);

    ids.carlos = await log.register(3, { zone: null });
    await log.project(allReadModelProjections());
  });
  afterAll(() => log.close());

  type Who = keyof typeof ids;
  const found = async (filters: CustomerFilters): Promise<Who[]> => {
    const page = await searchCustomers(log.dataSource, { ...filters, pageSize: 100 });
    return page.items
      .map((item) => (Object.keys(ids) as Who[]).find((who) => ids[who] === item.id)!)
      .sort();
  };

  it('the projections keep zone, seller, collector, city, neighbourhood and tariff folded', async () => {
    expect(
      await log.dataSource.query(
        `SELECT zone_folded, seller_folded, collector_folded, city_folded, neighbourhood_folded
           FROM customer_file WHERE id = $1`,
        [ids.ana],
      ),
    ).toEqual([
      {
        zone_folded: 'sierra norte',
        seller_folded: 'lucia',
        collector_folded: 'oscar',
        city_folded: 'avila',
        neighbourhood_folded: 'san andres',
      },
    ]);
    expect(
      await log.dataSource.query(
        'SELECT tariff_folded FROM customer_subscriptions WHERE customer_id = $1',
        [ids.ana],
      ),
    ).toEqual([{ tariff_folded: 'fibra n 600' }]);
    expect(
      await log.dataSource.query(
        'SELECT zone_folded, city_folded FROM customer_file WHERE id = $1',
        [ids.carlos],
      ),
    ).toEqual([{ zone_folded: null, city_folded: null }]);
  });

  it.each<[string, CustomerFilters, Who[]]>([
    ['zone, case and accents aside', { zone: 'SIERRA NORTE' }, ['ana']],
    ['zone, surrounding blanks aside', { zone: '  sur ' }, ['bea']],
    ['seller', { seller: 'lucia' }, ['ana']],
    ['collector', { collector: 'OSCAR' }, ['ana']],
    ['city', { city: 'avila' }, ['ana']],
    ['neighbourhood', { neighbourhood: 'san andres' }, ['ana']],
    ['person type', { personType: 'legal' }, ['bea']],
    ['subscription state', { subscriptionState: 'pending-activation' }, ['bea']],
    ['tariff', { tariff: 'fibra n 600' }, ['ana']],
    [
      'tariff and state on one subscription',
      { tariff: 'movil 10', subscriptionState: 'active' },
      [],
    ],
    ['contract signed', { contractSigned: true }, ['ana', 'bea']],
    ['no contract signed', { contractSigned: false }, ['carlos']],
    ['IBAN mismatch (rule R4)', { ibanMismatch: true }, ['ana']],
    ['no IBAN mismatch', { ibanMismatch: false }, ['bea', 'carlos']],
    ['billing day', { billingDay: 5 }, ['ana']],
    ['has debt', { hasDebt: true }, ['ana', 'bea']],
    ['debt over 100 cents (Bea owes exactly 100)', { debtOverCents: 100 }, ['ana']],
    ['debt over 99 cents', { debtOverCents: 99 }, ['ana', 'bea']],
  ])('%s: %j finds %j', async (_name, filters, who) => {
    expect(await found(filters)).toEqual(who);
  });

  it('overdue is judged on the day given: not on the due date, from the day after', async () => {
    const afterDue = new Date(Date.parse(`${DUE_DATE}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(await found({ hasOverdueInvoices: true, today: DUE_DATE })).toEqual([]);
    expect(await found({ hasOverdueInvoices: false, today: DUE_DATE })).toEqual([
      'ana',
      'bea',
      'carlos',
    ]);
    expect(await found({ hasOverdueInvoices: true, today: afterDue })).toEqual(['ana', 'bea']);
    expect(await found({ hasOverdueInvoices: true, debtOverCents: 100, today: afterDue })).toEqual([
      'ana',
    ]);
  });

  it('created between two days, both included', async () => {
    const [{ day }]: { day: string }[] = await log.dataSource.query(
      `SELECT to_char(created_at AT TIME ZONE 'Europe/Madrid', 'YYYY-MM-DD') AS day
         FROM customer_file WHERE id = $1`,
      [ids.ana],
    );
    expect(await found({ createdFrom: day, createdTo: day, zone: 'sierra norte' })).toEqual([
      'ana',
    ]);
    expect(await found({ createdTo: '2000-01-01' })).toEqual([]);
  });

  it('a page walked in the list order and one sorted from the matches are the same page', async () => {
    await log.dataSource.query('ANALYZE customer_file');
    const manager = log.dataSource.manager;
    for (const filters of [{}, { contractSigned: true }, { hasDebt: false }] as CustomerFilters[]) {
      const query = selectCustomers(manager, filters);
      const total = await query.getCount();
      const pageOf = async (walkAtMost: number) => {
        const built = await listPageQuery(manager, query, total, 2, walkAtMost);
        return {
          sql: built.getQuery(),
          ids: (await built.offset(0).limit(2).getMany()).map((row) => row.id),
        };
      };
      const walked = await pageOf(Number.MAX_SAFE_INTEGER);
      const sorted = await pageOf(0);
      expect(walked.sql).not.toContain("|| ''");
      expect(sorted.sql).toContain("|| ''");
      expect(sorted.ids).toEqual(walked.ids);
      expect(walked.ids.length).toBe(Math.min(total, 2));
    }
  });

  it('a bulk operation over a search takes the same filters', async () => {
    expect(
      await customerIdsMatching(log.dataSource, { ibanMismatch: true, tariff: 'FIBRA Ñ 600' }),
    ).toEqual([ids.ana]);
  });

  it('a later edit refolds: the filters follow the customer file', async () => {
    await log.bulkUpdate([ids.carlos], { zone: 'Peñas' });
    await log.project(allReadModelProjections());
    expect(await found({ zone: 'penas' })).toEqual(['carlos']);
  });

  it('the migration fills the folded columns of the rows already there, as the projections do', async () => {
    const snapshot = async () => [
      await log.dataSource.query(
        `SELECT id, zone_folded, seller_folded, collector_folded, city_folded, neighbourhood_folded
           FROM customer_file ORDER BY id`,
      ),
      await log.dataSource.query(
        'SELECT id, tariff_folded FROM customer_subscriptions ORDER BY id',
      ),
    ];
    const projected = await snapshot();
    const migration = new CustomerAdvancedSearch1765003000000();
    const runner = log.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await snapshot()).toEqual(projected);
    const rows: { tariff: string; tariff_folded: string }[] = await log.dataSource.query(
      'SELECT tariff, tariff_folded FROM customer_subscriptions',
    );
    for (const row of rows) expect(row.tariff_folded).toBe(foldForSearch(row.tariff));
    expect(await found({ city: 'ÁVILA', tariff: 'fibra ñ 600' })).toEqual(['ana']);
  });
});
