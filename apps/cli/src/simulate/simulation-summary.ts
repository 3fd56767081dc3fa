import { CycleSimulation, describeCents } from '@app/domain';

export interface CycleTotals {
  period: string;
  /** Invoices previewed: not issued yet. */
  invoices: number;
  /** Contracts whose invoice for the cycle is already issued (not previewed again). */
  issued: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

export interface ProblemCount {
  code: string;
  problems: number;
  contracts: number;
  blocking: number;
}

/**
 * What `simulate` reports, accumulated one slice of contracts at a time: totals per cycle and
 * problems per code (each problem counted once, as the simulator lists it).
 */
export class SimulationSummary {
  contracts = 0;
  private readonly cycles = new Map<string, CycleTotals>();
  private readonly problems = new Map<string, ProblemCount & { contractIds: Set<string> }>();

  add(simulation: CycleSimulation): void {
    this.contracts += simulation.contracts.length;
    for (const contract of simulation.contracts) {
      for (const { period, invoice, status } of contract.cycles) {
        const totals = this.cycles.get(period) ?? {
          period,
          invoices: 0,
          issued: 0,
          netCents: 0,
          vatCents: 0,
          totalCents: 0,
        };
        if (status === 'issued') totals.issued++;
        if (invoice !== null) {
          totals.invoices++;
          totals.netCents += invoice.totals.netCents;
          totals.vatCents += invoice.totals.vatCents;
          totals.totalCents += invoice.totals.totalCents;
        }
        this.cycles.set(period, totals);
      }
    }
    for (const problem of simulation.problems) {
      const count = this.problems.get(problem.code) ?? {
        code: problem.code,
        problems: 0,
        contracts: 0,
        blocking: 0,
        contractIds: new Set<string>(),
      };
      count.problems++;
      if (problem.blocksIssuance) count.blocking++;
      count.contractIds.add(problem.contractId);
      count.contracts = count.contractIds.size;
      this.problems.set(problem.code, count);
    }
  }

  cycleTotals(): CycleTotals[] {
    return [...this.cycles.values()].sort((a, b) => a.period.localeCompare(b.period));
  }

  problemCounts(): ProblemCount[] {
    return [...this.problems.values()]
      .map(({ code, problems, contracts, blocking }) => ({ code, problems, contracts, blocking }))
      .sort((a, b) => b.problems - a.problems || a.code.localeCompare(b.code));
  }

  /** Two plain-text tables: invoices and amounts per cycle, then problems by code. */
  render(): string {
    const cycles = table(
      ['cycle', 'invoices', 'issued', 'net', 'VAT', 'total'],
      this.cycleTotals().map((c) => [
        c.period,
        String(c.invoices),
        String(c.issued),
        describeCents(c.netCents),
        describeCents(c.vatCents),
        describeCents(c.totalCents),
      ]),
    );
    const counts = this.problemCounts();
    const problems =
      counts.length === 0
        ? 'No problems.'
        : table(
            ['problem', 'count', 'contracts', 'blocking'],
            counts.map((p) => [
              p.code,
              String(p.problems),
              String(p.contracts),
              String(p.blocking),
            ]),
          );
    return `${this.contracts} contract(s) simulated\n\n${cycles}\n\n${problems}\n`;
  }
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
