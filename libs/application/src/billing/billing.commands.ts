import { Command } from '@nestjs/cqrs';
import { YearMonth } from '@app/domain';
import { CommandContext } from '../commands/command-context';
import type { BillingRunRequest, BillingRunResult } from './billing-run.process';
import type { MigrationCreditRunResult } from './migration-credit-run.process';

/**
 * `POST /billing/runs`: issue the invoices of a period (rules R7, R8). Handled by the billing
 * run's process manager (billing-run.process.ts), which drafts, numbers and issues through
 * the invoices' write path; the bus answers what the run did.
 */
export class RunBillingCommand extends Command<BillingRunResult> {
  constructor(
    readonly request: BillingRunRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface MigrationCreditRunRequest {
  period: YearMonth;
  customerIds?: string[];
}

/**
 * `POST /billing/migration-credits`: rule R10's credit notes for the period, at most once per
 * migration. Handled by its process manager (migration-credit-run.process.ts).
 */
export class GrantMigrationCreditsCommand extends Command<MigrationCreditRunResult> {
  constructor(
    readonly request: MigrationCreditRunRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
