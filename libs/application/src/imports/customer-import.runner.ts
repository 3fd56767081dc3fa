import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  columnsOf,
  contractDecider,
  contractStream,
  CustomerImportEvent,
  CustomerImportRow,
  CustomerImportState,
  customerImportStream,
  customerDecider,
  customerStream,
  DomainError,
  evolveCustomerImport,
  ImportRowOutcome,
  initialCustomerImportState,
  parseCsv,
  pendingImportRows,
  readImportRow,
  subscriptionDecider,
  subscriptionStream,
} from '@app/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { createHash } from 'node:crypto';
import { CommandContext } from '../commands/command-context';
import { toNewEvent } from '../commands/decide-and-append';
import { loadState } from '../commands/load-state';
import { DraftContractCommand, SignContractCommand } from '../contracts/contract.commands';
import { RegisterCustomerCommand } from '../customers/customer.commands';
import {
  ActivateSubscriptionCommand,
  RequestSubscriptionCommand,
} from '../subscriptions/subscription.commands';
import { CustomerImportFiles } from './customer-import-files';
import { CUSTOMER_IMPORT_SETTINGS, CustomerImportSettings } from './customer-import-settings';

/**
 * An id derived from `name`: a SHA-256 shaped as a version-4 UUID (the form every id of the
 * API is checked against), so the same file and row always give the same ids.
 */
function derivedUuid(name: string): string {
  const bytes = createHash('sha256').update(`customer-import:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An import's id: the same file always gets the same one (rule: idempotent per file). */
export const importIdOf = (fileSha256: string): string => derivedUuid(`import:${fileSha256}`);

/** The ids of what one row writes: fixed by the file and the row, so a resumed job finds them. */
export function importedIdsOf(fileSha256: string, row: number) {
  const of = (what: string) => derivedUuid(`${what}:${fileSha256}:${row}`);
  return {
    customerId: of('customer'),
    contractId: of('contract'),
    subscriptionId: of('subscription'),
  };
}

/** Lost races in a row (another process on the same chunk) before `advance` gives up. */
const MAX_LOST_RACES = 20;

export interface LoadedCustomerImport {
  state: CustomerImportState;
  revision: bigint | 'no_stream';
  context: CommandContext | null;
}

/**
 * An import as a job, as `BulkOperationRunner` runs a bulk operation: the valid rows fixed in
 * `CustomerImportStarted`, then row by row, each chunk's outcomes recorded as
 * `CustomerImportProgressed` at the revision read. Each row's writes go through the command
 * bus (register customer, draft and sign contract, request and activate subscription) under
 * ids derived from the file and the row; a step whose stream already shows it done is skipped,
 * so a row cut short by a crash is finished, never written twice.
 */
@Injectable()
export class CustomerImportRunner {
  private readonly rowsCache = new Map<string, Map<number, CustomerImportRow>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CUSTOMER_IMPORT_SETTINGS) private readonly settings: CustomerImportSettings,
    private readonly bus: CommandBus,
    private readonly files: CustomerImportFiles,
  ) {}

  async load(importId: string): Promise<LoadedCustomerImport> {
    const recorded = await this.store.readStream(customerImportStream(importId));
    const state = (recorded as unknown as CustomerImportEvent[]).reduce(
      evolveCustomerImport,
      initialCustomerImportState,
    );
    const first = recorded[0];
    const context: CommandContext | null = first
      ? {
          actor: first.metadata.actor,
          via: String(first.metadata.via ?? first.metadata.actor),
          correlationId: importId,
          causationId: first.metadata.causationId,
          at: new Date().toISOString(),
        }
      : null;
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : 'no_stream', context };
  }

  /** Records the start (the file kept first, so a job that finds the event finds the file). */
  async start(started: CustomerImportEvent, csv: string, context: CommandContext): Promise<void> {
    const { importId } = started.data as { importId: string };
    await this.files.keep(importId, csv, context.at);
    await this.store.append(customerImportStream(importId), [toNewEvent(started, context)], {
      expectedRevision: 'no_stream',
    });
    this.open.add(importId);
  }

  /** Carries the import to its end, chunk by chunk; `stop` is asked between chunks. */
  async advance(importId: string, stop: () => boolean = () => false): Promise<void> {
    let lostRaces = 0;
    while (!stop()) {
      try {
        if ((await this.step(importId)) === 'finished') return;
        lostRaces = 0;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || ++lostRaces > MAX_LOST_RACES)
          throw error;
      }
    }
  }

  /** One chunk of rows written and recorded (and the completion once none is left). */
  async step(importId: string): Promise<'progressed' | 'finished'> {
    const { state, revision, context } = await this.load(importId);
    if (state.status !== 'running' || context === null) {
      this.open.delete(importId);
      this.rowsCache.delete(importId);
      if (state.status === 'done') await this.files.forget(importId);
      return 'finished';
    }
    const rows = await this.rowsOf(importId);
    const chunk = pendingImportRows(state).slice(0, this.settings.chunkSize);
    const outcomes: ImportRowOutcome[] = [];
    for (const rowNumber of chunk) {
      const row = rows.get(rowNumber);
      if (row === undefined) throw new Error(`row ${rowNumber} is not in the import's file`);
      outcomes.push(await this.importRow(state.fileSha256, row, context));
    }
    const done = [...state.outcomes, ...outcomes];
    const events: CustomerImportEvent[] = [];
    if (outcomes.length > 0)
      events.push({ type: 'CustomerImportProgressed', data: { importId, outcomes } });
    if (done.length === state.rows.length) {
      const imported = done.filter((outcome) => outcome.outcome === 'imported').length;
      events.push({
        type: 'CustomerImportCompleted',
        data: {
          importId,
          imported,
          rejected: state.total - imported,
          completedAt: new Date().toISOString(),
        },
      });
    }
    await this.store.append(
      customerImportStream(importId),
      events.map((event) => toNewEvent(event, context)),
      { expectedRevision: revision },
    );
    return 'progressed';
  }

  private async rowsOf(importId: string): Promise<Map<number, CustomerImportRow>> {
    const cached = this.rowsCache.get(importId);
    if (cached) return cached;
    const csv = await this.files.read(importId);
    if (csv === null) throw new Error(`the file of import ${importId} is gone`);
    const parsed = parseCsv(csv);
    const columns = columnsOf(parsed.header);
    const rows = new Map(
      parsed.records.map((record) => [record.row, readImportRow(columns, record).row]),
    );
    this.rowsCache.set(importId, rows);
    return rows;
  }

  /**
   * One row: each step skipped when its stream shows it done. A refusal of the customer
   * (checked first, before anything of the row is written) rejects the row.
   */
  private async importRow(
    fileSha256: string,
    row: CustomerImportRow,
    context: CommandContext,
  ): Promise<ImportRowOutcome> {
    const { customerId, contractId, subscriptionId } = importedIdsOf(fileSha256, row.row);
    const written: string[] = [];
    const customerState = () => loadState(this.store, customerStream(customerId), customerDecider);
    const contractStatus = async () =>
      (await loadState(this.store, contractStream(contractId), contractDecider)).status;
    const subscriptionStatus = async () =>
      (await loadState(this.store, subscriptionStream(subscriptionId), subscriptionDecider)).status;
    try {
      await this.unlessDone(
        async () => (await customerState()).status !== 'unregistered',
        () => this.bus.execute(new RegisterCustomerCommand(customerId, row.customer, context)),
      );
      written.push('customer');
      if (row.contract) {
        const { contract } = row;
        await this.unlessDone(
          async () => (await contractStatus()) !== 'none',
          () =>
            this.bus.execute(
              new DraftContractCommand(
                contractId,
                { customerId, paymentMethod: contract.paymentMethod },
                context,
              ),
            ),
        );
        written.push('contract');
        await this.unlessDone(
          async () => (await contractStatus()) !== 'draft',
          () =>
            this.bus.execute(
              new SignContractCommand(
                contractId,
                {
                  iban: contract.iban,
                  signatory: contract.signatory,
                  mandateReference: contract.mandateReference,
                  signedAt: contract.signedOn,
                },
                context,
              ),
            ),
        );
      }
      if (row.subscription) {
        const { subscription } = row;
        await this.unlessDone(
          async () => (await subscriptionStatus()) !== 'none',
          () =>
            this.bus.execute(
              new RequestSubscriptionCommand(
                subscriptionId,
                {
                  contractId,
                  tariff: subscription.tariff,
                  monthlyPriceCents: subscription.monthlyPriceCents,
                  billingMode: subscription.billingMode,
                  requestedAt: subscription.activeSince,
                },
                context,
              ),
            ),
        );
        written.push('subscription');
        await this.unlessDone(
          async () => (await subscriptionStatus()) !== 'pending-activation',
          () =>
            this.bus.execute(
              new ActivateSubscriptionCommand(
                subscriptionId,
                { activatedAt: subscription.activeSince },
                context,
              ),
            ),
        );
      }
      return { row: row.row, customerId, outcome: 'imported' };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const details = error.details ?? [{ code: error.code, message: error.message }];
      const reasons = details.map(
        ({ code, field }) => `${field ? `${field}: ` : ''}refused by rule ${code} when written.`,
      );
      if (written.length > 0)
        reasons.push(`written before the refusal: ${written.join(', ')} (id ${customerId}).`);
      return { row: row.row, customerId, outcome: 'rejected', reasons };
    }
  }

  /**
   * One step of a row, skipped when done. The ids are this row's own, so a refusal after which
   * the step shows done means another process of this import took it first: not a refusal.
   */
  private async unlessDone(isDone: () => Promise<boolean>, run: () => Promise<unknown>) {
    if (await isDone()) return;
    try {
      await run();
    } catch (error) {
      if (error instanceof DomainError && (await isDone())) return;
      throw error;
    }
  }

  /** Imports started and not completed, as far as the log has been read. */
  private readonly open = new Set<string>();
  private scannedTo: bigint | undefined;

  /** The imports started and not completed, oldest first: what a restart resumes. */
  async unfinished(): Promise<string[]> {
    for (;;) {
      const page = await this.store.readAll({
        fromPosition: this.scannedTo,
        limit: 1000,
        eventTypes: ['CustomerImportStarted', 'CustomerImportCompleted'],
      });
      for (const event of page) {
        const { importId } = event.data as { importId: string };
        if (event.type === 'CustomerImportStarted') this.open.add(importId);
        else this.open.delete(importId);
        this.scannedTo = event.position;
      }
      if (page.length < 1000) return [...this.open];
    }
  }
}
