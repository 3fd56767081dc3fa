import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AppendExpectedRevision,
  Position,
} from '@eventstore/db-client';
import {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  LogSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store.port';
import { Clock, prepareEvents, toRecordedEvent } from '../event-envelope';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

export interface EventStoreDbOptions {
  upcasters?: UpcasterRegistry;
  clock?: Clock;
}

/**
 * The production adapter, on EventStoreDB. ESDB positions are (commit, prepare) pairs; each
 * event of a non-transactional append has its own, with commit = prepare, so the commit
 * position serves as the port's single `position`.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly description: string;
  /** EventStoreDB appends to one stream per write: no transaction spans streams. */
  readonly atomicAppendMany = false;
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: Clock;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
    description = 'EventStoreDB',
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.description = description;
  }

  static connect(
    connectionString: string,
    options: EventStoreDbOptions = {},
  ): EventStoreDbEventStore {
    const client = EventStoreDBClient.connectionString(connectionString);
    const host = connectionString.replace(/^[a-z+]+:\/\/([^@]*@)?/i, '').split(/[/?]/)[0];
    return new EventStoreDbEventStore(client, options, `EventStoreDB ${host}`);
  }

  async append(
    stream: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const prepared = prepareEvents(stream, events, this.upcasters, this.clock);
    const expectedRevision = toEsdbExpected(options.expectedRevision ?? 'any');
    try {
      const result = await this.client.appendToStream(
        stream,
        prepared.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data as never,
            metadata: event.metadata,
          }),
        ),
        { expectedRevision },
      );
      if (!result.position) throw new Error(`EventStoreDB returned no position for ${stream}`);
      return { nextRevision: result.nextExpectedRevision, position: result.position.commit };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : 'no_stream';
        throw new WrongExpectedRevisionError(stream, options.expectedRevision ?? 'any', actual);
      }
      throw error;
    }
  }

  /**
   * One append after the other, in order: a refused one stops the rest, and those before it
   * stay written (callers that need all-or-nothing check `atomicAppendMany`).
   */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) throw new InvalidAppendError('No streams to append to');
    if (new Set(appends.map((append) => append.stream)).size < appends.length)
      throw new InvalidAppendError('appendMany names a stream more than once');
    const results: AppendResult[] = [];
    for (const { stream, events, expectedRevision } of appends)
      results.push(await this.append(stream, events, { expectedRevision }));
    return results;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
      });
      for await (const resolved of read) {
        if (!resolved.event) continue;
        const event = this.toEvent(resolved.event as AllStreamRecordedEvent);
        if (options.toRevision !== undefined) {
          const past = backwards
            ? event.revision < options.toRevision
            : event.revision > options.toRevision;
          if (past) break;
        }
        if (options.until && Date.parse(event.metadata.occurredAt) > options.until.getTime()) {
          if (backwards) continue;
          break;
        }
        events.push(event);
        if (options.maxCount !== undefined && events.length >= options.maxCount) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(stream: string): Promise<bigint | undefined> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last?.revision;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = Math.max(1, Math.floor(options.limit ?? 1000));
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    const events: RecordedEvent[] = [];
    const read = this.client.readAll({ fromPosition: toEsdbPosition(options.fromPosition) });
    for await (const resolved of read) {
      const event = resolved.event;
      if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) continue;
      if (options.fromPosition !== undefined && event.position.commit <= options.fromPosition)
        continue;
      if (types && !types.has(event.type)) continue;
      events.push(this.toEvent(event));
      if (events.length >= limit) break;
    }
    return events;
  }

  async headPosition(): Promise<bigint | undefined> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const resolved of read) {
      const event = resolved.event;
      if (event && !event.type.startsWith('$') && !event.streamId.startsWith('$')) {
        return event.position.commit;
      }
    }
    return undefined;
  }

  /** EventStoreDB shows readers every committed event at once. */
  lastCommittedPosition(): Promise<bigint | undefined> {
    return this.headPosition();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): LogSubscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: toEsdbPosition(options.fromPosition),
      filter: excludeSystemEvents(),
    });
    const toEvent = (event: AllStreamRecordedEvent) => this.toEvent(event);
    const from = options.fromPosition;
    return {
      stop: () => subscription.unsubscribe(),
      async *[Symbol.asyncIterator]() {
        for await (const resolved of subscription) {
          const event = resolved.event;
          if (!event || (from !== undefined && event.position.commit <= from)) continue;
          yield toEvent(event);
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private toEvent(event: AllStreamRecordedEvent): RecordedEvent {
    return toRecordedEvent(
      {
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata as unknown as EventMetadata,
        stream: event.streamId,
        revision: event.revision,
        position: event.position.commit,
      },
      this.upcasters,
    );
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

function toEsdbPosition(position: bigint | undefined): Position | typeof START {
  return position === undefined ? START : { commit: position, prepare: position };
}
