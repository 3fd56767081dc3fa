import {
  ChainRecord,
  VerifactuSubmissionEvent,
  verifactuChainStream,
  verifactuSubmissionStream,
} from '@app/domain';
import { CustomerLog, databaseName } from '../customers/testing/customer-log';
import { verifactuOutboxProjections } from '.';
import { issuersWithRecordsToSubmit, listVerifactuOutbox } from './verifactu-outbox.queries';

const NIF = '89890001K';
const record = (n: number, kind: ChainRecord['kind'] = 'registration'): ChainRecord => {
  const common = {
    recordId: `record-${n}`,
    issuerId: 'issuer-1',
    issuerName: 'Fibra Norte SL',
    invoiceId: `invoice-${n}`,
    invoice: { issuerNif: NIF, numSerie: `FA-00000${n}`, issueDate: '2026-03-01' },
    previous: null,
    generatedAt: '2026-03-01T10:00:00+01:00',
    huella: 'A'.repeat(64),
  };
  return kind === 'cancellation'
    ? { ...common, kind }
    : {
        ...common,
        kind,
        documentId: `invoice-${n}`,
        tipoFactura: 'F1',
        rectified: null,
        description: 'Fibra',
        recipient: { name: 'Ana', nif: '12345678Z' },
        breakdown: [{ vatRatePercent: 21, baseCents: 100, vatCents: 21 }],
        cuotaTotalCents: 21,
        importeTotalCents: 121,
      };
};
const submitted = (r: ChainRecord) => ({
  recordId: r.recordId,
  kind: r.kind,
  issuerNif: NIF,
  numSerie: r.invoice.numSerie,
  issueDate: r.invoice.issueDate,
});
const verdict = (
  r: ChainRecord,
  status: 'accepted' | 'rejected',
  errorCode: number | null = null,
) => ({
  recordId: r.recordId,
  status,
  aeatState: status === 'accepted' ? ('Correcto' as const) : ('Incorrecto' as const),
  errorCode,
  errorDescription: errorCode === null ? null : `Error ${errorCode}`,
});

describe(`The VERI*FACTU outbox read model on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('verifactu_outbox', { sealPersonalData: true });
  });
  afterEach(() => log.close());

  const chain = async (records: ChainRecord[]) => {
    const result = await log.store.append(
      verifactuChainStream('issuer-1'),
      records.map((r) => ({
        type:
          r.kind === 'registration' ? 'InvoiceRegistrationRecorded' : 'InvoiceCancellationRecorded',
        data: r,
      })),
    );
    log.lastPosition = result.position;
  };
  const submission = async (events: VerifactuSubmissionEvent[]) => {
    const result = await log.store.append(verifactuSubmissionStream('issuer-1'), events);
    log.lastPosition = result.position;
  };
  const project = () => log.project(verifactuOutboxProjections());
  const statuses = async () =>
    (await listVerifactuOutbox(log.dataSource, { page: 1, pageSize: 100 })).items.map((item) => [
      item.recordId,
      item.status,
      item.errorCode,
      item.attempts,
    ]);

  const [r1, r2, r3] = [record(1), record(2), record(3, 'cancellation')];
  const prepared: VerifactuSubmissionEvent = {
    type: 'VerifactuSubmissionPrepared',
    data: {
      submissionId: 'sub-1',
      issuerId: 'issuer-1',
      records: [r1, r2].map(submitted),
      xmlDigest: 'ab',
      preparedAt: '2026-03-01T10:00:00.000Z',
    },
  };
  const sent = (attempt: number): VerifactuSubmissionEvent => ({
    type: 'VerifactuSubmissionSent',
    data: { submissionId: 'sub-1', attempt, sentAt: '2026-03-01T10:00:01.000Z' },
  });

  it('lists every chain record as pending until a submission moves it: nothing is dropped', async () => {
    await chain([r1, r2, r3]);
    await project();
    expect(await statuses()).toEqual([
      ['record-1', 'pending', null, 0],
      ['record-2', 'pending', null, 0],
      ['record-3', 'pending', null, 0],
    ]);
    expect(await issuersWithRecordsToSubmit(log.dataSource)).toEqual(['issuer-1']);
    const [first] = (await listVerifactuOutbox(log.dataSource, { page: 1, pageSize: 1 })).items;
    expect(first).toEqual({
      recordId: 'record-1',
      issuerId: 'issuer-1',
      issuerNif: NIF,
      numSerie: 'FA-000001',
      issueDate: '2026-03-01',
      kind: 'registration',
      tipoFactura: 'F1',
      generatedAt: '2026-03-01T10:00:00+01:00',
      status: 'pending',
      errorCode: null,
      errorDescription: null,
      submissionId: null,
      attempts: 0,
      updatedAt: expect.any(String),
    });
  });

  it('follows the submission: sent, error on a failed post (retried), then accepted or rejected with the code', async () => {
    await chain([r1, r2, r3]);
    await submission([prepared, sent(1)]);
    await project();
    expect(await statuses()).toEqual([
      ['record-1', 'sent', null, 1],
      ['record-2', 'sent', null, 1],
      ['record-3', 'pending', null, 0],
    ]);
    await submission([
      {
        type: 'VerifactuSubmissionFailed',
        data: {
          submissionId: 'sub-1',
          attempt: 1,
          error: 'no answer within 30000 ms',
          failedAt: '2026-03-01T10:00:31.000Z',
          nextAttemptAt: '2026-03-01T10:01:31.000Z',
        },
      },
    ]);
    await project();
    const failed = await listVerifactuOutbox(log.dataSource, {
      status: 'error',
      page: 1,
      pageSize: 10,
    });
    expect(failed.items.map((i) => [i.recordId, i.errorDescription])).toEqual([
      ['record-1', 'no answer within 30000 ms (sent again from 2026-03-01T10:01:31.000Z)'],
      ['record-2', 'no answer within 30000 ms (sent again from 2026-03-01T10:01:31.000Z)'],
    ]);
    await submission([
      sent(2),
      {
        type: 'VerifactuSubmissionAnswered',
        data: {
          submissionId: 'sub-1',
          attempt: 2,
          outcome: 'ParcialmenteCorrecto',
          csv: 'CSV',
          fault: null,
          records: [verdict(r1, 'accepted'), verdict(r2, 'rejected', 1100)],
          answeredAt: '2026-03-01T10:02:00.000Z',
          nextSubmissionAt: '2026-03-01T10:03:00.000Z',
        },
      },
    ]);
    await project();
    expect(await statuses()).toEqual([
      ['record-1', 'accepted', null, 2],
      ['record-2', 'rejected', 1100, 2],
      ['record-3', 'pending', null, 0],
    ]);
    const rejected = await listVerifactuOutbox(log.dataSource, {
      status: 'rejected',
      issuerId: 'issuer-1',
      page: 1,
      pageSize: 10,
    });
    expect(rejected).toMatchObject({
      total: 1,
      items: [{ recordId: 'record-2', submissionId: 'sub-1', errorDescription: 'Error 1100' }],
    });
    expect(
      (await listVerifactuOutbox(log.dataSource, { issuerId: 'other', page: 1, pageSize: 10 }))
        .total,
    ).toBe(0);
  });

  it('a rebuild from the log gives the same rows (events applied once, in log order)', async () => {
    await chain([r1, r2, r3]);
    await submission([prepared, sent(1)]);
    await project();
    const before = await statuses();
    await log.dataSource.query('DELETE FROM verifactu_outbox');
    await log.dataSource.query(
      "DELETE FROM projection_checkpoints WHERE name = 'verifactu-outbox'",
    );
    await log.rebuild(verifactuOutboxProjections());
    expect(await statuses()).toEqual(before);
  });
});
