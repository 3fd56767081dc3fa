import { allReadModelProjections } from '../contracts';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { currentPortalRegeneration, portalLoginByEmail } from './portal-credentials.queries';

const hashOf = (tag: string) => `scrypt$16384$8$1$${'s'.repeat(22)}$${tag}${'h'.repeat(40)}`;

describe(`Portal credentials (rule 26) on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('portal_credentials', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const projections = allReadModelProjections();
  const regenerate = (customerId: string, regenerationId: string) =>
    log.run('RegeneratePortalPassword', {
      customerId,
      regenerationId,
      passwordHash: hashOf(regenerationId),
    });
  const rows = () => log.dataSource.query('SELECT * FROM portal_credentials ORDER BY customer_id');

  it('keeps the latest hash of each customer, found by its e-mail in any case', async () => {
    const ana = await log.register(1, { email: 'ana.portal@example.com' });
    const bea = await log.register(2, { email: 'bea.portal@example.com' });
    await regenerate(ana, 'r-1');
    await regenerate(ana, 'r-2');
    await regenerate(bea, 'r-3');
    await log.project(projections);

    expect(await portalLoginByEmail(log.dataSource, ' Ana.Portal@EXAMPLE.com ')).toEqual({
      customerId: ana,
      passwordHash: hashOf('r-2'),
      regenerationId: 'r-2',
    });
    expect(await currentPortalRegeneration(log.dataSource, bea)).toBe('r-3');
    expect(await portalLoginByEmail(log.dataSource, 'nobody@example.com')).toBeNull();
    expect(await currentPortalRegeneration(log.dataSource, 'not-a-uuid')).toBeNull();
  });

  it('follows the e-mail: the old one no longer logs in', async () => {
    const ana = await log.register(1, { email: 'ana.before@example.com' });
    await regenerate(ana, 'r-1');
    await log.run('ChangeCustomerEmail', { customerId: ana, email: 'ana.after@example.com' });
    await log.project(projections);
    expect(await portalLoginByEmail(log.dataSource, 'ana.before@example.com')).toBeNull();
    expect(await portalLoginByEmail(log.dataSource, 'ana.after@example.com')).toMatchObject({
      customerId: ana,
    });
  });

  it('removes the row when the customer is deleted or erased, and a rebuild brings none back', async () => {
    const ana = await log.register(1);
    const bea = await log.register(2);
    await regenerate(ana, 'r-1');
    await regenerate(bea, 'r-2');
    await log.project(projections);
    expect(await rows()).toHaveLength(2);

    await log.run('DeleteCustomer', { customerId: ana, blockers: [] });
    await log.run('EraseCustomerPersonalData', { customerId: bea, blockers: [] });
    await log.project(projections);
    expect(await rows()).toEqual([]);

    await log.dataSource.query('TRUNCATE portal_credentials');
    await log.dataSource.query(
      "DELETE FROM projection_checkpoints WHERE name = 'portal-credentials'",
    );
    await log.rebuild(projections);
    expect(await rows()).toEqual([]);
  });

  it('changes nothing when a batch is applied again', async () => {
    const ana = await log.register(1);
    const [first] = await regenerate(ana, 'r-1');
    await regenerate(ana, 'r-2');
    await log.project(projections);
    const [projection] = projections.filter(({ name }) => name === 'portal-credentials');
    await log.dataSource.transaction((manager) => projection.applyBatch([first], manager));
    expect(await rows()).toMatchObject([{ regeneration_id: 'r-2', password_hash: hashOf('r-2') }]);
  });
});
