import { SqlDatabase } from '@app/database';
import { ChainRecord, verifyChain } from '@app/domain';
import { registrationContent } from '@app/domain/testing';
import { EventStore, PostgresEventStore, WrongExpectedRevisionError } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { chainAppendFor } from './chain-append';
import { VerifactuChainVerification } from './chain-verification.service';

const databaseUrl = process.env.DATABASE_URL;

const content = (n: number) =>
  registrationContent({
    recordId: `record-${n}`,
    invoiceId: `invoice-${n}`,
    documentId: `invoice-${n}`,
    invoice: { issuerNif: '89890001K', numSerie: `FA-${n}`, issueDate: '2026-12-01' },
  });

describe(`chainAppendFor on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: { db: SqlDatabase; dispose(): Promise<void> };
  let store: EventStore;

  beforeEach(async () => {
    database = databaseUrl
      ? await openTestPostgres(databaseUrl, 'verifactu_chain_append')
      : await openTestPglite();
    store = await PostgresEventStore.create(database.db);
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  const written = async (): Promise<ChainRecord[]> =>
    (await store.readStream('verifactu-chain-issuer-1')).map((event) => event.data as ChainRecord);

  it('starts a chain, then chains the next records on its last one', async () => {
    const first = await chainAppendFor(store, 'issuer-1', [content(1), content(2)]);
    expect(first.append.expectedRevision).toBe('no_stream');
    expect(first.records[0].previous).toBeNull();
    await store.appendMany([first.append]);

    const next = await chainAppendFor(store, 'issuer-1', [content(3)]);
    expect(next.append.expectedRevision).toBe(1n);
    expect(next.records[0].previous?.huella).toBe(first.records[1].huella);
    await store.append(next.append.stream, next.append.events, {
      expectedRevision: next.append.expectedRevision,
    });

    expect(verifyChain(await written())).toEqual({ valid: true, records: 3 });
    expect(await new VerifactuChainVerification(store).verify('issuer-1')).toMatchObject({
      valid: true,
      records: 3,
    });
  });

  it('a second writer chained on the same last record is refused, not forked', async () => {
    await store.appendMany([(await chainAppendFor(store, 'issuer-1', [content(1)])).append]);
    const one = await chainAppendFor(store, 'issuer-1', [content(2)]);
    const other = await chainAppendFor(store, 'issuer-1', [content(3)]);
    await store.appendMany([one.append]);
    await expect(store.appendMany([other.append])).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(verifyChain(await written())).toEqual({ valid: true, records: 2 });
  });
});
