import { DunningEvent } from '@app/domain';
import { recordedStream } from '../testing/recorded-stream';
import { dunningHistoryEntryFor } from './dunning.history-entries';

const CUSTOMER = '6f1d2c1e-0b5a-4c52-9d0e-1a2b3c4d5e01';
const reminder: DunningEvent = {
  type: 'DunningStepApplied',
  data: {
    customerId: CUSTOMER,
    step: 'reminder',
    asOf: '2025-03-17',
    daysOverdue: 7,
    overdueInvoiceIds: ['invoice-1'],
    owedCents: 3618,
  },
};
const cleared: DunningEvent = {
  type: 'DunningCleared',
  data: { customerId: CUSTOMER, asOf: '2025-03-20', stepsApplied: ['reminder'] },
};

describe('dunning lines on the history tab (rule R20)', () => {
  it('shows each step applied, with the days overdue and what is owed', () => {
    const [event] = recordedStream(`dunning-${CUSTOMER}`, [reminder]);
    const entry = dunningHistoryEntryFor(event);
    expect(entry).toMatchObject({ customerId: CUSTOMER, bulkOperationId: null });
    expect(entry?.summary).toMatch(/^Dunning: payment reminder \(7 days overdue, 36[.,]18/);
    expect(entry?.changes).toEqual([
      { field: 'dunningStep', before: null, after: 'reminder' },
      { field: 'overdueInvoiceIds', before: null, after: ['invoice-1'] },
    ]);
  });

  it('shows the episode cleared, and nothing for events of other streams', () => {
    const [, event] = recordedStream(`dunning-${CUSTOMER}`, [reminder, cleared]);
    expect(dunningHistoryEntryFor(event)).toMatchObject({
      summary: 'Dunning cleared: nothing overdue',
      changes: [{ field: 'dunningStep', before: 'reminder', after: null }],
    });
    const [other] = recordedStream('customer-x', [{ type: 'CustomerDeactivated', data: {} }]);
    expect(dunningHistoryEntryFor(other)).toBeNull();
  });
});
