import { CustomerImportEvent } from './customer-import.events';
import {
  evolveCustomerImport,
  importedCount,
  initialCustomerImportState,
  pendingImportRows,
  rejectedImportRows,
} from './customer-import.state';

const started: CustomerImportEvent = {
  type: 'CustomerImportStarted',
  data: {
    importId: 'i-1',
    fileSha256: 'abc',
    format: 'default',
    total: 4,
    rows: [2, 4, 5],
    rejected: [{ row: 3, reasons: ['email: the same e-mail as row 2.'] }],
    startedAt: '2026-06-15T10:00:00.000Z',
  },
};

describe('a customer import as a job', () => {
  it('takes the valid rows in order; progress counts them; rejected rows, up front or late, are listed by row', () => {
    const progressed: CustomerImportEvent = {
      type: 'CustomerImportProgressed',
      data: {
        importId: 'i-1',
        outcomes: [
          { row: 2, customerId: 'c-2', outcome: 'imported' },
          {
            row: 4,
            customerId: 'c-4',
            outcome: 'rejected',
            reasons: ['email: refused by rule R2 when written.'],
          },
        ],
      },
    };
    const state = [started, progressed].reduce(evolveCustomerImport, initialCustomerImportState);
    expect(pendingImportRows(state)).toEqual([5]);
    expect(importedCount(state)).toBe(1);
    expect(rejectedImportRows(state).map((r) => r.row)).toEqual([3, 4]);
    const done = evolveCustomerImport(state, {
      type: 'CustomerImportCompleted',
      data: { importId: 'i-1', imported: 1, rejected: 3, completedAt: '2026-06-15T10:01:00.000Z' },
    });
    expect(done.status).toBe('done');
    expect(pendingImportRows(done)).toEqual([]);
  });
});
