import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { VerifactuSubmissionScheduler } from '@app/application';
import { ChainRecord, verifactuChainStream, verifactuSubmissionStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { readRequest } from '../libs/application/src/verifactu/submission/testing/aeat-answers';
import { sampleChain } from '../libs/application/src/verifactu/submission/testing/chain-records';
import { fakeAeat } from '../libs/application/src/verifactu/submission/testing/fake-aeat';
import {
  FakeAeatReply,
  generateTestCertificates,
  LocalAeatServer,
  startLocalAeatServer,
  TestCertificates,
} from '../libs/application/src/verifactu/submission/testing/local-aeat-server';

const auditor = { Authorization: `Bearer ${TEST_API_KEYS.auditor}` };

/** The sample chain (F1, F2, R1, cancellation) as issuer `issuerId` with NIF `nif`. */
const chainOf = (issuerId: string, nif: string): ChainRecord[] =>
  sampleChain().map((record) => ({
    ...record,
    recordId: `${issuerId}-${record.recordId}`,
    issuerId,
    invoice: { ...record.invoice, issuerNif: nif },
    previous: record.previous === null ? null : { ...record.previous, issuerNif: nif },
    ...(record.kind === 'registration' && record.rectified !== null
      ? { rectified: { ...record.rectified, issuerNif: nif } }
      : {}),
  })) as ChainRecord[];

async function appendChain(testApp: TestApp, records: ChainRecord[]) {
  const store = testApp.app.get<EventStore>(EVENT_STORE);
  await store.append(
    verifactuChainStream(records[0].issuerId),
    records.map((record) => ({
      type:
        record.kind === 'registration'
          ? 'InvoiceRegistrationRecorded'
          : 'InvoiceCancellationRecorded',
      data: record,
    })),
  );
}

interface OutboxItem {
  recordId: string;
  numSerie: string;
  kind: string;
  status: string;
  errorCode: number | null;
  attempts: number;
  submissionId: string | null;
}

const outbox = async (testApp: TestApp, query: Record<string, string>) =>
  (
    await request(testApp.app.getHttpServer())
      .get('/api/verifactu/outbox')
      .query(query)
      .set(auditor)
      .expect(200)
  ).body as { items: OutboxItem[]; total: number; page: number; pageSize: number };

/** Polls the outbox until `done` holds for the issuer's records (the projection and the rounds run on their own). */
async function outboxUntil(
  testApp: TestApp,
  issuerId: string,
  done: (items: OutboxItem[]) => boolean,
): Promise<OutboxItem[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { items } = await outbox(testApp, { issuerId, pageSize: '100' });
    if (done(items)) return items;
    if (Date.now() > deadline)
      throw new Error(`outbox of ${issuerId} never settled: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const settled = (count: number) => (items: OutboxItem[]) =>
  items.length === count && items.every((item) => ['accepted', 'rejected'].includes(item.status));

describe('VERI*FACTU records not configured to be sent (rule 22)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('wait as pending, listed by GET /verifactu/outbox; nothing is sent or dropped', async () => {
    const chain = chainOf('issuer-idle', '89890001K');
    await appendChain(testApp, chain);
    const items = await outboxUntil(testApp, 'issuer-idle', (all) => all.length === 4);
    expect(items.map((item) => [item.numSerie, item.kind, item.status, item.attempts])).toEqual([
      ['FA-000001', 'registration', 'pending', 0],
      ['FA-000002', 'registration', 'pending', 0],
      ['AB-000001', 'registration', 'pending', 0],
      ['FA-000002', 'cancellation', 'pending', 0],
    ]);
    const scheduler = testApp.app.get(VerifactuSubmissionScheduler);
    expect(scheduler.configured).toBe(false);
    await scheduler.runRound();
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream(verifactuSubmissionStream('issuer-idle'))).toEqual([]);
    const pending = await outbox(testApp, { status: 'pending', page: '1', pageSize: '2' });
    expect(pending).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(pending.items).toHaveLength(2);
    expect((await outbox(testApp, { status: 'accepted' })).total).toBe(0);
    await request(testApp.app.getHttpServer())
      .get('/api/verifactu/outbox')
      .query({ status: 'lost' })
      .set(auditor)
      .expect(400);
  });
});

describe('VERI*FACTU records sent to AEAT over HTTPS with a client certificate (rule 22)', () => {
  let directory: string;
  let certificates: TestCertificates;
  let server: LocalAeatServer;
  let testApp: TestApp;
  const aeat = fakeAeat((record) =>
    record.issuerNif === 'B22222222' && record.numSerie === 'AB-000001' ? 1100 : null,
  );
  /** Requests per issuer NIF, and which of them are held without an answer (a timeout). */
  const requestsByNif = new Map<string, number>();
  const unanswered = new Set(['C33333333#1']);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'verifactu-e2e-'));
    certificates = await generateTestCertificates(directory);
    server = await startLocalAeatServer(certificates, (body): FakeAeatReply => {
      const nif = readRequest(body).issuer.nif;
      const n = (requestsByNif.get(nif) ?? 0) + 1;
      requestsByNif.set(nif, n);
      const answer = aeat.answer(body);
      // AEAT took the records, but its answer never comes back: the client times out.
      if (unanswered.has(`${nif}#${n}`)) return 'no answer';
      return { status: 200, body: answer };
    });
    testApp = await startTestApp({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PATH: certificates.clientPfx,
      VERIFACTU_CERT_PASSWORD: certificates.clientPfxPassword,
      VERIFACTU_CA_PATH: certificates.caPem,
      VERIFACTU_TIMEOUT_MS: '700',
      VERIFACTU_SUBMIT_INTERVAL_MS: '100',
      VERIFACTU_RETRY_INITIAL_MS: '300',
    });
  }, 60_000);
  afterAll(async () => {
    await testApp?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const requestsOf = (nif: string) =>
    server.received.filter((received) => readRequest(received.body).issuer.nif === nif);

  it('accepted: each record sent once, with the client certificate, and listed accepted', async () => {
    await appendChain(testApp, chainOf('issuer-a', 'A11111111'));
    const items = await outboxUntil(testApp, 'issuer-a', settled(4));
    expect(items.map((item) => [item.status, item.errorCode, item.attempts])).toEqual(
      Array(4).fill(['accepted', null, 1]),
    );
    const sent = requestsOf('A11111111');
    expect(sent).toHaveLength(1);
    expect(sent[0].clientSubject).toBe('89890001K Fibra Norte SL');
    expect(readRequest(sent[0].body).records.map((r) => [r.operation, r.numSerie])).toEqual([
      ['Alta', 'FA-000001'],
      ['Alta', 'FA-000002'],
      ['Alta', 'AB-000001'],
      ['Anulacion', 'FA-000002'],
    ]);
    expect(new Set(items.map((item) => item.submissionId)).size).toBe(1);
  });

  it('rejected with an AEAT error code: the record listed rejected with 1100, the others accepted', async () => {
    await appendChain(testApp, chainOf('issuer-b', 'B22222222'));
    const items = await outboxUntil(testApp, 'issuer-b', settled(4));
    expect(items.map((item) => [item.numSerie, item.kind, item.status, item.errorCode])).toEqual([
      ['FA-000001', 'registration', 'accepted', null],
      ['FA-000002', 'registration', 'accepted', null],
      ['AB-000001', 'registration', 'rejected', 1100],
      ['FA-000002', 'cancellation', 'accepted', null],
    ]);
    const rejected = await outbox(testApp, { status: 'rejected', issuerId: 'issuer-b' });
    expect(rejected.items).toHaveLength(1);
    expect(requestsOf('B22222222')).toHaveLength(1);
  });

  it('a timeout is retried with backoff, the same submission, and each record is registered once', async () => {
    await appendChain(testApp, chainOf('issuer-c', 'C33333333'));
    const items = await outboxUntil(testApp, 'issuer-c', settled(4));
    // AEAT took the records on the first post; the resend was answered duplicate (3000): accepted.
    expect(items.map((item) => [item.status, item.errorCode, item.attempts])).toEqual(
      Array(4).fill(['accepted', 3000, 2]),
    );
    const sent = requestsOf('C33333333');
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toBe(sent[0].body);
    const registered = [...aeat.registered].filter(([key]) => key.includes('|C33333333|'));
    expect(registered.map(([, times]) => times)).toEqual([1, 1, 1, 1]);
    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(verifactuSubmissionStream('issuer-c'));
    expect(events.map((event) => event.type)).toEqual([
      'VerifactuSubmissionPrepared',
      'VerifactuSubmissionSent',
      'VerifactuSubmissionFailed',
      'VerifactuSubmissionSent',
      'VerifactuSubmissionAnswered',
    ]);
    const failed = events[2].data as { error: string; failedAt: string; nextAttemptAt: string };
    expect(failed.error).toBe('no answer within 700 ms');
    expect(Date.parse(failed.nextAttemptAt) - Date.parse(failed.failedAt)).toBe(300);
    const resent = events[3].data as { sentAt: string };
    expect(Date.parse(resent.sentAt)).toBeGreaterThanOrEqual(Date.parse(failed.nextAttemptAt));
  });
});
