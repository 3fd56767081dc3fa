import { CommandMeta } from '../../shared/decider';
import { given } from '../../shared/testing/decider-specification';
import { AllocateInvoiceNumbers } from './invoice-series.commands';
import { invoiceSeriesDecider } from './invoice-series.decider';
import { InvoiceNumbersAllocated } from './invoice-series.events';
import { lastNumberOf, numberOf, numbersOf } from './invoice-series.state';

const NOW = '2025-03-01T02:00:00.000Z';
const meta: CommandMeta = { at: NOW };
const series = given(invoiceSeriesDecider);

const allocate = (
  forInvoices: string[],
  data: Partial<AllocateInvoiceNumbers['data']> = {},
): AllocateInvoiceNumbers => ({
  type: 'AllocateInvoiceNumbers',
  data: { series: 'F2025', count: forInvoices.length, forInvoices, ...data },
  metadata: meta,
});

const allocated = (
  first: number,
  invoiceIds: string[],
  code = 'F2025',
  allocatedAt = NOW,
): InvoiceNumbersAllocated => ({
  type: 'InvoiceNumbersAllocated',
  data: {
    series: code,
    first,
    last: first + invoiceIds.length - 1,
    assignments: invoiceIds.map((invoiceId, index) => ({
      invoiceId,
      number: first + index,
      formatted: `${code}-${String(first + index).padStart(6, '0')}`,
    })),
    allocatedAt,
  },
});

describe('Invoice series decider (R8)', () => {
  it('numbers a new series from 1, in the order the invoices are named', () => {
    series()
      .when(allocate(['a', 'b', 'c']))
      .then([allocated(1, ['a', 'b', 'c'])]);
  });

  it('continues after the last number, with no gap', () => {
    series([allocated(1, ['a', 'b'])])
      .when(allocate(['c'], { allocatedAt: '2025-03-02' }))
      .then([allocated(3, ['c'], 'F2025', '2025-03-02')]);
  });

  it('numbers a rectifying series the same way', () => {
    series()
      .when(allocate(['cn-1'], { series: 'RF2025' }))
      .then([allocated(1, ['cn-1'], 'RF2025')]);
  });

  it('gives nothing new to invoices already numbered: a retried run gets its numbers back', () => {
    const history = [allocated(1, ['a', 'b'])];
    series(history)
      .when(allocate(['a', 'b']))
      .thenNothingHappens();
    expect(numberOf(series(history).state(), 'b')).toEqual({
      series: 'F2025',
      number: 2,
      formatted: 'F2025-000002',
    });
  });

  it('numbers only the invoices that have no number yet', () => {
    series([allocated(1, ['a', 'b'])])
      .when(allocate(['b', 'c', 'a', 'd']))
      .then([allocated(3, ['c', 'd'])]);
  });

  it.each([0, -1, 1.5])('refuses a count of %p', (count) => {
    series()
      .when(allocate([], { count }))
      .thenRefuses('INVOICE_SERIES.INVALID_INPUT', { details: [{ field: 'count' }] });
  });

  it('refuses a count that is not one number per invoice', () => {
    series()
      .when(allocate(['a', 'b'], { count: 3 }))
      .thenRefuses('INVOICE_SERIES.INVALID_INPUT', {
        message: /3 number\(s\) asked for 2 invoice\(s\)/,
        details: [{ field: 'forInvoices' }],
      });
  });

  it('refuses an invoice named twice or with no id', () => {
    series()
      .when(allocate(['a', ' ', 'a']))
      .thenRefuses('INVOICE_SERIES.INVALID_INPUT', {
        details: [
          { field: 'forInvoices[1]' },
          { field: 'forInvoices[2]', message: expect.stringMatching(/twice/) },
        ],
      });
  });

  it('refuses a series code that could not be read back from a number', () => {
    series()
      .when(allocate(['a'], { series: 'F 2025' }))
      .thenRefuses('BILLING.INVALID_SERIES', { details: [{ field: 'invoiceSeries' }] });
  });

  it('treats a command for another series as a wiring bug, not a refusal', () => {
    const state = series([allocated(1, ['a'])]).state();
    expect(() => invoiceSeriesDecider.decide(allocate(['b'], { series: 'F2026' }), state)).toThrow(
      /decided on the state of series F2025/,
    );
  });

  it('knows no number before the first allocation', () => {
    const state = series().state();
    expect(lastNumberOf(state)).toBe(0);
    expect(numberOf(state, 'a')).toBeNull();
    expect(numberOf(series([allocated(1, ['a'])]).state(), 'z')).toBeNull();
  });

  it('answers the numbers of many invoices at once, across allocations, leaving out the unnumbered', () => {
    const state = series([
      allocated(1, ['a', 'b']),
      allocated(3, ['c']),
      allocated(4, ['d', 'e']),
    ]).state();
    const numbers = numbersOf(state, ['e', 'z', 'a', 'c']);
    expect([...numbers.keys()].sort()).toEqual(['a', 'c', 'e']);
    expect(numbers.get('a')).toEqual({ series: 'F2025', number: 1, formatted: 'F2025-000001' });
    expect(numbers.get('c')?.number).toBe(3);
    expect(numbers.get('e')).toEqual({ series: 'F2025', number: 5, formatted: 'F2025-000005' });
    expect(numbersOf(series().state(), ['a']).size).toBe(0);
  });

  it('leaves the state it folds from as it was: a decision on it still sees the old series', () => {
    const before = series([allocated(1, ['a'])]).state();
    const after = invoiceSeriesDecider.evolve(before, allocated(2, ['b']));
    expect(numberOf(before, 'b')).toBeNull();
    expect(lastNumberOf(before)).toBe(1);
    expect(numberOf(after, 'b')?.number).toBe(2);
    expect(numberOf(after, 'a')?.number).toBe(1);
    expect(invoiceSeriesDecider.decide(allocate(['b']), before)).toEqual([allocated(2, ['b'])]);
  });
});
