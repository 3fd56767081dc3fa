import fc from 'fast-check';
import { addDays, PlainDate } from '../../billing/billing.calendar';
import { foldEvents } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { given } from '../../shared/testing/decider-specification';
import { AllocateInvoiceNumbers } from './invoice-series.commands';
import { invoiceSeriesDecider } from './invoice-series.decider';
import { InvoiceNumbersAllocated, InvoiceSeriesEvent } from './invoice-series.events';
import { InvoiceSeriesRefusal } from './invoice-series.errors';
import { numbersOf } from './invoice-series.state';

const series = given(invoiceSeriesDecider);

const allocate = (
  forInvoices: string[],
  askedDates: PlainDate[],
  today: PlainDate,
): AllocateInvoiceNumbers => ({
  type: 'AllocateInvoiceNumbers',
  data: {
    series: 'FA',
    count: forInvoices.length,
    forInvoices,
    allocatedAt: `${today}T10:00:00.000Z`,
    dating: { askedDates, today },
  },
  metadata: { at: `${today}T10:00:00.000Z` },
});

const allocated = (
  first: number,
  dated: [string, PlainDate][],
  today: PlainDate,
): InvoiceNumbersAllocated => ({
  type: 'InvoiceNumbersAllocated',
  data: {
    series: 'FA',
    first,
    last: first + dated.length - 1,
    assignments: dated.map(([invoiceId, issueDate], index) => ({
      invoiceId,
      number: first + index,
      formatted: `FA-${String(first + index).padStart(6, '0')}`,
      issueDate,
    })),
    allocatedAt: `${today}T10:00:00.000Z`,
  },
});

describe('Dates follow numbers (RD 1619/2012, rule 22)', () => {
  it('dates each document the day it asks for', () => {
    series()
      .when(allocate(['a', 'b'], ['2026-12-01', '2026-12-02'], '2026-12-02'))
      .then([
        allocated(
          1,
          [
            ['a', '2026-12-01'],
            ['b', '2026-12-02'],
          ],
          '2026-12-02',
        ),
      ]);
  });

  it('never dates a number before a lower one: an earlier asked date is raised to the last', () => {
    series([allocated(1, [['a', '2026-12-02']], '2026-12-02')])
      .when(allocate(['b'], ['2026-12-01'], '2026-12-03'))
      .then([allocated(2, [['b', '2026-12-02']], '2026-12-03')]);
  });

  it('refuses a document dated after today, naming it, and numbers nothing', () => {
    series()
      .when(allocate(['a', 'b'], ['2026-12-02', '2027-01-01'], '2026-12-02'))
      .thenRefuses(InvoiceSeriesRefusal.datedInFuture, {
        details: [{ code: InvoiceSeriesRefusal.datedInFuture, field: 'dating.askedDates[1]' }],
      });
  });

  it('keeps old allocations without dates readable and dates from the first dated one', () => {
    const undated: InvoiceNumbersAllocated = {
      type: 'InvoiceNumbersAllocated',
      data: {
        series: 'FA',
        first: 1,
        last: 1,
        assignments: [{ invoiceId: 'old', number: 1, formatted: 'FA-000001' }],
        allocatedAt: '2025-01-01T00:00:00Z',
      },
    };
    series([undated])
      .when(allocate(['new'], ['2026-12-01'], '2026-12-02'))
      .then([allocated(2, [['new', '2026-12-01']], '2026-12-02')]);
  });

  /**
   * Billing runs for random periods in random order, on days that go forward: each asks for
   * today (a late run for an earlier period), or for a day between the period's start and
   * today; some retry documents already numbered. Whatever the order, within the series a
   * higher number never bears an earlier date, no date is after the day it was given, and a
   * run for a period not started yet is refused, numbering nothing.
   */
  it('holds over random run orders', () => {
    const run = fc.record({
      periodStart: fc.integer({ min: 0, max: 120 }),
      daysLater: fc.integer({ min: 0, max: 5 }),
      documents: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
      asksToday: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 25 }), (runs) => {
        const log: InvoiceSeriesEvent[] = [];
        const givenOn = new Map<string, PlainDate>();
        let today = '2026-01-01';
        for (const { periodStart, daysLater, documents, asksToday } of runs) {
          today = addDays(today, daysLater);
          const start = addDays('2026-01-01', periodStart);
          const ids = [...new Set(documents.map((document) => `doc-${document}`))];
          const asked = ids.map(() => (asksToday || start > today ? today : start));
          const askedDates = start > today ? ids.map(() => start) : asked;
          const command = allocate(ids, askedDates, today);
          const state = foldEvents(invoiceSeriesDecider, log);
          let events: InvoiceSeriesEvent[];
          try {
            events = invoiceSeriesDecider.decide(command, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect(start > today).toBe(true);
            continue;
          }
          expect(start > today).toBe(false);
          for (const event of events)
            for (const { invoiceId } of event.data.assignments) givenOn.set(invoiceId, today);
          log.push(...events);
        }
        const final = foldEvents(invoiceSeriesDecider, log);
        const numbered = [...numbersOf(final, givenOn.keys()).values()].sort(
          (a, b) => a.number - b.number,
        );
        numbered.forEach((document, index) => {
          expect(document.issueDate).toBeDefined();
          if (index > 0) expect(document.issueDate! >= numbered[index - 1].issueDate!).toBe(true);
        });
        for (const [invoiceId, day] of givenOn)
          expect(numbersOf(final, [invoiceId]).get(invoiceId)!.issueDate! <= day).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
