import { SqlDatabase } from '@app/database';
import {
  BulkCustomerChanges,
  CustomerCommand,
  CustomerCommandType,
  CustomerEvent,
  customerDecider,
  personalDataPolicy,
  customerStream,
  Decider,
  decideBulkUpdate,
  DomainCommand,
  DomainEvent,
  foldEvents,
  RegisterCustomer,
} from '@app/domain';
import { eventUpcasters } from '@app/domain/upcasters';
import {
  CryptoShreddingEventStore,
  EventStore,
  NewEvent,
  PostgresEventStore,
  RecordedEvent,
  SqlPersonalDataKeys,
  UpcasterRegistry,
} from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openReadModels } from '../../data-source';
import { Projection } from '../../projection';
import { RebuildRunner } from '../../rebuild/rebuild-runner';
import { ProjectionRunner } from '../../runner/projection-runner';
import { customerProjections } from '..';

type DataOf<T extends CustomerCommandType> = Extract<CustomerCommand, { type: T }>['data'];

export interface RunOptions {
  actor?: string;
  /** The API key the command came through; none recorded when left out. */
  via?: string;
  at?: string;
  correlationId?: string;
}

export const databaseUrl = process.env.DATABASE_URL;
export const databaseName = databaseUrl ? 'PostgreSQL' : 'PGlite';

/** A valid DNI for any number: eight digits and their checksum letter. */
export function dni(n: number): string {
  const digits = String(n).padStart(8, '0');
  return digits + 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23];
}

export const IBAN = 'ES9121000418450200051332';
export const IBAN_MASKED = 'ES91 **** **** **** **** 1332';
export const OTHER_IBAN = 'DE89370400440532013000';
export const OTHER_IBAN_MASKED = 'DE89 **** **** **** **30 00';

/**
 * A real log for projection specs: commands go through the customer decider and are appended
 * to a `PostgresEventStore` (PGlite, or PostgreSQL when DATABASE_URL is set), so the events
 * have exactly the shape and metadata production writes.
 */
export class CustomerLog {
  private clock = Date.parse('2025-01-01T09:00:00.000Z');
  /** Log position of the last event this log appended. */
  lastPosition = 0n;

  private constructor(
    readonly db: { db: SqlDatabase; dispose(): Promise<void> },
    readonly store: EventStore,
    readonly dataSource: DataSource,
  ) {}

  /**
   * `sealPersonalData`: through the crypto-shredding decorator, as the application runs; it
   * refuses event types that have not declared their personal data, so a spec's own test
   * events (`testEventTypes`, e.g. a test projection's `Counted`) are declared as having none.
   */
  static async open(
    label: string,
    { sealPersonalData = false, testEventTypes = [] as readonly string[] } = {},
  ): Promise<CustomerLog> {
    const db = databaseUrl ? await openTestPostgres(databaseUrl, label) : await openTestPglite();
    const upcasters = UpcasterRegistry.of(eventUpcasters);
    // As the application wires them: upcasters in the decorator (after opening) when sealing.
    const store: EventStore = sealPersonalData
      ? new CryptoShreddingEventStore(
          await PostgresEventStore.create(db.db, { pollIntervalMs: 10 }),
          await SqlPersonalDataKeys.create(db.db),
          {
            ...personalDataPolicy,
            declaredEventTypes: [...personalDataPolicy.declaredEventTypes, ...testEventTypes],
          },
          upcasters,
        )
      : await PostgresEventStore.create(db.db, { pollIntervalMs: 10, upcasters });
    const dataSource = await openReadModels(db.db);
    return new CustomerLog(db, store, dataSource);
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
    await this.store.close();
    await this.db.dispose();
  }

  /** Decides the command on the stream's current state and appends what it decided. */
  async run<T extends CustomerCommandType>(
    type: T,
    data: DataOf<T>,
    options: RunOptions = {},
  ): Promise<RecordedEvent[]> {
    const command = { type, data } as Pick<CustomerCommand, 'type' | 'data'>;
    return this.decideOn(customerDecider, customerStream(data.customerId), command, options);
  }

  /** `run` for any aggregate's decider and stream (contracts, subscriptions…). */
  async decideOn<Command extends DomainCommand, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    stream: string,
    command: Pick<Command, 'type' | 'data'>,
    options: RunOptions = {},
  ): Promise<RecordedEvent[]> {
    const at = options.at ?? this.tick();
    const past = await this.store.readStream(stream);
    const state = foldEvents(decider, past as unknown as Event[]);
    const events = decider.decide({ ...command, metadata: { at } } as Command, state);
    return this.append(stream, events, past.length, { ...options, at });
  }

  /** Appends what another writer wrote (an earlier version of the app, say), for `project`. */
  async appendWith(writer: EventStore, stream: string, events: NewEvent[]): Promise<void> {
    const { position } = await writer.append(stream, events, { expectedRevision: 'any' });
    if (position > this.lastPosition) this.lastPosition = position;
  }

  /** Registers a natural person (DNI `dni(n)`) and returns its id. */
  async register(n: number, input: Partial<DataOf<'RegisterCustomer'>> = {}, options?: RunOptions) {
    const customerId = input.customerId ?? randomUUID();
    const data: RegisterCustomer['data'] = {
      customerId,
      personType: 'natural',
      name: `Customer ${n}`,
      givenName: 'Given',
      firstSurname: 'First',
      secondSurname: 'Second',
      document: { type: 'dni', number: dni(n) },
      email: `customer${n}@example.com`,
      ...input,
    };
    await this.run('RegisterCustomer', data, options);
    return customerId;
  }

  /** Rule R14 as the application runs it: one decision, then one append per customer. */
  async bulkUpdate(customerIds: string[], changes: BulkCustomerChanges, options: RunOptions = {}) {
    const bulkOperationId = randomUUID();
    const at = options.at ?? this.tick();
    const targets = await Promise.all(
      customerIds.map(async (id) => ({
        id,
        past: await this.store.readStream(customerStream(id)),
      })),
    );
    const decisions = decideBulkUpdate(
      targets.map(({ id, past }) => ({
        id,
        state: foldEvents(customerDecider, past as unknown as CustomerEvent[]),
      })),
      changes,
      bulkOperationId,
      { at },
    );
    for (const { customerId, events } of decisions) {
      const past = targets.find((target) => target.id === customerId)!.past;
      await this.append(customerStream(customerId), events, past.length, { ...options, at });
    }
    return bulkOperationId;
  }

  /**
   * Brings the projections up to the last event appended here. On PostgreSQL an event is only
   * readable once every older transaction in the cluster has ended (other test files' too),
   * so one `catchUp` may stop short of it: catch up until it is reached.
   */
  async project(projections: Projection[] = customerProjections(), batchSize = 500) {
    return this.catchUpWith(
      new ProjectionRunner(this.store, this.dataSource, projections, { batchSize }),
    );
  }

  /** `project` through the runner's rebuild mode (lanes, a transaction per projection). */
  async rebuild(projections: Projection[], batchSize = 500) {
    return this.catchUpWith(
      new RebuildRunner(this.store, this.dataSource, projections, { batchSize }),
    );
  }

  private async catchUpWith(runner: { catchUp(): Promise<bigint> }): Promise<bigint> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const reached = await runner.catchUp();
      if (reached >= this.lastPosition) return reached;
      if (Date.now() > deadline)
        throw new Error(`Projections stuck at ${reached}, short of ${this.lastPosition}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * The whole log, once it shows everything this log appended: on a busy PostgreSQL server
   * readers of $all only see transactions older than every running one.
   */
  async allEvents(): Promise<RecordedEvent[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const events = await this.store.readAll({ limit: 100_000 });
      const last = events[events.length - 1]?.position ?? 0n;
      if (last >= this.lastPosition || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async append(
    stream: string,
    events: readonly DomainEvent[],
    pastCount: number,
    options: RunOptions & { at: string },
  ): Promise<RecordedEvent[]> {
    if (events.length === 0) return [];
    const correlationId = options.correlationId ?? randomUUID();
    const { position } = await this.store.append(
      stream,
      events.map((event) => ({
        type: event.type,
        data: event.data,
        metadata: {
          actor: options.actor ?? 'operator-1',
          ...(options.via ? { via: options.via } : {}),
          correlationId,
          occurredAt: options.at,
        },
      })),
      { expectedRevision: pastCount === 0 ? 'no_stream' : BigInt(pastCount - 1) },
    );
    if (position > this.lastPosition) this.lastPosition = position;
    return this.store.readStream(stream, { fromRevision: BigInt(pastCount) });
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }
}
