import { TicketCommand, ticketDecider, ticketStream } from '@app/domain';
import { allReadModelProjections } from '../contracts';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { customerTickets, ticketById, ticketQueue } from './ticket.queries';

/** What Ana's ticket says of her: none of it may be readable once she is erased. */
const SECRETS = [
  'Ana cannot connect at Calle Luna 3',
  'Her mobile 600999888 is off',
  'Ana says hi',
];

describe(`The tickets read model, live, erased and rebuilt, on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('tickets_projection', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const projections = allReadModelProjections();
  const onTicket = (ticketId: string, command: Pick<TicketCommand, 'type' | 'data'>) =>
    log.decideOn(ticketDecider, ticketStream(ticketId), command);
  const open = (ticketId: string, customerId: string, data: object = {}) =>
    onTicket(ticketId, {
      type: 'OpenTicket',
      data: {
        ticketId,
        customerId,
        customer: { status: 'active' },
        subject: SECRETS[0],
        description: SECRETS[1],
        category: 'technical',
        priority: 'normal',
        ...data,
      },
    } as TicketCommand);
  const snapshot = async () => ({
    tickets: await log.dataSource.query('SELECT * FROM tickets ORDER BY id'),
    history: await log.dataSource.query('SELECT * FROM customer_history ORDER BY position'),
  });

  it("keeps each ticket's row, lists and queue; erasure leaves no clear text; a rebuild agrees", async () => {
    const ana = await log.register(1);
    const bea = await log.register(2);
    await open('t-1', ana);
    await onTicket('t-1', { type: 'AssignTicket', data: { ticketId: 't-1', assignee: 'marta' } });
    await onTicket('t-1', {
      type: 'CommentOnTicket',
      data: { ticketId: 't-1', commentId: 'c-1', author: 'marta', text: SECRETS[2] },
    });
    await open('t-2', bea, {
      subject: 'Invoice twice',
      description: 'Charged twice',
      priority: 'urgent',
    });
    await open('t-3', ana, {
      subject: 'Move',
      description: 'New address',
      category: 'installation',
    });
    for (const type of ['StartTicket', 'ResolveTicket', 'CloseTicket'] as const)
      await onTicket('t-3', { type, data: { ticketId: 't-3' } });
    await log.project(projections);

    expect(await ticketById(log.dataSource, 't-1')).toMatchObject({
      customerId: ana,
      state: 'open',
      subject: SECRETS[0],
      assignee: 'marta',
      comments: [{ commentId: 'c-1', author: 'marta', text: SECRETS[2] }],
      commentCount: 1,
      version: 3,
    });
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
    expect(ids(await customerTickets(log.dataSource, ana))).toEqual(['t-3', 't-1']);
    expect(ids(await customerTickets(log.dataSource, ana, { state: 'open' }))).toEqual(['t-1']);
    expect(ids(await customerTickets(log.dataSource, ana, { state: 'closed' }))).toEqual(['t-3']);
    expect(ids(await ticketQueue(log.dataSource))).toEqual(['t-1', 't-2', 't-3']);
    expect(ids(await ticketQueue(log.dataSource, { priority: 'urgent' }))).toEqual(['t-2']);
    expect(ids(await ticketQueue(log.dataSource, { assignee: 'marta', state: 'open' }))).toEqual([
      't-1',
    ]);
    expect(await ticketQueue(log.dataSource, { pageSize: 1, page: 2 })).toMatchObject({
      items: [{ id: 't-2' }],
      total: 3,
    });
    expect((await customerTickets(log.dataSource, ana)).items[0]).not.toHaveProperty('comments');

    await log.run('EraseCustomerPersonalData', { customerId: ana, blockers: [] });
    await log.project(projections);
    const live = await snapshot();
    const liveText = JSON.stringify(live);
    for (const secret of SECRETS) expect(liveText).not.toContain(secret);
    expect(await ticketById(log.dataSource, 't-1')).toMatchObject({
      subject: '[erased]',
      description: '[erased]',
      comments: [{ commentId: 'c-1', author: 'marta', text: '[erased]' }],
    });
    expect(await ticketById(log.dataSource, 't-2')).toMatchObject({ subject: 'Invoice twice' });
    const raw = JSON.stringify(await log.dataSource.query('SELECT data FROM es_events'));
    for (const secret of SECRETS) expect(raw).not.toContain(secret);

    await log.dataSource.query('TRUNCATE tickets, customer_history');
    await log.dataSource.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('tickets', 'customer-history')",
    );
    await log.rebuild(projections);
    expect(await snapshot()).toEqual(live);
  });
});
