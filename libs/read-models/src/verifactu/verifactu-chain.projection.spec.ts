import {
  cancellationContent,
  chainOf,
  registrationChain,
  registrationContent,
} from '@app/domain/testing';
import { ChainRecord, chainEventOf, verifactuChainStream } from '@app/domain';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { VerifactuChainRecordRow } from './verifactu-chain-record.entity';
import { chainIssuerIds, chainRecordsOf } from './verifactu-chain.queries';
import { verifactuProjections } from '.';

describe(`VERI*FACTU chain read model on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('verifactu_chain');
  });
  afterEach(() => log.close());

  const append = (records: ChainRecord[]) =>
    log.appendWith(log.store, verifactuChainStream(records[0].issuerId), records.map(chainEventOf));
  const project = () => log.project(verifactuProjections());

  it('lists an issuer’s records in chain order, paged, with what each registers', async () => {
    const first = registrationChain(3, 'issuer-a');
    const other = registrationChain(2, 'issuer-b');
    await append(first.slice(0, 2));
    await append(other);
    await append(first.slice(2));
    await project();

    const page1 = await chainRecordsOf(log.dataSource, 'issuer-a', { page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.items.map((item) => [item.sequence, item.numSerie])).toEqual([
      [0, 'FA-000001'],
      [1, 'FA-000002'],
    ]);
    expect(page1.items[0]).toMatchObject({
      recordId: first[0].recordId,
      kind: 'registration',
      invoiceId: 'issuer-a-invoice-1',
      documentId: 'issuer-a-invoice-1',
      issueDate: '2026-12-01',
      tipoFactura: 'F1',
      importeTotalCents: 1210,
      huella: first[0].huella,
      generatedAt: first[0].generatedAt,
      record: first[0],
    });
    const page2 = await chainRecordsOf(log.dataSource, 'issuer-a', { page: 2, pageSize: 2 });
    expect(page2.items.map((item) => item.recordId)).toEqual([first[2].recordId]);
    expect(page2.items[0].position).toBeGreaterThan(page1.items[1].position);
    expect(await chainIssuerIds(log.dataSource)).toEqual(['issuer-a', 'issuer-b']);
  });

  it('keeps a cancellation with no document, type or amount', async () => {
    const chain = chainOf([registrationContent(), cancellationContent()]);
    await append(chain);
    await project();
    const { items } = await chainRecordsOf(log.dataSource, 'issuer-1', { page: 1, pageSize: 10 });
    expect(items[1]).toMatchObject({
      sequence: 1,
      kind: 'cancellation',
      documentId: null,
      tipoFactura: null,
      importeTotalCents: null,
      record: chain[1],
    });
  });

  it('an issuer without records has an empty chain', async () => {
    await project();
    expect(await chainRecordsOf(log.dataSource, 'nobody', { page: 1, pageSize: 20 })).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
  });

  it('a record applied again changes nothing', async () => {
    await append(registrationChain(2));
    await project();
    const events = await log.allEvents();
    await log.dataSource.transaction((manager) =>
      verifactuProjections()[0].applyBatch(events, manager),
    );
    expect(await log.dataSource.getRepository(VerifactuChainRecordRow).count()).toBe(2);
  });
});
