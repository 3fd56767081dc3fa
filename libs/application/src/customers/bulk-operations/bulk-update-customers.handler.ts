import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BulkCustomerChanges,
  bulkOperationWithoutTargets,
  CatalogRefusal,
  CreateCatalogEntry,
  customerDecider,
  customerStream,
  decideBulkUpdate,
  DomainError,
  FieldChangeOf,
} from '@app/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { CustomerFilters, customerIdsMatching } from '@app/read-models';
import { DataSource } from 'typeorm';
import { v4 as uuid } from 'uuid';
import { CatalogChoices } from '../../catalogs/catalog-choices';
import { CommandContext } from '../../commands/command-context';
import { metadataOf } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { READ_MODELS } from '../../storage/read-models.module';
import { BULK_OPERATION_SETTINGS, BulkOperationSettings } from './bulk-operation-settings';
import { BulkOperationRunner } from './bulk-operation-runner';
import { BulkOperationsScheduler } from './bulk-operations.scheduler';

/** The targets: chosen ids, or every customer the list's filters match (resolved at start). */
export type BulkTargets = { customerIds: string[] } | { filter: CustomerFilters };

export class BulkUpdateCustomers extends Command<BulkUpdateAnswer> {
  constructor(
    readonly targets: BulkTargets,
    readonly changes: BulkCustomerChanges,
    readonly context: CommandContext,
    readonly dryRun = false,
  ) {
    super();
  }
}

/** How many customers a dry run describes one by one. */
export const DRY_RUN_SAMPLE = 20;

/** One target of a dry run: what would move on it, or why it would be refused. */
export interface BulkDryRunCustomer {
  customerId: string;
  /** Each field that would move: its current value and the new one (none: it has them). */
  changes: { field: string; before: unknown; after: unknown }[];
  refusal: string | null;
}

/**
 * What a bulk update answers. A dry run: `status: 'dry-run'`, no id, `sample` the first
 * targets. Otherwise the operation's id and `completed` (within the request) or `running` (a
 * background job: follow it on GET /bulk-operations/:id).
 */
export interface BulkUpdateAnswer {
  dryRun: boolean;
  bulkOperationId: string | null;
  status: 'dry-run' | 'completed' | 'running';
  /** Customers targeted. */
  total: number;
  /** How many customers changed (those that already had the values are left alone). */
  updated: number;
  /** Highest log position written: send it as X-Min-Position. */
  position: number | null;
  sample: BulkDryRunCustomer[];
}

type AnyFieldChange = FieldChangeOf<Record<string, unknown>>;

/**
 * Rule 14 ("Actualización masiva"). The targets are resolved once. A dry run decides the first
 * customers and writes nothing. Up to `syncLimit` customers: every target is decided first and
 * any refusal refuses the whole operation before anything is written; then it runs within the
 * request. More: the operation is recorded and a background job applies it (202), each
 * customer's refusal then reported in the operation while the others proceed.
 */
@CommandHandler(BulkUpdateCustomers)
export class BulkUpdateCustomersHandler implements ICommandHandler<
  BulkUpdateCustomers,
  BulkUpdateAnswer
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(BULK_OPERATION_SETTINGS) private readonly settings: BulkOperationSettings,
    private readonly runner: BulkOperationRunner,
    private readonly scheduler: BulkOperationsScheduler,
    private readonly choices: CatalogChoices,
  ) {}

  execute(command: BulkUpdateCustomers): Promise<BulkUpdateAnswer> {
    return CatalogChoices.whileRacing(() => this.update(command));
  }

  private async update(command: BulkUpdateCustomers): Promise<BulkUpdateAnswer> {
    const { targets, context, dryRun } = command;
    const bulkOperationId = uuid();
    const meta = { at: context.at };
    // The fields asked for are checked before anything is read.
    decideBulkUpdate([], command.changes, bulkOperationId, meta);
    // Rule 28: the zone, seller and collector named as entries, as a single edit names them
    // (a retired one refuses the operation: R28.RETIRED); an unknown name plans its entry.
    const { changes, creations } = await this.withCatalogLinks(command.changes, context);
    const customerIds =
      'customerIds' in targets
        ? [...new Set(targets.customerIds)]
        : await customerIdsMatching(this.readModels, targets.filter);
    if (dryRun) return this.dryRun(customerIds, changes, bulkOperationId, context);
    if (customerIds.length === 0) throw bulkOperationWithoutTargets();
    const large = customerIds.length > this.settings.syncLimit;
    if (!large) {
      // All or none: refused here, before anything is written, if any target breaks a rule.
      const loaded = await Promise.all(
        customerIds.map(async (id) => ({ id, state: await this.stateOf(id) })),
      );
      decideBulkUpdate(loaded, changes, bulkOperationId, meta);
    }
    const operationContext = {
      ...context,
      correlationId: bulkOperationId,
      causationId: context.correlationId,
    };
    const filter = 'filter' in targets ? targets.filter : null;
    if (creations.length > 0) await this.createEntries(creations, context);
    await this.runner.start(bulkOperationId, { customerIds, changes, filter }, operationContext);
    if (large) {
      this.scheduler.nudge();
      return {
        dryRun: false,
        bulkOperationId,
        status: 'running',
        total: customerIds.length,
        updated: 0,
        position: null,
        sample: [],
      };
    }
    const position = await this.runner.advance(bulkOperationId);
    const { state } = await this.runner.load(bulkOperationId);
    const outcomes = state.status === 'none' ? [] : state.outcomes;
    return {
      dryRun: false,
      bulkOperationId,
      status: state.status === 'completed' ? 'completed' : 'running',
      total: customerIds.length,
      updated: outcomes.filter((outcome) => outcome.outcome === 'changed').length,
      position,
      sample: [],
    };
  }

  /** The entries named for the first time; a name claimed meanwhile: decided again. */
  private async createEntries(creations: CreateCatalogEntry[], context: CommandContext) {
    const appends = await this.choices.appendsOf(
      creations,
      metadataOf(CatalogChoices.contextOf(context)),
    );
    await this.store.appendMany(appends).catch((error: unknown) => {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      throw new DomainError(
        CatalogRefusal.nameTaken,
        'A catalog entry this bulk update names was created meanwhile.',
      );
    });
  }

  private async withCatalogLinks(asked: BulkCustomerChanges, context: CommandContext) {
    const { zone, seller, collector } = asked;
    const { names, links, creations } = await this.choices.forCustomer(
      { zone, seller, collector },
      context.at,
    );
    if (Object.keys(links).length === 0) return { changes: asked, creations };
    return { changes: { ...asked, ...names, catalogLinks: links }, creations };
  }

  private async stateOf(customerId: string) {
    return foldState(await this.store.readStream(customerStream(customerId)), customerDecider);
  }

  private async dryRun(
    customerIds: string[],
    changes: BulkCustomerChanges,
    bulkOperationId: string,
    context: CommandContext,
  ): Promise<BulkUpdateAnswer> {
    const sample = await Promise.all(
      customerIds.slice(0, DRY_RUN_SAMPLE).map(async (customerId) => {
        const state = await this.stateOf(customerId);
        try {
          const [{ events }] = decideBulkUpdate(
            [{ id: customerId, state }],
            changes,
            bulkOperationId,
            { at: context.at },
          );
          const moved = events.flatMap((event) =>
            'changes' in event.data ? (event.data.changes as AnyFieldChange[]) : [],
          );
          return { customerId, changes: moved, refusal: null };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { customerId, changes: [], refusal: error.message };
        }
      }),
    );
    return {
      dryRun: true,
      bulkOperationId: null,
      status: 'dry-run',
      total: customerIds.length,
      updated: 0,
      position: null,
      sample,
    };
  }
}
