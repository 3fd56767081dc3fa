import { decideBulkUpdate } from '../customer/customer.bulk-update';
import { customerDecider } from '../customer/customer.decider';
import { CustomerEvent } from '../customer/customer.events';
import { meta, registered } from '../customer/testing/customer.fixtures';
import { foldEvents } from '../shared/decider';
import { decideCustomerRevert } from './bulk-operation.revert';
import {
  evolveBulkOperation,
  initialBulkOperationState,
  pendingCustomers,
} from './bulk-operation.state';

const BULK = 'bulk-1';
const REVERT = 'revert-1';

/** A customer in zone Centro, billed on day 1, then the bulk operation setting zone and day. */
function historyWithBulk(): CustomerEvent[] {
  const start = [registered({ customerId: 'c-1', zone: 'Centro' })];
  const state = foldEvents(customerDecider, start);
  const [decision] = decideBulkUpdate(
    [{ id: 'c-1', state }],
    { zone: 'Norte', billingDay: 10 },
    BULK,
    meta,
  );
  return [...start, ...decision.events];
}

const later = (changes: { field: string; before: unknown; after: unknown }[]): CustomerEvent =>
  ({ type: 'CustomerDetailsEdited', data: { customerId: 'c-1', changes } }) as CustomerEvent;

describe('decideCustomerRevert (rule 27)', () => {
  it('given the fields still as the operation set them, restores each previous value, tagged with the revert', () => {
    const decision = decideCustomerRevert(historyWithBulk(), BULK, REVERT, meta);
    expect(decision.restored).toEqual(['zone', 'billingDay']);
    expect(decision.conflicts).toEqual([]);
    expect(decision.events).toEqual([
      {
        type: 'CustomerDetailsEdited',
        data: {
          customerId: 'c-1',
          bulkOperationId: REVERT,
          changes: [{ field: 'zone', before: 'Norte', after: 'Centro' }],
        },
      },
      expect.objectContaining({
        type: 'CustomerBillingSettingsChanged',
        data: expect.objectContaining({
          bulkOperationId: REVERT,
          changes: [{ field: 'billingDay', before: 10, after: 1 }],
        }),
      }),
    ]);
  });

  it('given a field edited after the operation, reports it as a conflict with its current value and restores the others', () => {
    const history = [
      ...historyWithBulk(),
      later([{ field: 'zone', before: 'Norte', after: 'Sur' }]),
    ];
    const decision = decideCustomerRevert(history, BULK, REVERT, meta);
    expect(decision.conflicts).toEqual([
      { field: 'zone', current: 'Sur', reason: 'changed-since' },
    ]);
    expect(decision.restored).toEqual(['billingDay']);
    expect(decision.events.map((event) => event.type)).toEqual(['CustomerBillingSettingsChanged']);
  });

  it('given a field changed and changed back since, still reports it: someone else decided that value', () => {
    const history = [
      ...historyWithBulk(),
      later([{ field: 'zone', before: 'Norte', after: 'Sur' }]),
      later([{ field: 'zone', before: 'Sur', after: 'Norte' }]),
    ];
    const decision = decideCustomerRevert(history, BULK, REVERT, meta);
    expect(decision.conflicts).toEqual([
      { field: 'zone', current: 'Norte', reason: 'changed-since' },
    ]);
  });

  it('given the customer deleted since, restores nothing and reports every field as refused', () => {
    const history: CustomerEvent[] = [
      ...historyWithBulk(),
      {
        type: 'CustomerDeleted',
        data: { customerId: 'c-1', deletedAt: '2025-04-01T00:00:00.000Z' },
      },
    ];
    const decision = decideCustomerRevert(history, BULK, REVERT, meta);
    expect(decision.events).toEqual([]);
    expect(decision.restored).toEqual([]);
    expect(decision.conflicts.map((c) => c.field)).toEqual(['zone', 'billingDay']);
  });

  it('given the revert already written on this customer, writes nothing more', () => {
    const history = historyWithBulk();
    const first = decideCustomerRevert(history, BULK, REVERT, meta);
    const again = decideCustomerRevert([...history, ...first.events], BULK, REVERT, meta);
    expect(again).toEqual({ events: [], restored: ['zone', 'billingDay'], conflicts: [] });
  });
});

describe('a bulk operation stream (rule 14)', () => {
  it('given progress in chunks, the pending customers are those after the ones done, in order', () => {
    const state = [
      {
        type: 'BulkOperationStarted' as const,
        data: {
          bulkOperationId: BULK,
          customerIds: ['a', 'b', 'c'],
          changes: { zone: 'Norte' },
          filter: null,
          startedAt: '2025-03-01T00:00:00.000Z',
        },
      },
      {
        type: 'BulkOperationProgressed' as const,
        data: {
          bulkOperationId: BULK,
          outcomes: [{ customerId: 'a', outcome: 'changed' as const }],
        },
      },
    ].reduce(evolveBulkOperation, initialBulkOperationState);
    expect(pendingCustomers(state)).toEqual(['b', 'c']);
  });
});

describe('bulk updates and catalog links (rules 27, 28)', () => {
  const centro = { entryId: 'zone-centro', name: 'Centro' };
  const norte = { entryId: 'zone-norte', name: 'Norte' };

  function linkedHistory(): CustomerEvent[] {
    const start = [
      registered({ customerId: 'c-1', zone: 'Centro', catalogLinks: { zone: centro } }),
    ];
    const state = foldEvents(customerDecider, start);
    const [decision] = decideBulkUpdate(
      [{ id: 'c-1', state }],
      { zone: 'Norte', catalogLinks: { zone: norte } },
      BULK,
      meta,
    );
    return [...start, ...decision.events];
  }

  it('links each customer to the entry the operation names, as a single edit does', () => {
    const history = linkedHistory();
    expect(history[1]).toMatchObject({
      type: 'CustomerDetailsEdited',
      data: {
        bulkOperationId: BULK,
        changes: [{ field: 'zone', before: 'Centro', after: 'Norte' }],
        catalogLinks: { zone: norte },
      },
    });
    const state = foldEvents(customerDecider, history);
    expect(state).toMatchObject({ catalogLinks: { zone: 'zone-norte' } });
  });

  it('a revert links the customer again to the entry it had before the operation', () => {
    const decision = decideCustomerRevert(linkedHistory(), BULK, REVERT, meta);
    expect(decision.events).toEqual([
      {
        type: 'CustomerDetailsEdited',
        data: {
          customerId: 'c-1',
          bulkOperationId: REVERT,
          changes: [{ field: 'zone', before: 'Norte', after: 'Centro' }],
          catalogLinks: { zone: centro },
        },
      },
    ]);
    const state = foldEvents(customerDecider, [...linkedHistory(), ...decision.events]);
    expect(state).toMatchObject({ catalogLinks: { zone: 'zone-centro' } });
  });

  it('a revert to free text from before catalogs clears the link the operation made', () => {
    const start = [registered({ customerId: 'c-1', zone: 'Centro' })];
    const [bulk] = decideBulkUpdate(
      [{ id: 'c-1', state: foldEvents(customerDecider, start) }],
      { zone: 'Norte', catalogLinks: { zone: norte } },
      BULK,
      meta,
    );
    const history = [...start, ...bulk.events];
    const decision = decideCustomerRevert(history, BULK, REVERT, meta);
    expect(decision.events[0]).toMatchObject({ data: { catalogLinks: { zone: null } } });
    expect(foldEvents(customerDecider, [...history, ...decision.events])).toMatchObject({
      catalogLinks: { zone: null },
    });
  });

  it('refuses no operation for its catalog links: they are not a field the client sets', () => {
    const state = foldEvents(customerDecider, [registered({ customerId: 'c-1' })]);
    expect(() =>
      decideBulkUpdate(
        [{ id: 'c-1', state }],
        { zone: 'Norte', catalogLinks: { zone: norte } },
        BULK,
        meta,
      ),
    ).not.toThrow();
  });
});
