import { v4 as uuid } from 'uuid';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  LogSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store.port';
import { toRecordedEvent } from '../event-envelope';
import { UnsealableEventError } from '../errors';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import {
  openPersonalValues,
  SEALED_FIELD,
  SealedPersonalData,
  sealPersonalValues,
} from './personal-data-cipher';
import { PersonalDataKeys, SubjectKey } from './personal-data-keys';
import {
  erasedData,
  joinPersonalData,
  PersonalDataPolicy,
  splitPersonalData,
} from './personal-data-policy';

/**
 * Crypto-shredding at the store boundary: deciders and projections never see it. On append,
 * the personal parts of the events the policy names are sealed (AES-256-GCM) under their
 * subject's key; on read they are opened, or — the key destroyed — read as their erased
 * values; then upcasters run, so they always see plain data of the stored version.
 *
 * An erasure event is appended first and its subject's key destroyed after; should the
 * process stop in between, the next read that meets the event destroys the key before
 * opening anything, so the event never stands beside a readable key for long.
 *
 * The inner store must have no upcasters of its own: they run here, after opening.
 */
export class CryptoShreddingEventStore implements EventStore {
  readonly description: string;
  /** Set when the policy lists every type that may be appended. */
  private readonly declaredEventTypes?: ReadonlySet<string>;

  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonalDataKeys,
    private readonly policy: PersonalDataPolicy,
    private readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
  ) {
    this.description = `${inner.description}, personal data sealed per subject`;
    if (policy.declaredEventTypes) this.declaredEventTypes = new Set(policy.declaredEventTypes);
  }

  get atomicAppendMany(): boolean {
    return this.inner.atomicAppendMany;
  }

  async append(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await this.seal(event));
    const result = await this.inner.append(stream, sealed, options);
    for (const subject of this.erasedSubjects(events)) await this.keys.destroy(subject);
    return result;
  }

  /** Sealed as `append` seals, passed to the inner store's `appendMany` as one. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const sealed: StreamAppend[] = [];
    for (const append of appends) {
      const events: NewEvent[] = [];
      for (const event of append.events) events.push(await this.seal(event));
      sealed.push({ ...append, events });
    }
    const results = await this.inner.appendMany(sealed);
    const erased = this.erasedSubjects(appends.flatMap((append) => append.events));
    for (const subject of erased) await this.keys.destroy(subject);
    return results;
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readStream(stream, options));
  }

  streamRevision(stream: string): Promise<bigint | undefined> {
    return this.inner.streamRevision(stream);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readAll(options));
  }

  headPosition(): Promise<bigint | undefined> {
    return this.inner.headPosition();
  }

  lastCommittedPosition(): Promise<bigint | undefined> {
    return this.inner.lastCommittedPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): LogSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const open = (event: RecordedEvent) => this.open([event]).then(([opened]) => opened);
    return {
      stop: () => subscription.stop(),
      async *[Symbol.asyncIterator]() {
        for await (const event of subscription) yield await open(event);
      },
    };
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * The event as `append` stores it: id and schema version set, personal parts sealed under
   * the subject's key. Public for bulk loaders that write through the inner store's own SQL
   * (the benchmark's workload), so their log is the one the service would have written.
   */
  async seal(event: NewEvent): Promise<NewEvent> {
    const id = event.id ?? uuid();
    const schemaVersion =
      event.metadata?.schemaVersion ?? this.upcasters.currentVersion(event.type);
    const prepared = { ...event, id, metadata: { ...event.metadata, schemaVersion } };
    this.refuseUndeclared(event.type);
    const fields = this.policy.events[event.type];
    if (!fields) return prepared;
    const { clear, personal } = splitPersonalData(fields, event.data);
    if (Object.keys(personal).length === 0) return prepared;
    const subject = this.subjectOf(event);
    if (subject === undefined)
      throw new UnsealableEventError(
        `${event.type} holds personal data but no ${this.policy.subjectField} to seal it under; it is not written in clear`,
      );
    const key = await this.keys.keyFor(subject);
    // Written after the subject was erased: only the erased form is stored.
    if (key === 'erased') return { ...prepared, data: joinPersonalData(fields, clear, null) };
    const sealed = sealPersonalValues(key, personal, boundTo(id, event.type));
    return { ...prepared, data: { ...(clear as object), [SEALED_FIELD]: sealed } };
  }

  private refuseUndeclared(type: string): void {
    const declared = this.declaredEventTypes;
    if (declared && !declared.has(type))
      throw new UnsealableEventError(
        `${type} has not declared its personal data (possibly none); it is not written to the log`,
      );
  }

  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const subjects = events
      .map((event) => this.subjectOf(event))
      .filter((subject): subject is string => subject !== undefined);
    const keys = await this.keys.keysOf(subjects);
    for (const subject of this.erasedSubjects(events)) {
      if (keys.get(subject) === 'erased') continue;
      await this.keys.destroy(subject);
      keys.set(subject, 'erased');
    }
    return events.map((event) => {
      const subject = this.subjectOf(event);
      const opened = subject === undefined ? event : this.opened(event, keys.get(subject));
      return toRecordedEvent(opened, this.upcasters);
    });
  }

  private opened(event: RecordedEvent, key: SubjectKey | undefined): RecordedEvent {
    const fields = this.policy.events[event.type];
    if (!fields) return event;
    const { [SEALED_FIELD]: sealed, ...clear } = event.data as Record<string, unknown>;
    if (key === 'erased' || (sealed !== undefined && key === undefined))
      return { ...event, data: erasedData(fields, clear) };
    if (sealed === undefined || key === undefined) return event;
    const personal = openPersonalValues(
      key,
      sealed as SealedPersonalData,
      boundTo(event.id, event.type),
    );
    return { ...event, data: joinPersonalData(fields, clear, personal) };
  }

  private subjectOf(event: { type: string; data: unknown }): string | undefined {
    if (!this.policy.events[event.type] && event.type !== this.policy.erasureEventType)
      return undefined;
    const data = event.data as Record<string, unknown> | null;
    const subject = data?.[this.policy.subjectField];
    return typeof subject === 'string' ? subject : undefined;
  }

  private erasedSubjects(events: { type: string; data: unknown }[]): string[] {
    return events
      .filter((event) => event.type === this.policy.erasureEventType)
      .map((event) => this.subjectOf(event))
      .filter((subject): subject is string => subject !== undefined);
  }
}

const boundTo = (eventId: string, type: string) => `${eventId}:${type}`;
