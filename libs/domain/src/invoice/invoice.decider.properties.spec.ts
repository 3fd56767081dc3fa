import fc from 'fast-check';
import { plainDate } from '../billing/testing/billing.arbitraries';
import { BillingLine, totalsOf } from '../billing/billing.lines';
import { DomainError } from '../shared/domain-error';
import {
  creditedCents,
  invoiceStatus,
  invoiceTotalCents,
  outstandingCents,
  paidCents,
  pendingEffectsCents,
  availableCreditCents,
} from './invoice.balance';
import { InvoiceCommand } from './invoice.commands';
import { invoiceDecider } from './invoice.decider';
import { InvoiceEvent } from './invoice.events';
import { InvoiceState } from './invoice.state';
import { DirectDebitEffect } from './invoice.terms';
import { invoiceCommand, issueCommand, line } from './testing/invoice.fixtures';

/** Net amounts that round at half cents, and a few that break the rules. */
const net = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
  fc.constantFrom(0, -50, 5, 50, 105),
);
const linesOf = (amounts: number[]): BillingLine[] =>
  amounts.map((amountCents, index) => line(amountCents, { description: `Line ${index}` }));
const cents = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 30_000 }) },
  fc.constantFrom(0, -1, 1, 0.5),
);
const id = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`);

const issue = fc
  .array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 4 })
  .map((amounts) => {
    const lines = linesOf(amounts);
    return issueCommand({ lines, totals: totalsOf(lines) });
  });

const grant = fc
  .record({
    amounts: fc.array(net, { minLength: 1, maxLength: 2 }),
    creditNoteId: id('cn'),
    number: fc.integer({ min: 1, max: 50 }),
    migrationId: fc.constantFrom(undefined, null, 'm-1', 'm-2'),
  })
  .map(({ amounts, ...data }) => {
    const lines = linesOf(amounts);
    return invoiceCommand('GrantCreditNote', {
      ...data,
      reason: 'correction',
      lines,
      totals: totalsOf(lines),
    });
  });

const commands: fc.Arbitrary<InvoiceCommand> = fc.oneof(
  { weight: 1, arbitrary: issue },
  { weight: 3, arbitrary: grant },
  {
    weight: 4,
    arbitrary: fc
      .record({ paymentId: id('pay'), amountCents: cents })
      .map((data) => invoiceCommand('RecordPayment', { ...data, method: 'transfer' })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ effectId: id('eff'), amountCents: fc.option(cents, { nil: undefined }) })
      .map((data) => invoiceCommand('CreateDirectDebitEffect', data)),
  },
  {
    weight: 4,
    arbitrary: id('eff').map((effectId) => invoiceCommand('CollectEffect', { effectId })),
  },
  {
    weight: 3,
    arbitrary: id('eff').map((effectId) =>
      invoiceCommand('ReturnEffect', { effectId, reason: 'AM04' }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ effectId: id('eff'), remittanceId: id('rem') })
      .map((data) => invoiceCommand('RemitEffect', data)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ effectId: id('eff'), amountCents: cents })
      .map((data) => invoiceCommand('ReduceEffect', { ...data, reason: 'agreed' })),
  },
  {
    weight: 1,
    arbitrary: id('eff').map((effectId) =>
      invoiceCommand('CancelEffect', { effectId, reason: 'agreed' }),
    ),
  },
);

/** Nine runs in ten start by issuing the invoice, so the later commands have something to act on. */
const history = fc
  .tuple(issue, fc.array(commands, { maxLength: 30 }), fc.integer({ min: 0, max: 9 }))
  .map(([first, rest, dice]) => (dice > 0 ? [first, ...rest] : rest));

interface Step {
  before: InvoiceState;
  after: InvoiceState;
  command: InvoiceCommand;
  events: InvoiceEvent[];
  refusal: DomainError | null;
}

/** Runs commands as a handler would: accepted ones append their events, refused ones nothing. */
function run(sequence: InvoiceCommand[], check: (step: Step) => void) {
  let state = invoiceDecider.initialState;
  for (const command of sequence) {
    try {
      const events = invoiceDecider.decide(command, state);
      const after = events.reduce(invoiceDecider.evolve, state);
      check({ before: state, after, command, events, refusal: null });
      state = after;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      check({ before: state, after: state, command, events: [], refusal: error });
    }
  }
  return state;
}

const runs = { numRuns: 500 };

describe('Invoice decider properties', () => {
  it('never lets the credits on an invoice exceed its total (R9), nor credit a migration twice (R10)', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ after }) => {
          expect(creditedCents(after)).toBeLessThanOrEqual(invoiceTotalCents(after));
          if (after.status !== 'issued') return;
          const migrations = after.creditNotes.flatMap((note) => note.migrationId ?? []);
          expect(new Set(migrations).size).toBe(migrations.length);
          for (const note of after.creditNotes) expect(note.totals.totalCents).toBeGreaterThan(0);
        });
      }),
      runs,
    );
  });

  it('never owes a negative amount: outstanding is total less credits less payments, from zero up', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ after }) => {
          const owed = invoiceTotalCents(after) - creditedCents(after) - paidCents(after);
          expect(outstandingCents(after)).toBe(Math.max(0, owed));
          expect(outstandingCents(after)).toBeGreaterThanOrEqual(0);
        });
      }),
      runs,
    );
  });

  it('is paid exactly when nothing is outstanding on an issued invoice, whatever the day', () => {
    fc.assert(
      fc.property(history, plainDate, (sequence, today) => {
        run(sequence, ({ after }) => {
          const status = invoiceStatus(after, today);
          expect(status === 'paid').toBe(
            after.status === 'issued' && outstandingCents(after) === 0,
          );
          expect(status === 'draft').toBe(after.status === 'none');
          if (status === 'overdue')
            expect(after.status === 'issued' && today > after.dueDate).toBe(true);
        });
      }),
      runs,
    );
  });

  it('accepts payments and effects only up to what is owed', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        run(sequence, ({ before, after, command, refusal }) => {
          if (refusal) return;
          if (command.type === 'RecordPayment')
            expect(command.data.amountCents).toBeLessThanOrEqual(outstandingCents(before));
          if (command.type === 'CreateDirectDebitEffect')
            expect(pendingEffectsCents(after)).toBeLessThanOrEqual(outstandingCents(after));
        });
      }),
      runs,
    );
  });

  it('never changes what an invoice was issued with (R9)', () => {
    fc.assert(
      fc.property(history, (sequence) => {
        let issued: unknown = null;
        run(sequence, ({ after }) => {
          if (after.status !== 'issued') return;
          const { creditNotes: _c, payments: _p, effects: _e, ...asIssued } = after;
          if (issued === null) issued = asIssued;
          expect(asIssued).toEqual(issued);
        });
      }),
      runs,
    );
  });

  describe('rule 17: effects follow what is owed', () => {
    type Pending = Extract<DirectDebitEffect, { status: 'pending' }>;
    const pendingOf = (state: InvoiceState): Pending[] =>
      state.status === 'issued'
        ? state.effects.filter((effect): effect is Pending => effect.status === 'pending')
        : [];
    const sum = (effects: Pending[]) => effects.reduce((total, e) => total + e.amountCents, 0);

    it('never lets the effects not yet remitted ask for more than is owed beyond what the bank has', () => {
      fc.assert(
        fc.property(history, (sequence) => {
          run(sequence, ({ after }) => {
            const pending = pendingOf(after);
            const atTheBank = sum(pending.filter((effect) => effect.remittanceId !== null));
            const notYet = pending.filter((effect) => effect.remittanceId === null);
            expect(sum(notYet)).toBeLessThanOrEqual(
              Math.max(0, outstandingCents(after) - atTheBank),
            );
            for (const effect of pending) expect(effect.amountCents).toBeGreaterThan(0);
          });
        }),
        runs,
      );
    });

    it('conserves money: billed − credited = paid + collected + owed − credit, tallied from the events', () => {
      fc.assert(
        fc.property(history, (sequence) => {
          const tally = { billed: 0, credited: 0, paid: 0, collected: 0 };
          run(sequence, ({ after, events }) => {
            for (const event of events) {
              if (event.type === 'InvoiceIssued') tally.billed += event.data.totals.totalCents;
              if (event.type === 'CreditNoteGranted')
                tally.credited += event.data.totals.totalCents;
              if (event.type === 'PaymentRecorded') tally.paid += event.data.amountCents;
              if (event.type === 'EffectCollected') tally.collected += event.data.amountCents;
              if (event.type === 'EffectReturned' && event.data.wasCollected)
                tally.collected -= event.data.amountCents;
            }
            expect(tally.billed - tally.credited).toBe(
              tally.paid + tally.collected + outstandingCents(after) - availableCreditCents(after),
            );
          });
        }),
        runs,
      );
    });

    it('never changes an effect once it is in a remittance, and puts it in one remittance only', () => {
      fc.assert(
        fc.property(history, (sequence) => {
          run(sequence, ({ before, after }) => {
            for (const effect of pendingOf(before).filter((e) => e.remittanceId !== null)) {
              const now =
                after.status === 'issued'
                  ? after.effects.find((e) => e.effectId === effect.effectId)
                  : undefined;
              expect(now?.amountCents).toBe(effect.amountCents);
              expect(now?.status === 'cancelled').toBe(false);
              expect(now?.remittanceId).toBe(effect.remittanceId);
            }
          });
        }),
        runs,
      );
    });
  });
});
