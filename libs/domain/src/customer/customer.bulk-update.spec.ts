import { DomainError } from '../shared/domain-error';
import { foldEvents } from '../shared/decider';
import { BulkCustomerChanges, decideBulkUpdate } from './customer.bulk-update';
import { customerDecider } from './customer.decider';
import { CustomerEvent } from './customer.events';
import { meta, registered, VALID_IBAN } from './testing/customer.fixtures';

const BULK = 'bulk-2025-03';
const stateOf = (...events: CustomerEvent[]) => foldEvents(customerDecider, events);
const customerNamed = (id: string, zone = 'Centro') => ({
  id,
  state: stateOf(registered({ customerId: id, zone })),
});

function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected the bulk update to be refused');
}

describe('decideBulkUpdate (R14)', () => {
  it('gives each customer its own events, each carrying the bulk operation id', () => {
    const targets = [customerNamed('c-1'), customerNamed('c-2', 'Sur')];
    const decisions = decideBulkUpdate(targets, { zone: 'Norte', billingDay: 10 }, BULK, meta);
    expect(decisions).toEqual(
      ['c-1', 'c-2'].map((customerId, index) => ({
        customerId,
        events: [
          {
            type: 'CustomerDetailsEdited',
            data: {
              customerId,
              bulkOperationId: BULK,
              changes: [{ field: 'zone', before: index === 0 ? 'Centro' : 'Sur', after: 'Norte' }],
            },
          },
          {
            type: 'CustomerBillingSettingsChanged',
            data: expect.objectContaining({
              customerId,
              bulkOperationId: BULK,
              changes: [{ field: 'billingDay', before: 1, after: 10 }],
            }),
          },
        ],
      })),
    );
  });

  it('gives no events to customers that already have the values (never an empty event)', () => {
    const targets = [customerNamed('c-1', 'Norte'), customerNamed('c-2')];
    const decisions = decideBulkUpdate(targets, { zone: 'Norte' }, BULK, meta);
    expect(decisions.map((decision) => decision.events.length)).toEqual([0, 1]);
  });

  it('refuses the IBAN, the tax id and the e-mails to notify: they identify one customer', () => {
    const changes = {
      iban: VALID_IBAN,
      taxId: 'B12345678',
      notifyEmails: [],
    } as BulkCustomerChanges;
    const error = refusalOf(() => decideBulkUpdate([customerNamed('c-1')], changes, BULK, meta));
    expect(error.details?.map((reason) => reason.field)).toEqual(['iban', 'taxId', 'notifyEmails']);
  });

  it('updates a customer selected twice only once', () => {
    const target = customerNamed('c-1');
    expect(decideBulkUpdate([target, target], { seller: 'Eva' }, BULK, meta)).toHaveLength(1);
  });

  it('has nothing to do without targets', () => {
    expect(decideBulkUpdate([], { zone: 'Norte' }, BULK, meta)).toEqual([]);
  });

  it('refuses the whole operation when one customer was deleted or never registered', () => {
    const gone = {
      id: 'c-3',
      state: stateOf(registered({ customerId: 'c-3' }), {
        type: 'CustomerDeleted',
        data: { customerId: 'c-3', deletedAt: '2025-02-01T00:00:00.000Z' },
      }),
    };
    const unknown = { id: 'c-4', state: customerDecider.initialState };
    const error = refusalOf(() =>
      decideBulkUpdate([customerNamed('c-1'), gone, unknown], { zone: 'Norte' }, BULK, meta),
    );
    expect(error).toMatchObject({
      code: 'R14',
      message: expect.stringMatching(/2 of 3 customers .*none was changed/),
      details: [
        { code: 'CUSTOMER.DELETED', target: 'c-3' },
        { code: 'CUSTOMER.NOT_FOUND', target: 'c-4' },
      ],
    });
  });

  it('refuses the whole operation listing every customer and the rule it would break', () => {
    const error = refusalOf(() =>
      decideBulkUpdate(
        [customerNamed('c-1'), customerNamed('c-2')],
        { billingDay: 31 },
        BULK,
        meta,
      ),
    );
    expect(error.code).toBe('R14');
    expect(error.details).toEqual([
      expect.objectContaining({
        code: 'R11',
        field: 'billingDay',
        target: 'c-1',
        message: expect.stringMatching(/^Customer c-1: /),
      }),
      expect.objectContaining({ code: 'R11', field: 'billingDay', target: 'c-2' }),
    ]);
  });

  it('refuses fields that identify one customer, such as the main e-mail', () => {
    const changes = { email: 'same@example.com', zone: 'Norte' } as BulkCustomerChanges;
    const error = refusalOf(() => decideBulkUpdate([customerNamed('c-1')], changes, BULK, meta));
    expect(error).toMatchObject({ code: 'R14', details: [{ code: 'R14', field: 'email' }] });
  });

  it('ignores fields passed as undefined, as validated request bodies often carry them', () => {
    const changes = { email: undefined, zone: 'Norte' } as BulkCustomerChanges;
    expect(decideBulkUpdate([customerNamed('c-1')], changes, BULK, meta)).toHaveLength(1);
  });

  it('applies to inactive customers too', () => {
    const inactive = {
      id: 'c-5',
      state: stateOf(registered({ customerId: 'c-5' }), {
        type: 'CustomerDeactivated',
        data: { customerId: 'c-5', reason: null, deactivatedAt: '2025-02-01T00:00:00.000Z' },
      }),
    };
    const [decision] = decideBulkUpdate([inactive], { collector: 'Juan' }, BULK, meta);
    expect(decision.events).toHaveLength(1);
  });
});
