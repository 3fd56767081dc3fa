import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CustomerImportEvent,
  CustomerImportState,
  DomainError,
  importedCount,
  parseCsv,
  RejectedImportRow,
  rejectedImportRows,
  validateImportRows,
} from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { createHash } from 'node:crypto';
import { CommandContext } from '../commands/command-context';
import { CustomerImportScheduler } from './customer-import.scheduler';
import { CustomerImportRunner, importIdOf } from './customer-import.runner';

/** `GET /imports/:id` and the answer of `POST /imports/customers`. */
export interface CustomerImportView {
  importId: string;
  status: 'running' | 'done';
  format: 'default' | 'excel-es';
  /** Rows of the file (records after the header). */
  total: number;
  /** Rows decided so far: rejected up front, and the valid ones the job has reached. */
  done: number;
  imported: number;
  rejected: RejectedImportRow[];
  /** The customers written, by row. */
  customers: { row: number; customerId: string }[];
  startedAt: string;
  completedAt: string | null;
}

export function customerImportView(state: CustomerImportState): CustomerImportView {
  if (state.status === 'none')
    throw new DomainError('CUSTOMER_IMPORT.NOT_FOUND', 'No such import.');
  return {
    importId: state.importId,
    status: state.status,
    format: state.format,
    total: state.total,
    done: state.rejectedUpFront.length + state.outcomes.length,
    imported: importedCount(state),
    rejected: rejectedImportRows(state),
    customers: state.outcomes.flatMap((outcome) =>
      outcome.outcome === 'imported' ? [{ row: outcome.row, customerId: outcome.customerId }] : [],
    ),
    startedAt: state.startedAt,
    completedAt: state.completedAt,
  };
}

/** `POST /imports/customers`: the file, as text (either export format). */
export class ImportCustomersCommand extends Command<CustomerImportView> {
  constructor(
    readonly csv: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Reads and checks the whole file (a file that is not a customer CSV: `CustomerImportFileError`,
 * 400, nothing written), then records `CustomerImportStarted` with the valid rows and the
 * rejected ones and leaves the writing to the job. The same file again answers its first import
 * and starts nothing: the import's id is derived from the file's SHA-256.
 */
@CommandHandler(ImportCustomersCommand)
export class ImportCustomersHandler implements ICommandHandler<ImportCustomersCommand> {
  constructor(
    private readonly runner: CustomerImportRunner,
    private readonly scheduler: CustomerImportScheduler,
  ) {}

  async execute({ csv, context }: ImportCustomersCommand): Promise<CustomerImportView> {
    const parsed = parseCsv(csv);
    const fileSha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
    const importId = importIdOf(fileSha256);
    const existing = await this.runner.load(importId);
    if (existing.state.status !== 'none') return customerImportView(existing.state);
    const { rows, rejected } = validateImportRows(parsed, context.at.slice(0, 10), context.at);
    const started: CustomerImportEvent = {
      type: 'CustomerImportStarted',
      data: {
        importId,
        fileSha256,
        format: csv.startsWith('\uFEFF') || parsed.separator === ';' ? 'excel-es' : 'default',
        total: parsed.records.length,
        rows: rows.map((row) => row.row),
        rejected,
        startedAt: context.at,
      },
    };
    try {
      await this.runner.start(started, csv, context);
    } catch (error) {
      // The same file posted twice at once: the other request started it.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
    this.scheduler.nudge();
    return customerImportView((await this.runner.load(importId)).state);
  }
}

/** `GET /imports/:id`. */
@Injectable()
export class CustomerImportQuery {
  constructor(private readonly runner: CustomerImportRunner) {}
  async find(importId: string): Promise<CustomerImportView> {
    return customerImportView((await this.runner.load(importId)).state);
  }
}
