import { SqlDatabase } from '@app/database';
import { ChainRecord, chainEventOf, huellaOfRecord, verifactuChainStream } from '@app/domain';
import { registrationChain } from '@app/domain/testing';
import { EventStore, PostgresEventStore } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import {
  ChainVerificationProgress,
  VerifactuChainVerification,
} from './chain-verification.service';

const databaseUrl = process.env.DATABASE_URL;

describe(`VerifactuChainVerification on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: { db: SqlDatabase; dispose(): Promise<void> };
  let store: EventStore;
  let verification: VerifactuChainVerification;

  beforeEach(async () => {
    database = databaseUrl
      ? await openTestPostgres(databaseUrl, 'verifactu_chain_verification')
      : await openTestPglite();
    store = await PostgresEventStore.create(database.db);
    verification = new VerifactuChainVerification(store);
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  const append = async (records: ChainRecord[]) => {
    await store.append(verifactuChainStream(records[0].issuerId), records.map(chainEventOf));
  };
  /** An edit of the stored log behind the application's back. */
  const tamper = (issuerId: string, revision: number, path: string, value: unknown) =>
    database.db.query(
      `UPDATE es_events SET data = jsonb_set(data, $3::text[], $4::jsonb)
       WHERE stream_id = $1 AND revision = $2`,
      [verifactuChainStream(issuerId), revision, `{${path}}`, JSON.stringify(value)],
    );

  it('an issuer without records has an empty, valid chain', async () => {
    expect(await verification.verify('nobody')).toEqual({
      issuerId: 'nobody',
      valid: true,
      records: 0,
    });
  });

  it('verifies a chain read page by page, reporting progress', async () => {
    const chain = registrationChain(23, 'issuer-a');
    await append(chain.slice(0, 10));
    await append(chain.slice(10));
    const progress: ChainVerificationProgress[] = [];
    const outcome = await verification.verify('issuer-a', {
      pageSize: 10,
      onProgress: (step) => progress.push(step),
    });
    expect(outcome).toEqual({ issuerId: 'issuer-a', valid: true, records: 23 });
    expect(progress.map((step) => step.done)).toEqual([10, 20, 23]);
    expect(progress.every((step) => step.total === 23)).toBe(true);
  });

  it('names the record whose amount was changed in the stored log', async () => {
    const chain = registrationChain(12, 'issuer-a');
    await append(chain);
    await tamper('issuer-a', 7, 'importeTotalCents', 999_999);
    const outcome = await verification.verify('issuer-a', { pageSize: 5 });
    expect(outcome).toEqual({
      issuerId: 'issuer-a',
      valid: false,
      records: 12,
      firstBroken: {
        index: 7,
        recordId: chain[7].recordId,
        numSerie: 'FA-000008',
        reason: 'fingerprint',
        expected: huellaOfRecord({ ...chain[7], importeTotalCents: 999_999 } as ChainRecord),
        found: chain[7].huella,
      },
    });
  });

  it('names a record whose link to the one before was changed', async () => {
    const chain = registrationChain(4, 'issuer-a');
    await append(chain);
    await tamper('issuer-a', 2, 'previous,numSerie', 'FA-999999');
    expect((await verification.verify('issuer-a')).firstBroken).toMatchObject({
      index: 2,
      reason: 'link',
      recordId: chain[2].recordId,
    });
  });

  it('finds the issuers with a chain in the log', async () => {
    await append(registrationChain(2, 'issuer-b'));
    await append(registrationChain(1, 'issuer-a'));
    await store.append('customer-1', [{ type: 'CustomerRegistered', data: {} }]);
    expect(await verification.issuersWithChains(1)).toEqual(['issuer-a', 'issuer-b']);
    expect(await verification.recordsIn('issuer-b')).toBe(2);
  });
});
