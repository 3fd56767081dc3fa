import fc from 'fast-check';
import { numberingProblems, parseInvoiceNumber } from '../../billing/billing.invoice-numbering';
import { foldEvents } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { AllocateInvoiceNumbers } from './invoice-series.commands';
import { invoiceSeriesDecider } from './invoice-series.decider';
import { InvoiceSeriesEvent } from './invoice-series.events';
import { lastNumberOf, numberOf } from './invoice-series.state';

/** Few distinct ids, so runs often retry invoices already numbered and repeat ids. */
const invoiceId = fc
  .constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''))
  .map((id) => `inv-${id}`);
const allocation: fc.Arbitrary<AllocateInvoiceNumbers> = fc
  .record({
    forInvoices: fc.array(invoiceId, { maxLength: 6 }),
    countOffset: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.constantFrom(-1, 1)),
  })
  .map(({ forInvoices, countOffset }) => ({
    type: 'AllocateInvoiceNumbers',
    data: { series: 'F2025', count: forInvoices.length + countOffset, forInvoices },
    metadata: { at: '2025-03-01T00:00:00Z' },
  }));

/** Runs allocations as handlers would: accepted ones append, refused ones write nothing. */
function run(commands: AllocateInvoiceNumbers[]) {
  const log: InvoiceSeriesEvent[] = [];
  const accepted: AllocateInvoiceNumbers[] = [];
  for (const command of commands) {
    try {
      log.push(...invoiceSeriesDecider.decide(command, foldEvents(invoiceSeriesDecider, log)));
      accepted.push(command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { log, accepted, state: foldEvents(invoiceSeriesDecider, log) };
}

describe('Invoice series properties (R8)', () => {
  it('hands out consecutive numbers from 1, no gaps, no duplicates, one per invoice', () => {
    fc.assert(
      fc.property(fc.array(allocation, { maxLength: 25 }), (commands) => {
        const { log, state } = run(commands);
        const assignments = log.flatMap((event) => event.data.assignments);
        const numbers = assignments.map((assignment) => assignment.number);
        expect(numbers).toEqual(numbers.map((_, index) => index + 1));
        expect(numberingProblems(numbers)).toEqual({ missing: [], duplicates: [] });
        const invoices = assignments.map((assignment) => assignment.invoiceId);
        expect(new Set(invoices).size).toBe(invoices.length);
        expect(lastNumberOf(state)).toBe(numbers.length);
        for (const event of log) {
          expect(event.data.first).toBe(event.data.assignments[0].number);
          expect(event.data.last).toBe(event.data.assignments.at(-1)?.number);
        }
        for (const assignment of assignments) {
          expect(numberOf(state, assignment.invoiceId)).toEqual({
            series: 'F2025',
            number: assignment.number,
            formatted: assignment.formatted,
          });
          expect(parseInvoiceNumber(assignment.formatted)?.number).toBe(assignment.number);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers every invoice of every accepted allocation, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(allocation, { maxLength: 25 }), (commands) => {
        const { log, accepted, state } = run(commands);
        const asked = new Set(accepted.flatMap((command) => command.data.forInvoices));
        const numbered = new Set(log.flatMap((e) => e.data.assignments.map((a) => a.invoiceId)));
        expect(numbered).toEqual(asked);
        for (const id of asked) expect(numberOf(state, id)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('lets two runs racing from one revision take different numbers: the loser reloads and retries', () => {
    fc.assert(
      fc.property(
        fc.array(allocation, { maxLength: 5 }),
        allocation,
        allocation,
        (before, a, b) => {
          const stream = run(before).log;
          const revision = stream.length;
          // Both runs load the series at the same revision and decide.
          const decidedByA = decideOrNothing(a, stream);
          const decidedByB = decideOrNothing(b, stream);
          // A appends first; B's append expects `revision`, finds the stream moved on, and is
          // rejected. Had it been written, it would have reused A's numbers.
          expect(appendExpecting(stream, revision, decidedByA)).toBe(true);
          const numbersOf = (events: InvoiceSeriesEvent[]) =>
            events.flatMap((event) => event.data.assignments.map((x) => x.number));
          if (decidedByA.length > 0 && decidedByB.length > 0) {
            expect(numbersOf(decidedByB)[0]).toBe(numbersOf(decidedByA)[0]);
            expect(appendExpecting(stream, revision, decidedByB)).toBe(false);
            expect(appendExpecting(stream, stream.length, decideOrNothing(b, stream))).toBe(true);
          }
          const numbers = numbersOf(stream);
          expect(numbers).toEqual(numbers.map((_, index) => index + 1));
          const invoices = stream.flatMap((e) => e.data.assignments.map((x) => x.invoiceId));
          expect(new Set(invoices).size).toBe(invoices.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function decideOrNothing(command: AllocateInvoiceNumbers, log: InvoiceSeriesEvent[]) {
  try {
    return invoiceSeriesDecider.decide(command, foldEvents(invoiceSeriesDecider, log));
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

/** An in-memory stream's optimistic append, as every event store adapter does it. */
function appendExpecting(
  stream: InvoiceSeriesEvent[],
  expectedRevision: number,
  events: InvoiceSeriesEvent[],
): boolean {
  if (stream.length !== expectedRevision) return false;
  stream.push(...events);
  return true;
}
