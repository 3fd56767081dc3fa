import { issuerDecider, IssuerEvent } from '@app/domain';
import { registerIssuer } from '@app/domain/issuer/testing/issuer.fixtures';
import { EventStore } from '@app/event-store';
import { issuersProjection } from '@app/read-models';
import {
  openTestReadModels,
  testDatabaseName,
  TestReadModels,
} from '../../../read-models/src/testing/test-read-models';
import { recordedStream } from '../../../read-models/src/testing/recorded-stream';
import { validateAppConfig } from '../config/app-config';
import { ProjectionProgress } from '../storage/projection-progress';
import { IssuerDirectory } from './issuer-directory';

const registered = (data: Parameters<typeof registerIssuer>[0]) =>
  issuerDecider.decide(registerIssuer(data), issuerDecider.initialState)[0];

describe(`IssuerDirectory: who issues what (rule 21, ${testDatabaseName})`, () => {
  let readModels: TestReadModels;
  let directory: IssuerDirectory;
  let position = 0;
  const project = async (issuerId: string, events: IssuerEvent[]) => {
    const recorded = recordedStream(`issuer-${issuerId}`, events, { firstPosition: ++position });
    position += events.length;
    await readModels.dataSource.transaction((manager) =>
      issuersProjection().applyBatch!(recorded, manager),
    );
  };

  beforeAll(async () => {
    readModels = await openTestReadModels('issuer_directory');
    const store = { lastCommittedPosition: async () => undefined } as unknown as EventStore;
    const config = validateAppConfig({
      ISSUER_LEGAL_NAME: 'Configured SL',
      ISSUER_NIF: 'B12345674',
    });
    directory = new IssuerDirectory(
      readModels.dataSource,
      store,
      config,
      new ProjectionProgress(readModels.dataSource, []),
    );
  }, 60_000);
  afterAll(() => readModels?.close());

  it('with none registered: the configured default, for any series and as `default`', async () => {
    expect(await directory.issuerForSeries('F2026')).toMatchObject({
      issuerId: 'default',
      source: 'configuration',
      legalName: 'Configured SL',
    });
    expect(await directory.issuerById('default')).toMatchObject({ nif: 'B12345674' });
    expect(await directory.issuerById('nobody')).toBeNull();
    await expect(directory.requireIssuer('nobody')).rejects.toMatchObject({
      code: 'R21.ISSUER_NOT_FOUND',
    });
    expect((await directory.issuers()).map((i) => i.issuerId)).toEqual(['default']);
  });

  it('with one registered: that one, for its series and any other', async () => {
    await project('iss-1', [registered({ issuerId: 'iss-1', series: ['F2026'] })]);
    const issuer = await directory.issuerForSeries('ZZZ');
    expect(issuer).toMatchObject({
      source: 'registered',
      issuerId: 'iss-1',
      legalName: 'Fibra Norte SL',
      nif: 'B12345674',
      creditor: { name: 'Fibra Norte SL', creditorId: 'ES11ZZZB12345674' },
      returnedDebitFeeCents: 300,
      dunningPolicy: { steps: [{ step: 'reminder' }, { step: 'suspend' }] },
      version: 1,
    });
    expect(await directory.issuerById('iss-1')).toEqual(issuer);
    // `default` still answers the configured one, for what was written under it.
    expect(await directory.issuerById('default')).toMatchObject({ source: 'configuration' });
  });

  it('with several: the owner of the series, or R21.SERIES_WITHOUT_ISSUER naming it', async () => {
    await project('iss-2', [
      registered({ issuerId: 'iss-2', nif: 'A58818501', legalName: 'Otra SA', series: ['T1'] }),
    ]);
    expect((await directory.issuerForSeries('F2026')).issuerId).toBe('iss-1');
    expect((await directory.issuerForSeries('T1')).legalName).toBe('Otra SA');
    // Credit notes are numbered in the rectifying series of the invoice's (R8).
    expect((await directory.issuerForSeries('RT1')).legalName).toBe('Otra SA');
    await expect(directory.issuerForSeries('Q9')).rejects.toMatchObject({
      code: 'R21.SERIES_WITHOUT_ISSUER',
      message: expect.stringContaining('Q9'),
    });
    expect((await directory.issuers()).map((i) => i.issuerId)).toEqual(['iss-1', 'iss-2']);
  });
});
