import { personalDataPolicy, customerStream } from '@app/domain';
import { INTERACTION_RECORDED_V1_FIXTURES } from '@app/domain/customer/upcasters/interaction-recorded.v1.fixtures';
import {
  CryptoShreddingEventStore,
  EventStore,
  PostgresEventStore,
  RecordedEvent,
  SqlPersonalDataKeys,
} from '@app/event-store';
import { customerHistory } from './customer-history.queries';
import { CustomerLog, databaseName } from './testing/customer-log';

const interactions = (events: RecordedEvent[]) =>
  events
    .filter((event) => event.type === 'InteractionRecorded')
    .map(({ data, metadata }) => ({ schemaVersion: metadata.schemaVersion, data }));

const fixturesOf = (customerId: string) =>
  INTERACTION_RECORDED_V1_FIXTURES.filter((fixture) => fixture.data.customerId === customerId);

const CUSTOMER_IDS = [...new Set(INTERACTION_RECORDED_V1_FIXTURES.map((f) => f.data.customerId))];

describe(`InteractionRecorded v1 read as v2 through the application's store on ${databaseName}`, () => {
  let log: CustomerLog;
  const rawLogs: EventStore[] = [];
  beforeEach(async () => {
    // The store as the application wires it: personal data sealed, then upcast.
    log = await CustomerLog.open('interaction_upcasting', { sealPersonalData: true });
  });
  afterEach(async () => {
    for (const raw of rawLogs.splice(0)) await raw.close();
    await log.close();
  });

  /** The log as stored: no decorator, no upcasters. */
  const rawLog = async () => {
    const raw = await PostgresEventStore.create(log.db.db, { pollIntervalMs: 10 });
    rawLogs.push(raw);
    return raw;
  };
  /** Writers as they were before v2: with no upcaster for the type, they stamp schemaVersion 1. */
  const writersBeforeV2: [string, () => Promise<EventStore>][] = [
    ['in clear, as before the crypto-shredding decorator', rawLog],
    [
      'sealed, as the crypto-shredding store wrote it',
      async () =>
        new CryptoShreddingEventStore(
          await rawLog(),
          await SqlPersonalDataKeys.create(log.db.db),
          personalDataPolicy,
        ),
    ],
  ];

  /** The history tab's interaction entries, oldest first. */
  async function interactionsInHistory(customerId: string) {
    const { items } = await customerHistory(log.dataSource, customerId, { pageSize: 50 });
    return items
      .filter((item) => item.eventType === 'InteractionRecorded')
      .map((item) => item.changes[0].after)
      .reverse();
  }

  async function writeV1Fixtures(writer: EventStore) {
    for (const [n, customerId] of CUSTOMER_IDS.entries()) {
      await log.register(n + 1, { customerId });
      const events = fixturesOf(customerId).map(({ data }) => ({
        type: 'InteractionRecorded',
        data,
        metadata: { occurredAt: data.recordedAt },
      }));
      await log.appendWith(writer, customerStream(customerId), events);
    }
  }

  describe.each(writersBeforeV2)('a v1 row written %s', (_how, writerBeforeV2) => {
    it('is still stored at v1, without a direction', async () => {
      await writeV1Fixtures(await writerBeforeV2());
      const raw = await rawLog();
      for (const customerId of CUSTOMER_IDS) {
        const stored = interactions(await raw.readStream(customerStream(customerId)));
        expect(stored).toHaveLength(fixturesOf(customerId).length);
        for (const { schemaVersion, data } of stored) {
          expect(schemaVersion).toBe(1);
          expect(data).not.toHaveProperty('direction');
        }
      }
    });

    it('reads as v2, every kept fixture with its derived direction and its text opened', async () => {
      await writeV1Fixtures(await writerBeforeV2());
      for (const customerId of CUSTOMER_IDS) {
        const read = interactions(await log.store.readStream(customerStream(customerId)));
        expect(read).toEqual(
          fixturesOf(customerId).map(({ data, readsWithDirection }) => ({
            schemaVersion: 2,
            data: { ...data, direction: readsWithDirection },
          })),
        );
      }
    });

    it('shows in the history tab with its direction, beside a v2 one written now', async () => {
      await writeV1Fixtures(await writerBeforeV2());
      const [customerId] = CUSTOMER_IDS;
      await log.run('RecordInteraction', {
        customerId,
        interactionId: 'i-v2',
        kind: 'call',
        direction: 'outbound',
        text: 'Offered the 1 Gb upgrade',
      });
      await log.project();

      expect(await interactionsInHistory(customerId)).toEqual([
        ...fixturesOf(customerId).map(({ data, readsWithDirection }) => ({
          interactionId: data.interactionId,
          kind: data.kind,
          direction: readsWithDirection,
          text: data.text,
        })),
        {
          interactionId: 'i-v2',
          kind: 'call',
          direction: 'outbound',
          text: 'Offered the 1 Gb upgrade',
        },
      ]);
    });
  });

  it('writes new interactions at v2, the direction stored in clear', async () => {
    const customerId = await log.register(7);
    await log.run('RecordInteraction', {
      customerId,
      interactionId: 'i-1',
      kind: 'note',
      text: 'Prefers e-mail',
    });
    const [stored] = interactions(await (await rawLog()).readStream(customerStream(customerId)));
    expect(stored.schemaVersion).toBe(2);
    expect(stored.data).toMatchObject({ kind: 'note', direction: 'internal' });
    expect(JSON.stringify(stored.data)).not.toContain('Prefers e-mail');
  });

  it('opens (here: erases) before it upcasts: an erased v1 row reads as v2 with its text erased', async () => {
    const [, sealedBeforeV2] = writersBeforeV2;
    await writeV1Fixtures(await sealedBeforeV2[1]());
    const [customerId] = CUSTOMER_IDS;
    await log.run('EraseCustomerPersonalData', { customerId, blockers: [] });

    const read = interactions(await log.store.readStream(customerStream(customerId)));
    expect(read).toEqual(
      fixturesOf(customerId).map(({ data, readsWithDirection }) => ({
        schemaVersion: 2,
        data: { ...data, text: '[erased]', direction: readsWithDirection },
      })),
    );
    await log.project();
    expect(await interactionsInHistory(customerId)).toEqual(
      fixturesOf(customerId).map(({ data, readsWithDirection }) => ({
        interactionId: data.interactionId,
        kind: data.kind,
        direction: readsWithDirection,
      })),
    );
  });
});
