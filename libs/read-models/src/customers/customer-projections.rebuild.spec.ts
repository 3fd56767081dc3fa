import { ProjectionRunner } from '../runner/projection-runner';
import { customerProjections } from '.';
import { CustomerLog, databaseName, IBAN, OTHER_IBAN } from './testing/customer-log';

describe(`Customer projections rebuilt from the log on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_rebuild');
  });
  afterEach(() => log.close());

  const snapshot = async () => ({
    files: await log.dataSource.query('SELECT * FROM customer_file ORDER BY id'),
    history: await log.dataSource.query('SELECT * FROM customer_history ORDER BY position'),
  });

  /** A bit of everything, including a bulk update and a deleted customer. */
  async function busyDay(): Promise<void> {
    const ana = await log.register(1, { zone: 'Centro' });
    const bea = await log.register(2, { personType: 'legal', name: 'Bea SL' });
    await log.run('ChangeBillingSettings', { customerId: ana, iban: IBAN, billingEnabled: true });
    await log.run('AddAddress', {
      customerId: ana,
      addressId: 'a-1',
      address: { street: 'Sol 1' },
    });
    await log.run('AddContactPerson', { customerId: bea, contactId: 'p-1', name: 'Luis' });
    await log.run('RecordInteraction', {
      customerId: bea,
      interactionId: 'i-1',
      kind: 'visit',
      text: 'Installed the router',
    });
    await log.bulkUpdate([ana, bea], { zone: 'Norte', paymentMethod: 'transfer' });
    await log.run('ChangeBillingSettings', { customerId: ana, iban: OTHER_IBAN });
    await log.run('EditCustomer', { customerId: bea, name: 'Bea Renamed SL', email: 'b@x.es' });
    await log.run('DeactivateCustomer', { customerId: bea, reason: 'asked' });
    const gone = await log.register(3);
    await log.run('DeleteCustomer', { customerId: gone, blockers: [] });
  }

  it('gives rows identical to the live ones after wiping the tables and checkpoints', async () => {
    const live = new ProjectionRunner(log.store, log.dataSource, customerProjections(), {
      batchSize: 3,
    });
    live.start();
    await busyDay();
    const head = log.lastPosition;
    const deadline = Date.now() + 10_000;
    while (live.position < head && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await live.stop();
    const liveRows = await snapshot();
    expect(liveRows.files).toHaveLength(3);
    expect(liveRows.history.length).toBe((await log.allEvents()).length);

    const projections = customerProjections();
    const tables = projections.flatMap((projection) => projection.tables);
    await log.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await log.dataSource.query('DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])', [
      projections.map((projection) => projection.name),
    ]);
    expect((await snapshot()).files).toEqual([]);

    const reached = await log.rebuild(projections, 500);
    expect(reached).toBe(head);
    expect(await snapshot()).toEqual(liveRows);
  });
});
