import type { RecordedEvent } from '@app/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { PendingEffectRow } from '../invoices/account-statement.entity';
import { applyToKeyedRows, KeyedRowsSpec } from './keyed-rows';
import { openTestReadModels, TestReadModels, testDatabaseName } from '../testing/test-read-models';

type EffectEvent = { effectId: string; amountCents: number };

const effectEvent = (position: number, effectId: string, amountCents: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  type: 'EffectAmountSet',
  data: { effectId, amountCents } satisfies EffectEvent,
  metadata: {
    actor: 'keyed-rows-spec',
    correlationId: 'keyed-rows-spec',
    causationId: null,
    occurredAt: '2025-03-01T10:00:00.000Z',
    schemaVersion: 1,
  },
  stream: `effect-${effectId}`,
  revision: BigInt(position),
  position: BigInt(position),
});

const effect = (id: string, amountCents: number): PendingEffectRow => ({
  id,
  invoiceId: `invoice-${id}`,
  customerId: 'customer-1',
  amountCents,
  dueDate: '2025-03-05',
  status: 'pending',
  maskedIban: 'ES** **** 1234',
  createdAt: '2025-03-01',
  collectedAt: null,
  returnedAt: null,
  returnReason: null,
  returnCode: null,
  remittanceId: null,
  cancelledAt: null,
});

describe(`applyToKeyedRows on ${testDatabaseName}`, () => {
  let readModels: TestReadModels;
  let dataSource: DataSource;

  beforeAll(async () => {
    readModels = await openTestReadModels('keyedrows');
    dataSource = readModels.dataSource;
  });
  afterAll(() => readModels.close());
  beforeEach(() => dataSource.query('TRUNCATE pending_effects'));

  const specWith = (
    onEvolve: (manager: EntityManager) => Promise<void> = async () => undefined,
  ): {
    spec: (manager: EntityManager) => KeyedRowsSpec<PendingEffectRow>;
    pending: Promise<void>[];
  } => {
    const pending: Promise<void>[] = [];
    return {
      pending,
      spec: (manager) => ({
        entity: PendingEffectRow,
        key: 'id',
        canHandle: (event): event is RecordedEvent => event.type === 'EffectAmountSet',
        keyOf: (event) => (event.data as EffectEvent).effectId,
        evolve: (current, event) => {
          pending.push(onEvolve(manager));
          const { effectId, amountCents } = event.data as EffectEvent;
          return { ...(current ?? effect(effectId, 0)), amountCents };
        },
      }),
    };
  };
  const amounts = async () =>
    (await dataSource.getRepository(PendingEffectRow).find({ order: { id: 'ASC' } })).map((row) => [
      row.id,
      row.amountCents,
    ]);

  it('inserts the rows it did not find and updates the ones it did, in one batch', async () => {
    const { spec } = specWith();
    await dataSource.transaction((manager) =>
      applyToKeyedRows(
        spec(manager),
        [effectEvent(1, 'a', 100), effectEvent(2, 'b', 200)],
        manager,
      ),
    );
    await dataSource.transaction((manager) =>
      applyToKeyedRows(
        spec(manager),
        [effectEvent(3, 'b', 250), effectEvent(4, 'c', 300), effectEvent(5, 'b', 275)],
        manager,
      ),
    );
    expect(await amounts()).toEqual([
      ['a', 100],
      ['b', 275],
      ['c', 300],
    ]);
  });

  it('fails, overwriting nothing, when a row it did not find is there by the time it writes', async () => {
    // Another writer's row, inserted after the SELECT (in the same transaction, so it also runs
    // on PGlite's one session): the projection's single-writer assumption broken.
    const { spec, pending } = specWith((manager) =>
      manager
        .getRepository(PendingEffectRow)
        .insert(effect('a', 999))
        .then(() => undefined),
    );
    await expect(
      dataSource.transaction((manager) =>
        applyToKeyedRows(spec(manager), [effectEvent(1, 'a', 100)], manager).finally(() =>
          Promise.all(pending),
        ),
      ),
    ).rejects.toThrow(/duplicate key/);
    expect(await amounts()).toEqual([]);
  });
});
