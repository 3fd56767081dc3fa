import { cancellationContent, chainOf, registrationContent } from '@app/domain/testing';
import { chainEventOf, verifactuChainStream } from '@app/domain';
import { recordedStream } from '../testing/recorded-stream';
import { evolveChainRecordRow, RecordedChainEvent } from './verifactu-chain-record.evolve';

describe('evolveChainRecordRow', () => {
  const chain = chainOf([
    registrationContent({ importeTotalCents: -12345, tipoFactura: 'R1' }),
    cancellationContent(),
  ]);
  const [registered, cancelled] = recordedStream(
    verifactuChainStream('issuer-1'),
    chain.map(chainEventOf),
    { firstPosition: 40 },
  ) as RecordedChainEvent[];

  it('writes a registration’s row, its place in the chain from the stream revision', () => {
    expect(evolveChainRecordRow(null, registered)).toEqual({
      recordId: 'record-1',
      issuerId: 'issuer-1',
      sequence: 0,
      kind: 'registration',
      invoiceId: 'invoice-1',
      documentId: 'invoice-1',
      numSerie: '12345678/G33',
      issueDate: '2024-01-01',
      tipoFactura: 'R1',
      importeTotalCents: -12345,
      huella: chain[0].huella,
      generatedAt: '2024-01-01T19:20:30+01:00',
      record: chain[0],
      position: 40,
    });
  });

  it('writes a cancellation’s row without document, type or amount', () => {
    expect(evolveChainRecordRow(null, cancelled)).toMatchObject({
      recordId: 'record-cancel-1',
      sequence: 1,
      kind: 'cancellation',
      documentId: null,
      tipoFactura: null,
      importeTotalCents: null,
      position: 41,
    });
  });

  it('never rewrites a row already written', () => {
    const row = evolveChainRecordRow(null, registered)!;
    expect(evolveChainRecordRow(row, registered)).toBeNull();
  });
});
