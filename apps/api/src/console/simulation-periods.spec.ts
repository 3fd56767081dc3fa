import type { CycleSimulation, SimulatedCycle } from '@app/domain';
import { jsonForScriptElement, simulatedPeriods, simulationChartData } from './simulation-periods';

const cycle = (period: string, status: SimulatedCycle['status'], totalCents = 0) =>
  ({
    period,
    status,
    inProgress: period === '2026-12',
    invoice: status === 'previewed' ? { totals: { totalCents } } : null,
    ...(status === 'issued' ? { issuedInvoice: { id: 'i', number: 'F2026-000001' } } : {}),
    problems: [],
  }) as unknown as SimulatedCycle;

const simulation = (contracts: SimulatedCycle[][]): CycleSimulation => ({
  from: '2026-12-06',
  cycles: 2,
  contracts: contracts.map((cycles, i) => ({ customerId: 'c', contractId: `k${i}`, cycles })),
  problems: [],
});

describe('the simulation by period', () => {
  it('adds the contracts’ previewed totals per period, and counts issued and not invoiced cycles', () => {
    const periods = simulatedPeriods(
      simulation([
        [cycle('2026-12', 'issued'), cycle('2027-01', 'previewed', 3630)],
        [cycle('2026-12', 'previewed', 1210), cycle('2027-01', 'not-invoiced')],
      ]),
    );
    expect(periods).toEqual([
      {
        period: '2026-12',
        inProgress: true,
        previewedCents: 1210,
        previewedInvoices: 1,
        issuedNumbers: ['F2026-000001'],
        notInvoiced: 0,
      },
      {
        period: '2027-01',
        inProgress: false,
        previewedCents: 3630,
        previewedInvoices: 1,
        issuedNumbers: [],
        notInvoiced: 1,
      },
    ]);
    expect(simulationChartData(periods, 'Total')).toEqual({
      label: 'Total',
      labels: ['2026-12', '2027-01'],
      values: [12.1, 36.3],
    });
  });

  it('writes JSON that cannot close its script element', () => {
    const json = jsonForScriptElement({ label: '</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ label: '</script><!-- & \u2028' });
  });
});
