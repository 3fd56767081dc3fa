import { v4 as uuid } from 'uuid';
import { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

export interface ContractStoreOptions {
  upcasters: UpcasterRegistry;
}

export interface EventStoreContractSubject {
  /** Names the adapter and where it runs; printed in the suite's title. */
  name: string;
  open(options: ContractStoreOptions): Promise<EventStore>;
  /** Releases what `open` created (schemas, connections). */
  dispose?(): Promise<void>;
}

const event = (type: string, data: unknown = {}, metadata?: NewEvent['metadata']): NewEvent => ({
  type,
  data,
  metadata,
});
const newStream = (prefix = 'contract') => `${prefix}-${uuid()}`;

async function take(
  iterable: AsyncIterable<RecordedEvent>,
  count: number,
  predicate: (event: RecordedEvent) => boolean = () => true,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  for await (const recorded of iterable) {
    if (!predicate(recorded)) continue;
    taken.push(recorded);
    if (taken.length >= count) break;
  }
  return taken;
}

/**
 * Reads until `accept` is satisfied (5 s at most). On PostgreSQL, `$all` readers only see
 * transactions older than every transaction still running on the server, so under a busy
 * server (parallel test files) one's own append can take a moment to become readable there.
 */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The behaviour every EventStore adapter must have. Call inside a test file, once per adapter. */
export function eventStoreContract(subject: EventStoreContractSubject): void {
  describe(`EventStore contract — ${subject.name}`, () => {
    let store: EventStore;
    const upcasters = new UpcasterRegistry().register('ContractRenamed', 1, (data) => {
      const { name } = data as { name: string };
      const [givenName, surname] = name.split(' ');
      return { givenName, surname };
    });

    beforeAll(async () => {
      store = await subject.open({ upcasters });
    });
    afterAll(async () => {
      await store?.close();
      await subject.dispose?.();
    });

    describe('append', () => {
      it('creates a stream and returns its revision and the log position', async () => {
        const stream = newStream();
        const result = await store.append(stream, [event('A'), event('B')], {
          expectedRevision: 'no_stream',
        });
        expect(result.nextRevision).toBe(1n);
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0n],
          ['B', 1n],
        ]);
        expect(result.position).toBe(events[1].position);
        expect(events[1].position).toBeGreaterThan(events[0].position);
      });

      it('records id, type, data, stream, revision, position and full metadata', async () => {
        const stream = newStream();
        const id = uuid();
        await store.append(stream, [
          {
            id,
            type: 'Documented',
            data: { amountCents: 1234, tags: ['a'], nested: { ok: true } },
            metadata: {
              actor: 'operator:ana',
              correlationId: 'corr-1',
              causationId: 'cause-1',
              occurredAt: '2026-01-02T03:04:05.000Z',
            },
          },
        ]);
        const [recorded] = await store.readStream(stream);
        expect(recorded).toMatchObject({
          id,
          type: 'Documented',
          data: { amountCents: 1234, tags: ['a'], nested: { ok: true } },
          stream,
          revision: 0n,
        });
        expect(typeof recorded.position).toBe('bigint');
        expect(recorded.metadata).toMatchObject({
          actor: 'operator:ana',
          correlationId: 'corr-1',
          causationId: 'cause-1',
          occurredAt: '2026-01-02T03:04:05.000Z',
          schemaVersion: 1,
        });
      });

      it('fills in a uuid id, occurredAt, actor and correlation when left out', async () => {
        const stream = newStream();
        await store.append(stream, [event('Bare')]);
        const [recorded] = await store.readStream(stream);
        expect(recorded.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(Number.isNaN(Date.parse(recorded.metadata.occurredAt))).toBe(false);
        expect(recorded.metadata.actor).toBe('system');
        expect(recorded.metadata.correlationId).toBe(recorded.id);
        expect(recorded.metadata.causationId).toBeNull();
      });

      it('appends at the expected revision and refuses a stale one, writing nothing', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        await store.append(stream, [event('B')], { expectedRevision: 0n });
        await expect(
          store.append(stream, [event('C1'), event('C2')], { expectedRevision: 0n }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
        expect(await store.streamRevision(stream)).toBe(1n);
      });

      it('reports the stream and both revisions in the concurrency error', async () => {
        const stream = newStream();
        await store.append(stream, [event('A'), event('B')]);
        const error = await store
          .append(stream, [event('C')], { expectedRevision: 0n })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 0n, actual: 1n });
      });

      it('honours no_stream, stream_exists and any', async () => {
        const stream = newStream();
        await expect(
          store.append(stream, [event('X')], { expectedRevision: 'stream_exists' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        await expect(
          store.append(stream, [event('X')], { expectedRevision: 'no_stream' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await store.append(stream, [event('B')], { expectedRevision: 'stream_exists' });
        await store.append(stream, [event('C')], { expectedRevision: 'any' });
        const other = newStream();
        await store.append(other, [event('D')], { expectedRevision: 'any' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(await store.streamRevision(other)).toBe(0n);
      });

      it('refuses an append with no events', async () => {
        await expect(store.append(newStream(), [])).rejects.toBeInstanceOf(InvalidAppendError);
      });

      it('lets exactly one of N concurrent appends at the same revision win, leaving no holes', async () => {
        const stream = newStream();
        await store.append(stream, [event('Opened')], { expectedRevision: 'no_stream' });
        const writers = 20;
        const outcomes = await Promise.allSettled(
          Array.from({ length: writers }, (_, i) =>
            store.append(stream, [event('Raced', { writer: i }), event('Raced2', { writer: i })], {
              expectedRevision: 0n,
            }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(writers - 1);
        for (const outcome of lost) {
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(
            WrongExpectedRevisionError,
          );
        }
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        const winner = (events[1].data as { writer: number }).writer;
        expect(events[2].data).toEqual({ writer: winner });
      });

      it('loses nothing under concurrent appends to many streams', async () => {
        const streams = Array.from({ length: 10 }, () => newStream());
        const before = await store.headPosition();
        await Promise.all(
          streams.flatMap((stream) =>
            Array.from({ length: 5 }, (_, i) => store.append(stream, [event('Many', { i })])),
          ),
        );
        for (const stream of streams) {
          const events = await store.readStream(stream);
          expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        }
        const ours = await eventually(
          async () =>
            (await store.readAll({ fromPosition: before, limit: 10_000 })).filter((e) =>
              streams.includes(e.stream),
            ),
          (found) => found.length >= 50,
        );
        expect(ours).toHaveLength(50);
      });
    });

    describe('readStream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = newStream();
        await store.append(
          stream,
          ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((day, i) =>
            event(`E${i}`, { i }, { occurredAt: `${day}T00:00:00.000Z` }),
          ),
        );
      });

      it('reads forwards from and to a revision', async () => {
        const events = await store.readStream(stream, { fromRevision: 1n, toRevision: 2n });
        expect(events.map((e) => e.type)).toEqual(['E1', 'E2']);
      });

      it('reads backwards with a maximum count', async () => {
        const events = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
        expect(events.map((e) => e.type)).toEqual(['E3', 'E2']);
      });

      it('reads up to a point in time, for time travel', async () => {
        const events = await store.readStream(stream, { until: new Date('2026-02-15T00:00:00Z') });
        expect(events.map((e) => e.type)).toEqual(['E0', 'E1']);
        const exact = await store.readStream(stream, { until: new Date('2026-03-01T00:00:00Z') });
        expect(exact.map((e) => e.type)).toEqual(['E0', 'E1', 'E2']);
      });

      it('reads an unknown stream as empty', async () => {
        const unknown = newStream('missing');
        expect(await store.readStream(unknown)).toEqual([]);
        expect(await store.streamRevision(unknown)).toBeUndefined();
      });
    });

    describe('readAll', () => {
      it('reads the log in position order after an exclusive position, with a limit', async () => {
        const before = await store.headPosition();
        const stream = newStream();
        for (let i = 0; i < 5; i++) await store.append(stream, [event('Logged', { i })]);
        const all = await eventually(
          async () =>
            (await store.readAll({ fromPosition: before, limit: 1000 })).filter(
              (e) => e.stream === stream,
            ),
          (found) => found.length >= 5,
        );
        expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

        const afterSecond = await store.readAll({ fromPosition: all[1].position, limit: 2 });
        expect(afterSecond.map((e) => e.position)).toEqual([all[2].position, all[3].position]);
        const head = await eventually(
          () => store.headPosition(),
          (position) => position !== undefined && position >= all[4].position,
        );
        expect(head! >= all[4].position).toBe(true);
        expect((await store.lastCommittedPosition())! >= all[4].position).toBe(true);
      });

      it('filters by event type', async () => {
        const before = await store.headPosition();
        const stream = newStream();
        await store.append(stream, [event('Keep'), event('Drop'), event('Keep')]);
        const kept = await eventually(
          async () =>
            (await store.readAll({ fromPosition: before, eventTypes: ['Keep'] })).filter(
              (e) => e.stream === stream,
            ),
          (found) => found.length >= 2,
        );
        expect(kept.map((e) => e.revision)).toEqual([0n, 2n]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then delivers live appends, in log order', async () => {
        const stream = newStream();
        const before = await store.headPosition();
        await store.append(stream, [event('Past', { n: 1 }), event('Past', { n: 2 })]);
        const subscription = store.subscribeToAll({ fromPosition: before, batchSize: 1 });
        const received = take(subscription, 4, (e) => e.stream === stream);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.append(stream, [event('Live', { n: 3 })]);
        await store.append(stream, [event('Live', { n: 4 })]);
        const events = await received;
        await subscription.stop();
        expect(events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
      });

      it('resumes from a checkpoint without repeating or skipping', async () => {
        const stream = newStream();
        const before = await store.headPosition();
        await store.append(
          stream,
          [1, 2, 3, 4].map((n) => event('Counted', { n })),
        );
        const first = store.subscribeToAll({ fromPosition: before });
        const firstTwo = await take(first, 2, (e) => e.stream === stream);
        await first.stop();
        const resumed = store.subscribeToAll({ fromPosition: firstTwo[1].position });
        const rest = await take(resumed, 2, (e) => e.stream === stream);
        await resumed.stop();
        expect([...firstTwo, ...rest].map((e) => (e.data as { n: number }).n)).toEqual([
          1, 2, 3, 4,
        ]);
      });
    });

    describe('upcasting', () => {
      it('raises old events to the current schema version on every read path', async () => {
        const stream = newStream();
        const before = await store.headPosition();
        await store.append(stream, [
          event('ContractRenamed', { name: 'Ana García' }, { schemaVersion: 1 }),
          event('ContractRenamed', { givenName: 'Eva', surname: 'Ruiz' }),
        ]);
        const expected = [
          { data: { givenName: 'Ana', surname: 'García' }, metadata: { schemaVersion: 2 } },
          { data: { givenName: 'Eva', surname: 'Ruiz' }, metadata: { schemaVersion: 2 } },
        ];
        expect(await store.readStream(stream)).toMatchObject(expected);
        const fromLog = await eventually(
          async () =>
            (await store.readAll({ fromPosition: before })).filter((e) => e.stream === stream),
          (found) => found.length >= 2,
        );
        expect(fromLog).toMatchObject(expected);
        const subscription = store.subscribeToAll({ fromPosition: before });
        const live = await take(subscription, 2, (e) => e.stream === stream);
        await subscription.stop();
        expect(live).toMatchObject(expected);
      });
    });
  });
}

/** Prints, in the test output, which adapter a suite skipped and why. */
export function skippedContract(name: string, reason: string): void {
  describe(`EventStore contract — ${name}`, () => {
    it.skip(`not run: ${reason}`, () => undefined);
  });
}
