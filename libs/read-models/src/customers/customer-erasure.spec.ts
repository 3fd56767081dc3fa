import { DomainError, personalDataErasureBlockers } from '@app/domain';
import { allReadModelProjections } from '../contracts';
import { customerErasureFactsFromReadModels } from '../contracts/customer-erasure-facts';
import { issueInvoice, MARCH_TOTAL, recordPayment } from '../invoices/testing/invoice-log';
import { indexesTheLogReads, withSecondaryIndexesDeferred } from '../rebuild/deferred-indexes';
import { exportCustomersCsv } from './customers-export.csv';
import { CustomerLog, databaseName, IBAN } from './testing/customer-log';

/** The personal values given to Ana below: none may be readable once she is erased. */
const SECRETS = [
  'Ana Erasable',
  'Erasable',
  'ana.erasable@example.com',
  'Calle Secreta 7',
  '600123456',
  'Luis Contact',
  'luis@example.com',
  'Called about the router',
  'moved abroad',
  IBAN,
];

describe(`Personal-data erasure across the log, projections, export and rebuild on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_erasure', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const projections = allReadModelProjections();
  const snapshot = async () => ({
    files: await log.dataSource.query('SELECT * FROM customer_file ORDER BY id'),
    history: await log.dataSource.query('SELECT * FROM customer_history ORDER BY position'),
    invoices: await log.dataSource.query('SELECT * FROM invoices ORDER BY id'),
  });
  const erase = async (customerId: string) => {
    await log.project(projections);
    const facts = await customerErasureFactsFromReadModels(log.dataSource, customerId);
    const blockers = personalDataErasureBlockers(facts);
    return log.run('EraseCustomerPersonalData', { customerId, blockers });
  };

  async function anaWithAnInvoice() {
    const ana = await log.register(1, {
      name: 'Ana Erasable',
      givenName: 'Ana',
      firstSurname: 'Erasable',
      email: 'ana.erasable@example.com',
      address: { street: 'Calle Secreta 7', city: 'Soria' },
      zone: 'Norte',
    });
    await log.run('EditCustomer', { customerId: ana, mobile: '600123456', zone: 'Sur' });
    await log.run('ChangeBillingSettings', { customerId: ana, iban: IBAN, billingEnabled: true });
    await log.run('AddAddress', {
      customerId: ana,
      addressId: 'a-1',
      address: { street: 'Calle Secreta 7' },
    });
    await log.run('AddContactPerson', {
      customerId: ana,
      contactId: 'p-1',
      name: 'Luis Contact',
      email: 'luis@example.com',
    });
    await log.run('RecordInteraction', {
      customerId: ana,
      interactionId: 'i-1',
      kind: 'call',
      text: 'Called about the router',
    });
    await log.run('DeactivateCustomer', { customerId: ana, reason: 'moved abroad' });
    const invoiceId = await issueInvoice(log, ana);
    return { ana, invoiceId };
  }

  it('is refused while an invoice is unpaid, with the reason; allowed once it is paid', async () => {
    const { ana, invoiceId } = await anaWithAnInvoice();
    const refusal = await erase(ana).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'ERASURE.RETENTION_REQUIRED',
      details: [
        { code: 'ERASURE.UNPAID_INVOICES', message: expect.stringContaining('42.35 outstanding') },
      ],
    });
    await recordPayment(log, invoiceId, MARCH_TOTAL);
    await expect(erase(ana)).resolves.toHaveLength(1);
  });

  it('leaves no personal value readable anywhere, keeps the invoice, and a rebuild gives the same rows', async () => {
    const { ana, invoiceId } = await anaWithAnInvoice();
    const bob = await log.register(2, {
      name: 'Bob Kept',
      givenName: 'Bob',
      email: 'bob@example.com',
    });
    await recordPayment(log, invoiceId, MARCH_TOTAL);
    await log.project(projections);
    const invoicesBefore = (await snapshot()).invoices;
    await erase(ana);
    await log.project(projections);
    const live = await snapshot();

    // The log: never rewritten, and nothing personal in clear in it.
    const raw = JSON.stringify(
      await log.db.db.query(`SELECT data FROM es_events WHERE stream_id = $1`, [`customer-${ana}`]),
    );
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
    // Reading it (audit, time travel): the personal fields read as erased.
    const read = JSON.stringify(await log.store.readStream(`customer-${ana}`));
    for (const secret of SECRETS) expect(read).not.toContain(secret);
    expect(read).toContain('[erased]');
    expect(read).toContain('Sur');

    // Projections: the file and its history.
    const file = live.files.find((row: { id: string }) => row.id === ana);
    expect(file).toMatchObject({
      display_name: '[erased]',
      email: null,
      mobile: null,
      street: null,
      city: null,
      masked_iban: null,
      zone: 'Sur',
      billing_enabled: true,
      contact_count: 1,
      interaction_count: 1,
    });
    const anaHistory = JSON.stringify(
      live.history.filter((row: { customer_id: string }) => row.customer_id === ana),
    );
    for (const secret of SECRETS) expect(anaHistory).not.toContain(secret);
    expect(anaHistory).toContain('Personal data erased');
    // The other customer is untouched.
    expect(live.files.find((row: { id: string }) => row.id === bob)).toMatchObject({
      display_name: 'Bob Kept',
      email: 'bob@example.com',
    });

    // Export.
    const csv = await exportCustomersCsv(log.dataSource);
    for (const secret of SECRETS) expect(csv).not.toContain(secret);
    expect(csv).toContain('Bob Kept');

    // Invoices keep their amounts, numbers and legally required snapshot.
    expect(live.invoices).toEqual(invoicesBefore);
    expect(live.invoices[0]).toMatchObject({
      total_cents: String(MARCH_TOTAL),
      outstanding_cents: '0',
    });

    // Rebuild from the log alone gives the same rows.
    const tables = projections.flatMap((projection) => projection.tables);
    await log.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await log.dataSource.query('DELETE FROM projection_checkpoints');
    await log.project(projections);
    expect(await snapshot()).toEqual(live);

    // So does a large rebuild's way: secondary indexes deferred, but for the one the erasure
    // reads, kept because the log holds an erasure (else each erasure scans the history tab).
    await log.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await log.dataSource.query('DELETE FROM projection_checkpoints');
    const indexesDuringRebuild = await withSecondaryIndexesDeferred(
      log.dataSource,
      tables,
      async () => {
        await log.project(projections);
        return secondaryIndexesOf(log, 'customer_history');
      },
      { logHead: 0n, from: 0, keep: () => indexesTheLogReads(log.store, projections) },
    );
    expect(indexesDuringRebuild).toEqual(['customer_history_by_customer']);
    expect(await snapshot()).toEqual(live);
  });

  it('refuses every later command on the erased customer', async () => {
    const ana = await log.register(3);
    await erase(ana);
    await expect(log.run('EditCustomer', { customerId: ana, zone: 'x' })).rejects.toMatchObject({
      code: 'CUSTOMER.ERASED',
    });
    await expect(erase(ana)).rejects.toMatchObject({ code: 'ERASURE.ALREADY_ERASED' });
  });
});

/** The table's indexes other than its primary key, by name. */
async function secondaryIndexesOf(log: CustomerLog, table: string): Promise<string[]> {
  const rows: { indexname: string }[] = await log.dataSource.query(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1
     AND indexname <> $1 || '_pkey' ORDER BY indexname`,
    [table],
  );
  return rows.map((row) => row.indexname);
}
