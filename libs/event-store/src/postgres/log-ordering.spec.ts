import { PostgresDatabase } from '@app/database';
import { v4 as uuid } from 'uuid';
import { RecordedEvent } from '../event-store.port';
import { openTestPostgres } from '../testing/test-databases';
import { PostgresEventStore } from './postgres-event-store';

/**
 * Sequence order is not commit order: an append can take position 5, stay open, and commit
 * after the append that took position 6. A reader that trusts `position > checkpoint` would
 * read 6, store it as its checkpoint and never see 5. These tests hold a transaction open
 * while later appends commit, on a real PostgreSQL server (PGlite is one session: nothing
 * runs beside an open transaction there).
 */
const databaseUrl = process.env.DATABASE_URL;
const describeOnPostgres = databaseUrl ? describe : describe.skip;

describeOnPostgres(
  'log readers never skip an event committed out of position order (PostgreSQL)',
  () => {
    let opened: { db: PostgresDatabase; dispose(): Promise<void> };
    let store: PostgresEventStore;

    beforeAll(async () => {
      opened = await openTestPostgres(databaseUrl!, 'ordering', 40);
      store = await PostgresEventStore.create(opened.db, { pollIntervalMs: 10 });
    });
    afterAll(async () => {
      await store.close();
      await opened.dispose();
    });

    /** Starts an append whose transaction stays open until `commit` is called. */
    async function holdOpenAppend(stream: string) {
      let commit!: () => void;
      const released = new Promise<void>((resolve) => (commit = resolve));
      let reserved!: (position: bigint) => void;
      const appended = new Promise<bigint>((resolve) => (reserved = resolve));
      const done = opened.db.transaction(async (tx) => {
        const result = await store.appendWithin(
          tx,
          stream,
          store.prepare(stream, [{ type: 'Slow', data: {} }]),
          {},
        );
        reserved(result.position);
        await released;
      });
      return { position: await appended, commit, done };
    }

    /**
     * What a live subscriber from the current head receives while `write` runs, and what the
     * log holds afterwards. Bounded: a reader that skipped an event would otherwise wait for it
     * forever. The bound's timer is cleared, or it would keep the test worker alive for its 5 s.
     */
    async function deliveredWhile(total: number, batchSize: number, write: () => Promise<void>) {
      const before = await store.headPosition();
      const received: bigint[] = [];
      const subscription = store.subscribeToAll({ fromPosition: before, batchSize });
      const consuming = (async () => {
        for await (const event of subscription) {
          received.push(event.position);
          if (received.length === total) break;
        }
      })();
      await write();
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        consuming,
        new Promise((resolve) => {
          bound = setTimeout(resolve, 5000);
        }),
      ]);
      clearTimeout(bound);
      await subscription.stop();
      const committed = (await store.readAll({ fromPosition: before, limit: 100_000 })).map(
        (e) => e.position,
      );
      return { received, committed };
    }

    it('hides later positions while an earlier append is open, then delivers all in order', async () => {
      const before = await store.headPosition();
      const slow = await holdOpenAppend(`slow-${uuid()}`);
      const fast1 = await store.append(`fast-${uuid()}`, [{ type: 'Fast', data: {} }]);
      const fast2 = await store.append(`fast-${uuid()}`, [{ type: 'Fast', data: {} }]);
      expect(slow.position).toBeLessThan(fast1.position);

      // The trap is real: a naive reader sees the later positions before the earlier one.
      const naive = await opened.db.query<{ position: string }>(
        'SELECT position FROM es_events WHERE position > $1 ORDER BY position',
        [(before ?? 0n).toString()],
      );
      expect(naive.rows.map((row) => BigInt(row.position))).toEqual([
        fast1.position,
        fast2.position,
      ]);

      // The store's reader and subscription hold back instead.
      expect(await store.readAll({ fromPosition: before })).toEqual([]);
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ fromPosition: before });
      const consuming = (async () => {
        for await (const event of subscription) {
          received.push(event);
          if (received.length === 3) break;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);

      slow.commit();
      await slow.done;
      await consuming;
      await subscription.stop();
      const expected = [slow.position, fast1.position, fast2.position];
      expect(received.map((event) => event.position)).toEqual(expected);
      expect((await store.readAll({ fromPosition: before })).map((e) => e.position)).toEqual(
        expected,
      );
    });

    it('delivers every event exactly once to a live subscriber under racing, randomly slow writers', async () => {
      const writers = 16;
      const appendsPerWriter = 15;
      const streamOf = (writer: number) => `race-${writer}-${uuid()}`;
      const total = writers * appendsPerWriter * 2;
      const { received, committed } = await deliveredWhile(total, 7, async () => {
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            const stream = streamOf(writer);
            for (let i = 0; i < appendsPerWriter; i++) {
              await opened.db.transaction(async (tx) => {
                const events = store.prepare(stream, [
                  { type: 'Raced', data: { writer, i } },
                  { type: 'Raced', data: { writer, i, second: true } },
                ]);
                await store.appendWithin(tx, stream, events, {});
                // Hold some transactions open so that commits land out of position order.
                await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.3 ? 15 : 0));
              });
            }
          }),
        );
      });
      expect(committed).toHaveLength(total);
      expect(received).toEqual(committed);
      expect(new Set(received).size).toBe(total);
    });

    it('delivers every event once when one-call appends race transactions held open', async () => {
      const writers = 12;
      const appendsPerWriter = 10;
      // A third append in one call (es_append), a third two streams in one call
      // (es_append_many), a third inside a transaction they sometimes hold open after
      // reserving, so one-call appends commit past them.
      const total = (writers / 3) * appendsPerWriter * (1 + 2 + 1);
      const { received, committed } = await deliveredWhile(total, 5, async () => {
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            const stream = `mixed-${writer}-${uuid()}`;
            for (let i = 0; i < appendsPerWriter; i++) {
              if (writer % 3 === 0) {
                await store.append(stream, [{ type: 'Raced', data: { writer, i } }]);
                continue;
              }
              if (writer % 3 === 1) {
                await store.appendMany([
                  { stream, events: [{ type: 'Raced', data: { writer, i } }] },
                  { stream: `${stream}-b`, events: [{ type: 'Raced', data: { writer, i } }] },
                ]);
                continue;
              }
              await opened.db.transaction(async (tx) => {
                await store.appendWithin(
                  tx,
                  stream,
                  store.prepare(stream, [{ type: 'Raced', data: { writer, i } }]),
                  {},
                );
                await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.4 ? 20 : 0));
              });
            }
          }),
        );
      });
      expect(committed).toHaveLength(total);
      expect(received).toEqual(committed);
    });
  },
);
