import { invoicesToIssue } from './billing.issuance';
import { BillingIssuers, issuerIdOfSeries, issuerProblems } from './billing.issuers';
import { BillingProblemCode } from './billing.problems';
import { simulateCycles } from './billing.simulation';
import { billingSnapshot } from './testing/billing.snapshot.fixtures';

const none: BillingIssuers = { registered: [], defaultIssuerId: 'default' };
const two: BillingIssuers = {
  registered: [
    { issuerId: 'norte', series: ['F', 'N'] },
    { issuerId: 'sur', series: ['S'] },
  ],
  defaultIssuerId: 'default',
};
/** The fixture customer (series F), naming `issuerId` and invoicing in `invoiceSeries`. */
const naming = (issuerId: string | null, invoiceSeries = 'F') =>
  billingSnapshot({ billing: { issuerId, invoiceSeries } });
const codes = (snapshot = naming(null), issuers = two) =>
  issuerProblems(snapshot, '2026-02', issuers).map((problem) => problem.code);

describe('Rule 21 in billing: the issuer of each invoice, or why there is none', () => {
  it('the owner of the series; else the only issuer; else, none registered, the configured one', () => {
    expect(issuerIdOfSeries('S', two)).toBe('sur');
    expect(issuerIdOfSeries('X', { ...two, registered: [two.registered[1]] })).toBe('sur');
    expect(issuerIdOfSeries('X', none)).toBe('default');
    expect(issuerIdOfSeries('X', two)).toBeNull();
  });

  it('finds nothing wrong with a customer naming no issuer, or the issuer of its series', () => {
    expect(codes(naming(null))).toEqual([]);
    expect(codes(naming('norte'))).toEqual([]);
    expect(codes(naming('default'), none)).toEqual([]);
    expect(codes(naming(null, '  '))).toEqual([]);
  });

  it('a series no issuer owns while several are registered', () => {
    expect(codes(naming(null, 'X'))).toEqual([BillingProblemCode.seriesWithoutIssuer]);
  });

  it('a series of another issuer than the one named', () => {
    const [problem] = issuerProblems(naming('sur'), '2026-02', two);
    expect(problem).toEqual({
      code: BillingProblemCode.seriesOfAnotherIssuer,
      customerId: 'customer-1',
      contractId: 'contract-1',
      period: '2026-02',
      blocksIssuance: true,
      message: expect.stringContaining('its series F belongs to issuer norte'),
    });
    expect(codes(naming('default'))).toEqual([BillingProblemCode.seriesOfAnotherIssuer]);
  });

  it('an issuer named that does not exist', () => {
    const [problem] = issuerProblems(naming('gone'), '2026-02', two);
    expect(problem).toMatchObject({
      code: BillingProblemCode.unknownIssuer,
      blocksIssuance: true,
      message: expect.stringContaining('names issuer gone'),
    });
    expect(codes(naming('gone'), none)).toEqual([BillingProblemCode.unknownIssuer]);
  });

  it('blocks the invoice of the run, and the simulator lists the same problem', () => {
    const snapshot = naming('gone');
    const run = invoicesToIssue(snapshot, '2026-02', 21, { issuers: two });
    expect(run.invoices).toEqual([]);
    expect(run.problems.map((problem) => problem.code)).toEqual([BillingProblemCode.unknownIssuer]);
    const simulation = simulateCycles([snapshot], {
      from: '2026-02-01',
      cycles: 1,
      issuers: two,
    });
    expect(simulation.contracts[0].cycles[0].status).toBe('not-invoiced');
    expect(simulation.problems).toEqual(run.problems);
    expect(invoicesToIssue(snapshot, '2026-02').invoices).toHaveLength(1);
  });
});
