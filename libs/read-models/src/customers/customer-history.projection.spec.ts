import { RecordedEvent } from '@app/event-store';
import { customerHistorySource } from './customer.history-entries';
import { CustomerHistoryRow } from './customer-history.entity';
import { CustomerHistoryProjection } from './customer-history.projection';
import { customerHistory } from './customer-history.queries';
import { customerFileProjection } from './customer-file.projection';
import { HistorySource } from './history-entry';
import {
  CustomerLog,
  databaseName,
  IBAN,
  IBAN_MASKED,
  OTHER_IBAN,
  OTHER_IBAN_MASKED,
} from './testing/customer-log';

describe(`CustomerHistoryProjection on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_history');
  });
  afterEach(() => log.close());

  const historyOf = async (id: string, paging = {}) => customerHistory(log.dataSource, id, paging);

  it('writes one line per event with when, who, what and before/after', async () => {
    const id = await log.register(1, { zone: 'Centro' }, { at: '2025-01-01T09:00:00.000Z' });
    const [edited] = await log.run(
      'EditCustomer',
      { customerId: id, zone: 'Norte', email: 'new@example.com' },
      {
        actor: 'operator-luis',
        via: 'operator:0a1b2c3d',
        at: '2025-02-01T10:00:00.000Z',
        correlationId: 'request-7',
      },
    );
    await log.project();

    const { items, total } = await historyOf(id);
    expect(total).toBe(3);
    expect(items.map((item) => [item.eventType, item.summary])).toEqual([
      ['CustomerDetailsEdited', 'Zone changed'],
      ['CustomerEmailChanged', 'Email changed'],
      ['CustomerRegistered', 'Customer registered'],
    ]);
    expect(items[1]).toEqual({
      eventId: edited.id,
      position: Number(edited.position),
      occurredAt: '2025-02-01T10:00:00.000Z',
      actor: 'operator-luis',
      via: 'operator:0a1b2c3d',
      correlationId: 'request-7',
      causationId: null,
      stream: `customer-${id}`,
      eventType: 'CustomerEmailChanged',
      summary: 'Email changed',
      changes: [{ field: 'email', before: 'customer1@example.com', after: 'new@example.com' }],
      bulkOperationId: null,
    });
    expect(items[0].changes).toEqual([{ field: 'zone', before: 'Centro', after: 'Norte' }]);
    expect(items[2].changes).toContainEqual({ field: 'zone', before: null, after: 'Centro' });
  });

  it('masks IBANs before and after a billing change', async () => {
    const id = await log.register(2);
    await log.run('ChangeBillingSettings', { customerId: id, iban: IBAN, billingDay: 3 });
    await log.run('ChangeBillingSettings', { customerId: id, iban: OTHER_IBAN });
    await log.project();

    const { items } = await historyOf(id);
    expect(items[0].summary).toBe('Billing settings changed');
    expect(items[0].changes).toEqual([
      { field: 'iban', before: IBAN_MASKED, after: OTHER_IBAN_MASKED },
    ]);
    expect(items[1].changes).toEqual([
      { field: 'billingDay', before: 1, after: 3 },
      { field: 'iban', before: null, after: IBAN_MASKED },
    ]);
    const raw = await log.dataSource.query('SELECT changes FROM customer_history');
    expect(JSON.stringify(raw)).not.toContain(IBAN);
    expect(JSON.stringify(raw)).not.toContain(OTHER_IBAN);
  });

  it('summarises the tabs and the status changes', async () => {
    const id = await log.register(3, { personType: 'legal', name: 'Bar Pepe' });
    await log.run('AddAddress', { customerId: id, addressId: 'a-1', address: { street: 'Sol 3' } });
    await log.run('AddContactPerson', { customerId: id, contactId: 'p-1', name: 'Luis' });
    await log.run('RecordInteraction', {
      customerId: id,
      interactionId: 'i-1',
      kind: 'incident',
      text: 'No signal',
    });
    await log.run('RemoveContactPerson', { customerId: id, contactId: 'p-1' });
    await log.run('RemoveAddress', { customerId: id, addressId: 'a-1' });
    await log.run('RenameCustomer', { customerId: id, name: 'Bar Pepe SL' });
    await log.run('DeactivateCustomer', { customerId: id, reason: 'unpaid' });
    await log.run('ReactivateCustomer', { customerId: id });
    await log.run('DeleteCustomer', { customerId: id, blockers: [] });
    await log.project();

    const { items } = await historyOf(id);
    expect(items.map((item) => item.summary).reverse()).toEqual([
      'Customer registered',
      'Address added',
      'Contact person added: Luis',
      'Interaction recorded: incident',
      'Contact person removed',
      'Address removed',
      'Customer renamed',
      'Customer deactivated: unpaid',
      'Customer reactivated',
      'Customer deleted',
    ]);
    const changesOf = (summary: string) => items.find((item) => item.summary === summary)!.changes;
    expect(changesOf('Customer renamed')).toEqual([
      { field: 'name', before: 'Bar Pepe', after: 'Bar Pepe SL' },
    ]);
    expect(changesOf('Customer deactivated: unpaid')).toEqual([
      { field: 'status', before: 'active', after: 'inactive' },
    ]);
    expect(changesOf('Interaction recorded: incident')).toEqual([
      {
        field: 'interactions',
        before: null,
        after: { interactionId: 'i-1', kind: 'incident', direction: 'inbound', text: 'No signal' },
      },
    ]);
  });

  it('pages newest first, with the total', async () => {
    const id = await log.register(4);
    for (const zone of ['Z1', 'Z2', 'Z3', 'Z4'])
      await log.run('EditCustomer', { customerId: id, zone });
    await log.project();

    const first = await historyOf(id, { page: 1, pageSize: 2 });
    const second = await historyOf(id, { page: 2, pageSize: 2 });
    const third = await historyOf(id, { page: 3, pageSize: 2 });
    expect([first.total, first.page, first.pageSize]).toEqual([5, 1, 2]);
    expect(first.items.map((item) => item.changes[0].after)).toEqual(['Z4', 'Z3']);
    expect(second.items.map((item) => item.changes[0].after)).toEqual(['Z2', 'Z1']);
    expect(third.items.map((item) => item.summary)).toEqual(['Customer registered']);
    const positions = [...first.items, ...second.items].map((item) => BigInt(item.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a > b ? -1 : 1)));
  });

  it("keeps each customer's lines apart, and answers an unknown or malformed id with nothing", async () => {
    const ana = await log.register(5);
    const bea = await log.register(6);
    await log.run('EditCustomer', { customerId: bea, zone: 'Sur' });
    await log.project();

    expect((await historyOf(ana)).total).toBe(1);
    expect((await historyOf(bea)).total).toBe(2);
    expect(await historyOf('7a0c5b9e-0000-4000-8000-000000000000')).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await historyOf('not-a-uuid')).total).toBe(0);
  });

  it('carries the bulk operation id on every line a bulk update wrote', async () => {
    const ana = await log.register(7);
    const bea = await log.register(8);
    const bulkOperationId = await log.bulkUpdate([ana, bea], { zone: 'Este', billingDay: 9 });
    await log.project();

    const rows = await log.dataSource.getRepository(CustomerHistoryRow).findBy({ bulkOperationId });
    expect(rows.map((row) => [row.customerId, row.eventType]).sort()).toEqual(
      [
        [ana, 'CustomerBillingSettingsChanged'],
        [ana, 'CustomerDetailsEdited'],
        [bea, 'CustomerBillingSettingsChanged'],
        [bea, 'CustomerDetailsEdited'],
      ].sort(),
    );
  });

  it('writes nothing twice when events are applied again', async () => {
    const id = await log.register(9);
    await log.run('EditCustomer', { customerId: id, zone: 'Norte' });
    await log.project();
    const projection = new CustomerHistoryProjection();
    const events = await log.allEvents();
    await log.dataSource.transaction(async (manager) => {
      for (const event of events) await projection.applyBatch([event], manager);
    });
    expect((await historyOf(id)).total).toBe(2);
  });

  it('writes only the new lines of a batch that holds lines already written, and keeps those as they were', async () => {
    const id = await log.register(11);
    await log.project();
    const before = await historyOf(id);
    await log.run('EditCustomer', { customerId: id, zone: 'Sur' });
    const projection = new CustomerHistoryProjection();
    const events = await log.allEvents();
    await log.dataSource.transaction((manager) => projection.applyBatch(events, manager));
    const after = await historyOf(id);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.slice(1)).toEqual(before.items);
    expect(after.items[0].summary).toBe('Zone changed');
  });

  it("takes other aggregates' lines for the owning customer, masking any IBAN in them", async () => {
    const id = await log.register(10);
    const contractHistory: HistorySource = {
      handles: ['ContractSigned'],
      historyEntryFor: (event: RecordedEvent) => {
        const data = event.data as { customerId: string; iban: string };
        return {
          customerId: data.customerId,
          summary: 'Contract signed',
          changes: [{ field: 'signature', before: null, after: { iban: data.iban } }],
          bulkOperationId: null,
        };
      },
    };
    const signed = await log.store.append('contract-1', [
      { type: 'ContractSigned', data: { customerId: id, iban: IBAN } },
    ]);
    log.lastPosition = signed.position;
    const projection = new CustomerHistoryProjection([customerHistorySource, contractHistory]);
    await log.project([customerFileProjection(), projection]);

    const { items } = await historyOf(id);
    expect(items[0]).toMatchObject({
      stream: 'contract-1',
      summary: 'Contract signed',
      changes: [{ field: 'signature', before: null, after: { iban: IBAN_MASKED } }],
    });
  });
});
