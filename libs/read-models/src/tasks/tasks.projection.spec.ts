import { personalDataErasureBlockers, taskDecider, taskStream } from '@app/domain';
import { createTask } from '@app/domain/task/testing/task.fixtures';
import { allReadModelProjections } from '../contracts';
import { customerErasureFactsFromReadModels } from '../contracts/customer-erasure-facts';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { tasksProjection } from './tasks.projection';

describe(`The tasks projection (rule 24) on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('tasks_projection', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const rows = () => log.dataSource.query('SELECT * FROM tasks ORDER BY id');
  const task = (taskId: string, type: string, data: object = {}) =>
    log.decideOn(taskDecider, taskStream(taskId), { type, data: { ...data, taskId } } as never);
  const onFile = (name: string, street: string) => ({
    status: 'active',
    name,
    address: { ...createTask().data.customer.address, street },
  });

  /** Ana's task started, erased, then completed; Bob's task kept as it was. */
  async function anaErasedBetweenHerTasksEvents(): Promise<{ ana: string; bob: string }> {
    const ana = await log.register(1, { name: 'Ana Tarea' });
    const bob = await log.register(2, { name: 'Bob Kept' });
    const customer = (id: string, name: string, street: string) => ({
      ...createTask().data,
      customerId: id,
      customer: onFile(name, street),
    });
    await task('t-ana', 'CreateTask', customer(ana, 'Ana Tarea', 'Calle Secreta 7'));
    await task('t-bob', 'CreateTask', customer(bob, 'Bob Kept', 'Calle Abierta 1'));
    await task('t-ana', 'StartTask');
    await log.project(allReadModelProjections());
    const facts = await customerErasureFactsFromReadModels(log.dataSource, ana);
    const blockers = personalDataErasureBlockers(facts);
    await log.run('EraseCustomerPersonalData', { customerId: ana, blockers });
    await task('t-ana', 'CompleteTask');
    return { ana, bob };
  }

  it('rewrites the erased customer’s tasks, keeps the others, and ends the same whatever the batches', async () => {
    await anaErasedBetweenHerTasksEvents();
    await log.dataSource.query('TRUNCATE tasks');
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'tasks'");
    // Event by event: the erasure and the events around it each in a batch of its own.
    await log.project([tasksProjection()], 1);
    const oneByOne = await rows();
    expect(oneByOne).toEqual([
      expect.objectContaining({
        id: 't-ana',
        customer_name: '[erased]',
        customer_address: {
          street: null,
          city: null,
          neighbourhood: null,
          province: null,
          postalCode: null,
          country: null,
        },
        status: 'completed',
        version: 3,
      }),
      expect.objectContaining({
        id: 't-bob',
        customer_name: 'Bob Kept',
        customer_address: expect.objectContaining({ street: 'Calle Abierta 1' }),
        status: 'open',
      }),
    ]);
    expect(JSON.stringify(oneByOne)).not.toMatch(/Ana Tarea|Calle Secreta/);

    // All in one batch, the erasure between Ana's events: the same rows.
    await log.dataSource.query('TRUNCATE tasks');
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'tasks'");
    await log.project([tasksProjection()], 500);
    expect(await rows()).toEqual(oneByOne);

    // A rebuild from the log (deferred indexes, its own runner): the same rows again.
    await log.dataSource.query('TRUNCATE tasks');
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'tasks'");
    await log.rebuild([tasksProjection()]);
    expect(await rows()).toEqual(oneByOne);
  });

  it('erases the rows projected live before the erasure, and applies a batch again without changing anything', async () => {
    await anaErasedBetweenHerTasksEvents();
    // The rows were projected with Ana's name and address before she was erased.
    await log.project([tasksProjection()]);
    const once = await rows();
    expect(once[0]).toMatchObject({ id: 't-ana', customer_name: '[erased]', status: 'completed' });
    expect(JSON.stringify(once)).not.toMatch(/Ana Tarea|Calle Secreta/);
    expect(once[1]).toMatchObject({ id: 't-bob', customer_name: 'Bob Kept' });
    await log.dataSource.query("DELETE FROM projection_checkpoints WHERE name = 'tasks'");
    await log.project([tasksProjection()]);
    expect(await rows()).toEqual(once);
  });
});
