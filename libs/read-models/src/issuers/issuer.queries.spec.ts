import { issuerDecider } from '@app/domain';
import {
  editIssuer,
  issuerRegistered,
  registerIssuer,
} from '@app/domain/issuer/testing/issuer.fixtures';
import { openTestReadModels, testDatabaseName, TestReadModels } from '../testing/test-read-models';
import { recordedStream } from '../testing/recorded-stream';
import { issuerById, issuerOwningSeries, listIssuers } from './issuer.queries';
import { issuersProjection } from './issuers.projection';

const second = issuerDecider.decide(
  registerIssuer({ issuerId: 'iss-2', nif: 'A58818501', series: ['T2026'] }),
  issuerDecider.initialState,
)[0];
const edit = issuerDecider.decide(
  editIssuer({ series: ['F2026', 'F_2027'] }),
  issuerDecider.evolve(issuerDecider.initialState, issuerRegistered),
)[0];

describe(`issuer queries on ${testDatabaseName}`, () => {
  let readModels: TestReadModels;
  beforeAll(async () => {
    readModels = await openTestReadModels('issuers');
    const events = [
      ...recordedStream('issuer-iss-1', [issuerRegistered], { firstPosition: 1 }),
      ...recordedStream('issuer-iss-2', [second], { firstPosition: 2 }),
      ...recordedStream('issuer-iss-1', [issuerRegistered, edit], { firstPosition: 2 }).slice(1),
    ];
    const projection = issuersProjection();
    await readModels.dataSource.transaction((manager) => projection.applyBatch!(events, manager));
    // A batch delivered again changes nothing.
    await readModels.dataSource.transaction((manager) => projection.applyBatch!(events, manager));
  }, 60_000);
  afterAll(() => readModels?.close());

  it('lists the issuers, oldest first, as their last event left them', async () => {
    const issuers = await listIssuers(readModels.dataSource);
    expect(issuers.map((i) => [i.id, i.nif, i.version, i.series])).toEqual([
      ['iss-1', 'B12345674', 2, ['F2026', 'F_2027']],
      ['iss-2', 'A58818501', 1, ['T2026']],
    ]);
  });

  it('finds one by id, or none', async () => {
    expect(await issuerById(readModels.dataSource, 'iss-2')).toMatchObject({
      legalName: 'Fibra Norte SL',
      address: { city: 'Madrid' },
      returnedDebitFeeCents: 300,
    });
    expect(await issuerById(readModels.dataSource, 'nobody')).toBeNull();
  });

  it('finds the issuer owning a series, exactly (W2026 was dropped)', async () => {
    expect((await issuerOwningSeries(readModels.dataSource, 'F_2027'))?.id).toBe('iss-1');
    expect((await issuerOwningSeries(readModels.dataSource, 'T2026'))?.id).toBe('iss-2');
    expect(await issuerOwningSeries(readModels.dataSource, 'W2026')).toBeNull();
    expect(await issuerOwningSeries(readModels.dataSource, 'F2')).toBeNull();
  });
});
