/** Who did it and why: carried by every event (DOMAIN.md, "Streams and events"). */
export interface EventMetadata {
  actor: string;
  correlationId: string;
  causationId: string | null;
  /** ISO-8601 time the event happened; time travel (`until`) reads up to it. */
  occurredAt: string;
  schemaVersion: number;
  /** Optional extras, e.g. an idempotency key or a bulk operation id. */
  [key: string]: unknown;
}

/** An event to append. `id` and metadata fields left out are filled in by the store. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata?: Partial<EventMetadata>;
}

/** An event as read back from the log. `position` is its place in the global log. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  stream: string;
  /** 0-based index of the event within its stream. */
  revision: bigint;
  /** Strictly increasing across the whole log, in the order readers see events. */
  position: bigint;
}

/**
 * What the writer expects the stream to be: a number is the revision of its last event;
 * `no_stream`: it must not exist; `stream_exists`: it must; `any`: no check.
 */
export type ExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

/** One stream's share of `appendMany`: its events and what the writer expects it to be. */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last appended event: the stream's new revision. */
  nextRevision: bigint;
  /** Log position of the last appended event. */
  position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive; default: the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  /** Inclusive upper bound on revision (for time travel by version). */
  toRevision?: bigint;
  /** Only events that occurred at or before this instant (time travel by time). */
  until?: Date;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Default: from the start of the log. */
  fromPosition?: bigint;
  limit?: number;
  /** Only these event types. */
  eventTypes?: string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the checkpoint of the last processed event; undefined → from the start. */
  fromPosition?: bigint;
  /** Events per catch-up batch. */
  batchSize?: number;
}

/**
 * A subscription to the whole log: catches up, then follows live. Iterate it with
 * `for await`; `stop()` ends the iteration.
 */
export interface LogSubscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

/** The port: every adapter (PostgreSQL, PGlite, EventStoreDB) passes the same contract suite. */
export interface EventStore {
  readonly description: string;
  append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Whether `appendMany` is all-or-nothing: true on PostgreSQL and PGlite (one transaction),
   * false on EventStoreDB, which has no transaction across streams.
   */
  readonly atomicAppendMany: boolean;
  /**
   * Appends to several streams (each named once), in the order given, each checked against its
   * expected revision; answers one result per append, in order. When `atomicAppendMany`, a
   * refusal of any (WrongExpectedRevisionError naming its stream) writes none of them;
   * otherwise the appends before the refused one stay written.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The revision of the stream's last event, or undefined when it has none. */
  streamRevision(stream: string): Promise<bigint | undefined>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event readers can see (undefined: empty log). */
  headPosition(): Promise<bigint | undefined>;
  /**
   * Position of the last committed event, which readers of the whole log may not see yet
   * (an older transaction still running). Wait for this one to be sure nothing committed is
   * missed.
   */
  lastCommittedPosition(): Promise<bigint | undefined>;
  subscribeToAll(options?: SubscribeToAllOptions): LogSubscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
