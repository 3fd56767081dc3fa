import {
  CustomerDebt,
  DEFAULT_DUNNING_POLICY,
  DunningStep,
  dunningStepsDue,
  overdueDebt,
  parseDunningPolicy,
} from './dunning.policy';

const debt = (...invoices: [string, string, number][]): CustomerDebt => ({
  customerId: 'c-1',
  invoices: invoices.map(([invoiceId, dueDate, outstandingCents]) => ({
    invoiceId,
    dueDate,
    outstandingCents,
  })),
});
const due = (asOf: string, applied: DunningStep[] = [], owed = debt(['i-1', '2025-03-10', 3618])) =>
  dunningStepsDue(DEFAULT_DUNNING_POLICY, owed, asOf, applied).map((step) => step.step);

describe('dunningStepsDue (rule R20)', () => {
  it.each([
    ['2025-03-10', []],
    ['2025-03-16', []],
    ['2025-03-17', ['reminder']],
    ['2025-03-25', ['reminder', 'warning']],
    ['2025-04-09', ['reminder', 'warning', 'suspend']],
    ['2025-06-08', ['reminder', 'warning', 'suspend', 'cancel']],
  ])('on %s, an invoice due on 2025-03-10 and unpaid has %j due', (asOf, steps) => {
    expect(due(asOf)).toEqual(steps);
  });

  it('gives nothing already applied in the episode: a run repeated the same day finds nothing', () => {
    expect(due('2025-03-17', ['reminder'])).toEqual([]);
    expect(due('2025-04-09', ['reminder', 'warning'])).toEqual(['suspend']);
  });

  it('counts from the oldest overdue invoice, and only what is overdue', () => {
    const owed = debt(
      ['late', '2025-03-10', 1000],
      ['later', '2025-04-05', 500],
      ['not yet', '2025-04-20', 700],
    );
    const [reminder] = dunningStepsDue(DEFAULT_DUNNING_POLICY, owed, '2025-04-09', []);
    expect(reminder).toEqual({
      step: 'reminder',
      daysOverdue: 30,
      overdueInvoiceIds: ['late', 'later'],
      owedCents: 1500,
    });
  });

  it('ignores paid invoices and an invoice on its due date: nothing due', () => {
    expect(due('2025-04-09', [], debt(['paid', '2025-03-01', 0]))).toEqual([]);
    expect(overdueDebt(debt(['today', '2025-03-10', 100]), '2025-03-10')).toEqual({
      daysOverdue: 0,
      overdueInvoiceIds: [],
      owedCents: 0,
    });
  });

  it('follows another policy, in its days order', () => {
    const policy = {
      steps: [
        { step: 'suspend', afterDaysOverdue: 10 },
        { step: 'reminder', afterDaysOverdue: 1 },
      ],
    } as const;
    const steps = dunningStepsDue(policy, debt(['i', '2025-03-10', 1]), '2025-03-21', []);
    expect(steps.map((s) => s.step)).toEqual(['reminder', 'suspend']);
  });

  it('refuses a day that is not a calendar day', () => {
    expect(() => due('2025-02-30')).toThrow(RangeError);
  });
});

describe('a dunning policy written in the configuration', () => {
  it('reads step:days pairs, spaces allowed', () => {
    expect(parseDunningPolicy('reminder:7, warning:15,suspend:30 ,cancel:90')).toEqual(
      DEFAULT_DUNNING_POLICY,
    );
    expect(parseDunningPolicy('reminder:3,suspend:20')).toEqual({
      steps: [
        { step: 'reminder', afterDaysOverdue: 3 },
        { step: 'suspend', afterDaysOverdue: 20 },
      ],
    });
  });

  it.each([
    ['', /at least one step/],
    ['remind:7', /not step:days/],
    ['reminder:-1', /not step:days/],
    ['reminder:7.5', /not step:days/],
    ['suspend:30,reminder:7', /in the order/],
    ['reminder:7,reminder:9', /in the order/],
    ['reminder:15,warning:15', /must come after/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDunningPolicy(text)).toThrow(message);
  });
});
