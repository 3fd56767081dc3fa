import { SqlDatabase } from '@app/database';
import { v4 as uuid } from 'uuid';
import { UnsealableEventError } from '../errors';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { openTestPglite } from '../testing/test-databases';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { CryptoShreddingEventStore } from './crypto-shredding-event-store';
import { SqlPersonalDataKeys } from './personal-data-keys';
import { PersonalDataPolicy } from './personal-data-policy';

const policy: PersonalDataPolicy = {
  subjectField: 'personId',
  erasureEventType: 'PersonErased',
  events: {
    PersonRegistered: {
      paths: { name: '[erased]', email: null, phone: null, 'address.street': null },
    },
    PersonEdited: { changeLists: { changes: { phone: null } } },
  },
};

/** v1 kept the phone as one string; v2 as a list. The upcaster must see the opened phone. */
const upcasters = new UpcasterRegistry().register('PersonRegistered', 1, (data) => {
  const { phone, ...rest } = data as { phone?: string };
  return { ...rest, phones: phone ? [phone] : [] };
});

describe('CryptoShreddingEventStore', () => {
  let opened: { db: SqlDatabase; dispose(): Promise<void> };
  let log: PostgresEventStore;
  let keys: SqlPersonalDataKeys;
  let store: CryptoShreddingEventStore;

  beforeAll(async () => {
    opened = await openTestPglite();
    log = await PostgresEventStore.create(opened.db, { pollIntervalMs: 20 });
    keys = await SqlPersonalDataKeys.create(opened.db);
    store = new CryptoShreddingEventStore(log, keys, policy, upcasters);
  });
  afterAll(async () => {
    await store.close();
    await opened.dispose();
  });

  const registered = (personId: string) => ({
    type: 'PersonRegistered',
    data: {
      personId,
      name: 'Ana Pérez',
      email: 'ana@example.com',
      zone: 'north',
      address: { street: 'Calle Mayor 1', city: 'Soria' },
    },
    metadata: { schemaVersion: 1 },
  });
  const edited = (personId: string) => ({
    type: 'PersonEdited',
    data: {
      personId,
      changes: [
        { field: 'zone', before: 'north', after: 'south' },
        { field: 'phone', before: null, after: '600111222' },
      ],
    },
  });
  const rawData = async (stream: string) =>
    (
      await opened.db.query<{ data: unknown }>(
        'SELECT data FROM es_events WHERE stream_id = $1 ORDER BY revision',
        [stream],
      )
    ).rows.map((row) => JSON.stringify(row.data));

  it('keeps personal values out of the log in clear, and reads them back (opened, then upcast)', async () => {
    const personId = uuid();
    const stream = `person-${personId}`;
    await store.append(stream, [
      { ...registered(personId), data: { ...registered(personId).data, phone: '911222333' } },
      edited(personId),
    ]);

    const raw = (await rawData(stream)).join('\n');
    for (const secret of ['Ana Pérez', 'ana@example.com', 'Calle Mayor', '600111222', '911222333'])
      expect(raw).not.toContain(secret);
    expect(raw).toContain('north');
    expect(raw).toContain('Soria');

    const [first, second] = await store.readStream(stream);
    expect(first.metadata.schemaVersion).toBe(2);
    expect(first.data).toEqual({
      personId,
      name: 'Ana Pérez',
      email: 'ana@example.com',
      zone: 'north',
      address: { street: 'Calle Mayor 1', city: 'Soria' },
      phones: ['911222333'],
    });
    expect(second.data).toEqual(edited(personId).data);
  });

  it('reads the personal values as erased once the erasure event is appended, everywhere', async () => {
    const personId = uuid();
    const other = uuid();
    const stream = `person-${personId}`;
    await store.append(stream, [registered(personId), edited(personId)]);
    await store.append(`person-${other}`, [registered(other)]);
    await store.append(stream, [{ type: 'PersonErased', data: { personId } }]);

    const erased = await store.readStream(stream);
    expect(erased[0].data).toEqual({
      personId,
      name: '[erased]',
      email: null,
      zone: 'north',
      address: { street: null, city: 'Soria' },
      phones: [],
    });
    expect(erased[1].data).toEqual({
      personId,
      changes: [
        { field: 'zone', before: 'north', after: 'south' },
        { field: 'phone', before: null, after: null },
      ],
    });
    const fromAll = (await store.readAll()).filter((e) => e.stream === stream);
    expect(fromAll.map((e) => e.data)).toEqual(erased.map((e) => e.data));
    // Another subject's data is untouched.
    expect((await store.readStream(`person-${other}`))[0].data).toMatchObject({
      name: 'Ana Pérez',
    });
    // The log itself was never rewritten.
    expect(await rawData(stream)).toHaveLength(3);
    expect(await keys.keysOf([personId])).toEqual(new Map([[personId, 'erased']]));
  });

  it('stores only the erased form of events written after the erasure, and never re-creates the key', async () => {
    const personId = uuid();
    const stream = `person-${personId}`;
    await store.append(stream, [{ type: 'PersonErased', data: { personId } }]);
    await store.append(stream, [registered(personId)]);
    expect((await rawData(stream))[1]).toContain('[erased]');
    expect((await rawData(stream))[1]).not.toContain('Ana');
    expect(await keys.keyFor(personId)).toBe('erased');
  });

  it('destroys the key on the next read when the process stopped between the append and the destroy', async () => {
    const personId = uuid();
    const stream = `person-${personId}`;
    await store.append(stream, [registered(personId)]);
    // The erasure event reached the log, but the key was not destroyed (a crash in between).
    await log.append(stream, [{ type: 'PersonErased', data: { personId } }]);
    expect((await keys.keysOf([personId])).get(personId)).toBeInstanceOf(Buffer);

    const [first] = await store.readStream(stream);
    expect(first.data).toMatchObject({ name: '[erased]', email: null });
    expect(await keys.keysOf([personId])).toEqual(new Map([[personId, 'erased']]));
  });

  it('opens events delivered by a live subscription', async () => {
    const personId = uuid();
    const from = await store.headPosition();
    const subscription = store.subscribeToAll({ fromPosition: from });
    await store.append(`person-${personId}`, [registered(personId)]);
    for await (const event of subscription) {
      expect(event.data).toMatchObject({ name: 'Ana Pérez', address: { street: 'Calle Mayor 1' } });
      break;
    }
    await subscription.stop();
  });

  it('refuses, writing nothing, an event type the policy does not declare when it lists them all', async () => {
    const declaredEventTypes = ['PersonRegistered', 'PersonEdited', 'PersonErased'];
    const strict = new CryptoShreddingEventStore(
      log,
      keys,
      { ...policy, declaredEventTypes },
      upcasters,
    );
    const personId = uuid();
    const stream = `person-${personId}`;
    const nicknamed = { type: 'PersonNicknamed', data: { personId, nickname: 'Anita' } };
    await expect(strict.append(stream, [registered(personId), nicknamed])).rejects.toThrow(
      UnsealableEventError,
    );
    await expect(
      strict.appendMany([{ stream, events: [nicknamed], expectedRevision: 'no_stream' }]),
    ).rejects.toThrow(/PersonNicknamed has not declared its personal data/);
    expect(await rawData(stream)).toEqual([]);
    // Declared types, with or without personal data, go through.
    await strict.append(stream, [registered(personId), edited(personId)]);
    expect(await rawData(stream)).toHaveLength(2);
    // Without the list, an undeclared type is taken as having no personal data.
    await store.append(stream, [nicknamed]);
    expect(await rawData(stream)).toHaveLength(3);
  });

  it('refuses personal data with no subject to seal it under, rather than store it in clear', async () => {
    const stream = `person-${uuid()}`;
    const { personId: _none, ...anonymous } = registered('nobody').data;
    await expect(
      store.append(stream, [{ type: 'PersonRegistered', data: anonymous }]),
    ).rejects.toThrow(/PersonRegistered holds personal data but no personId/);
    expect(await rawData(stream)).toEqual([]);
    // Nothing personal in it: nothing to seal, so no subject is needed.
    await store.append(stream, [{ type: 'PersonRegistered', data: { zone: 'north' } }]);
    expect(await rawData(stream)).toEqual([JSON.stringify({ zone: 'north' })]);
  });

  it('refuses a sealed value moved into another event (bound to its event id)', async () => {
    const personId = uuid();
    const stream = `person-${personId}`;
    await store.append(stream, [registered(personId), registered(personId)]);
    await opened.db.query(
      `UPDATE es_events SET data = (SELECT data FROM es_events WHERE stream_id = $1 AND revision = 0)
       WHERE stream_id = $1 AND revision = 1`,
      [stream],
    );
    await expect(store.readStream(stream)).rejects.toThrow();
  });
});
