import { SqlDatabase } from '@app/database';
import {
  ChainRecord,
  VerifactuSubmissionAnswered,
  verifactuChainStream,
  verifactuSubmissionStream,
} from '@app/domain';
import { EventStore, PostgresEventStore } from '@app/event-store';
import { openTestPglite, openTestPostgres } from '@app/event-store/testing/test-databases';
import { AeatTransport, TransportOutcome } from './aeat-transport';
import { DEFAULT_SOFTWARE } from './suministro-xml';
import { VerifactuSubmitter } from './verifactu-submitter';
import { fakeAeat } from './testing/fake-aeat';
import { ISSUER, registration, sampleChain } from './testing/chain-records';

const databaseUrl = process.env.DATABASE_URL;
let opened: { db: SqlDatabase; dispose(): Promise<void> };
let store: EventStore;

beforeEach(async () => {
  opened = databaseUrl
    ? await openTestPostgres(databaseUrl, 'verifactu_submitter')
    : await openTestPglite();
  store = await PostgresEventStore.create(opened.db, { pollIntervalMs: 20 });
});
afterEach(async () => {
  await store.close();
  await opened.dispose();
});

async function appendChain(records: ChainRecord[]) {
  await store.append(
    verifactuChainStream(ISSUER.id),
    records.map((record) => ({
      type:
        record.kind === 'registration'
          ? 'InvoiceRegistrationRecorded'
          : 'InvoiceCancellationRecorded',
      data: record,
    })),
  );
}

/** A transport whose answers the test scripts, over a fake AEAT register; it logs each post. */
function scriptedTransport(
  aeat: ReturnType<typeof fakeAeat>,
  script: ('answer' | 'lost answer' | 'timeout')[] = [],
) {
  const posts: string[] = [];
  const transport: AeatTransport = {
    async post(xml: string): Promise<TransportOutcome> {
      posts.push(xml);
      const step = script[posts.length - 1] ?? 'answer';
      if (step === 'timeout') return { kind: 'failed', error: 'no answer within 30000 ms' };
      const body = aeat.answer(xml);
      if (step === 'lost answer') return { kind: 'failed', error: 'socket hang up' };
      return { kind: 'answered', status: 200, body };
    },
  };
  return { transport, posts };
}

let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date(clock);
const submitterWith = (transport: AeatTransport | null) =>
  new VerifactuSubmitter(store, transport, {
    software: DEFAULT_SOFTWARE,
    retryInitialMs: 60_000,
    faultBackoffMs: 300_000,
    now,
  });

const submissionEvents = async () =>
  (await store.readStream(verifactuSubmissionStream(ISSUER.id))).map((event) => ({
    type: event.type,
    data: event.data as Record<string, unknown>,
  }));
const lastAnswer = async () =>
  (await submissionEvents()).filter((e) => e.type === 'VerifactuSubmissionAnswered').pop()?.data as
    VerifactuSubmissionAnswered['data'] | undefined;

describe('The VERI*FACTU submitter (rule 22)', () => {
  beforeEach(() => {
    clock = Date.parse('2026-03-01T10:00:00.000Z');
  });

  it('not configured: sends nothing, writes nothing; the records stay pending', async () => {
    await appendChain(sampleChain());
    const submitter = submitterWith(null);
    expect(submitter.configured).toBe(false);
    expect(await submitter.submitFor(ISSUER.id)).toEqual({ kind: 'nothing to send' });
    expect(await submissionEvents()).toEqual([]);
  });

  it('sends the chain’s records in one submission and records AEAT accepting each', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat();
    const { transport, posts } = scriptedTransport(aeat);
    const round = await submitterWith(transport).submitFor(ISSUER.id);
    expect(round).toMatchObject({ kind: 'answered', attempt: 1, records: 4 });
    expect((await submissionEvents()).map((e) => e.type)).toEqual([
      'VerifactuSubmissionPrepared',
      'VerifactuSubmissionSent',
      'VerifactuSubmissionAnswered',
    ]);
    const answer = await lastAnswer();
    expect(answer?.outcome).toBe('Correcto');
    expect(answer?.records.map((r) => [r.recordId, r.status])).toEqual(
      chain.map((r) => [r.recordId, 'accepted']),
    );
    expect(posts).toHaveLength(1);
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1]);
    expect(await submitterWith(transport).submitFor(ISSUER.id)).toEqual({
      kind: 'nothing to send',
    });
    expect(posts).toHaveLength(1);
  });

  it('records a record AEAT rejects with its error code; it is not sent again', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat((record) => (record.numSerie === 'AB-000001' ? 1100 : null));
    const { transport, posts } = scriptedTransport(aeat);
    await submitterWith(transport).submitFor(ISSUER.id);
    const answer = await lastAnswer();
    expect(answer?.outcome).toBe('ParcialmenteCorrecto');
    expect(answer?.records[2]).toMatchObject({
      recordId: chain[2].recordId,
      status: 'rejected',
      errorCode: 1100,
      errorDescription: 'Error 1100 en el registro.',
    });
    clock += 3600_000;
    expect(await submitterWith(transport).submitFor(ISSUER.id)).toEqual({
      kind: 'nothing to send',
    });
    expect(posts).toHaveLength(1);
  });

  it('a timeout is retried later with the same submission, the wait doubling; nothing duplicated', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat();
    const { transport, posts } = scriptedTransport(aeat, ['timeout', 'lost answer', 'answer']);
    const submitter = submitterWith(transport);
    const first = await submitter.submitFor(ISSUER.id);
    expect(first).toMatchObject({ kind: 'failed', attempt: 1 });
    expect(await submitter.submitFor(ISSUER.id)).toEqual({
      kind: 'waiting',
      until: '2026-03-01T10:01:00.000Z',
    });
    clock += 60_000;
    const second = await submitter.submitFor(ISSUER.id);
    expect(second).toMatchObject({
      kind: 'failed',
      attempt: 2,
      submissionId: first.kind === 'failed' ? first.submissionId : '',
    });
    clock += 60_000;
    expect(await submitter.submitFor(ISSUER.id)).toMatchObject({
      kind: 'waiting',
      until: '2026-03-01T10:03:00.000Z',
    });
    clock += 60_000;
    expect(await submitter.submitFor(ISSUER.id)).toMatchObject({ kind: 'answered', attempt: 3 });
    expect(posts).toHaveLength(3);
    expect(new Set(posts).size).toBe(1);
    expect(aeat.keysOf(posts[0])).toHaveLength(4);
    // The second post reached AEAT (its answer was lost): the third was answered duplicate.
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1]);
    const answer = await lastAnswer();
    expect(answer?.records.every((r) => r.status === 'accepted' && r.errorCode === 3000)).toBe(
      true,
    );
    const types = (await submissionEvents()).map((e) => e.type);
    expect(types.filter((t) => t === 'VerifactuSubmissionPrepared')).toHaveLength(1);
    expect(types.filter((t) => t === 'VerifactuSubmissionFailed')).toHaveLength(2);
  });

  it('a crash after posting, before the answer is recorded: the next round resends the same submission, AEAT answers duplicate, accepted', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat();
    const { transport, posts } = scriptedTransport(aeat);
    const crashing = Object.create(store) as EventStore;
    crashing.append = async (stream, events, options) => {
      if (events.some((event) => event.type === 'VerifactuSubmissionAnswered'))
        throw new Error('process died');
      return store.append(stream, events, options);
    };
    crashing.appendMany = undefined as unknown as EventStore['appendMany'];
    const crashed = new VerifactuSubmitter(crashing, transport, {
      software: DEFAULT_SOFTWARE,
      retryInitialMs: 60_000,
      faultBackoffMs: 300_000,
      now,
    });
    await expect(crashed.submitFor(ISSUER.id)).rejects.toThrow('process died');
    expect((await submissionEvents()).map((e) => e.type)).toEqual([
      'VerifactuSubmissionPrepared',
      'VerifactuSubmissionSent',
    ]);
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1]);

    const restarted = submitterWith(transport);
    expect(await restarted.submitFor(ISSUER.id)).toMatchObject({ kind: 'answered', attempt: 2 });
    expect(posts).toHaveLength(2);
    expect(posts[1]).toBe(posts[0]);
    const answer = await lastAnswer();
    expect(answer?.records.map((r) => [r.status, r.errorCode])).toEqual(
      chain.map(() => ['accepted', 3000]),
    );
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1]);
  });

  it('two rounds at once (two API processes): one submission, each record registered once', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat();
    const { transport } = scriptedTransport(aeat);
    const rounds = await Promise.all([
      submitterWith(transport).submitFor(ISSUER.id),
      submitterWith(transport).submitFor(ISSUER.id),
    ]);
    expect(rounds.some((round) => round.kind === 'answered')).toBe(true);
    const types = (await submissionEvents()).map((e) => e.type);
    expect(types.filter((t) => t === 'VerifactuSubmissionPrepared')).toHaveLength(1);
    expect(types.filter((t) => t === 'VerifactuSubmissionAnswered')).toHaveLength(1);
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1]);
    expect((await lastAnswer())?.records.every((r) => r.status === 'accepted')).toBe(true);
  });

  it('records added later go in a new submission of only them, after AEAT’s wait', async () => {
    const chain = sampleChain();
    await appendChain(chain);
    const aeat = fakeAeat();
    const posts: string[] = [];
    const transport: AeatTransport = {
      async post(xml) {
        posts.push(xml);
        return { kind: 'answered', status: 200, body: aeat.answer(xml, 60) };
      },
    };
    const submitter = submitterWith(transport);
    await submitter.submitFor(ISSUER.id);
    const next = registration(5, chain[3]);
    await appendChain([next]);
    expect(await submitter.submitFor(ISSUER.id)).toEqual({
      kind: 'waiting',
      until: '2026-03-01T10:01:00.000Z',
    });
    clock += 60_000;
    expect(await submitter.submitFor(ISSUER.id)).toMatchObject({ kind: 'answered', records: 1 });
    expect(aeat.keysOf(posts[1])).toEqual([`Alta|${ISSUER.nif}|FA-000005|01-03-2026`]);
    expect([...aeat.registered.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('a SOAP Fault from the client side: the records in error, sent again in a new submission after the backoff', async () => {
    await appendChain(sampleChain());
    const aeat = fakeAeat();
    let faults = 1;
    const transport: AeatTransport = {
      async post(xml) {
        if (faults-- > 0)
          return {
            kind: 'answered',
            status: 500,
            body: (await import('./testing/aeat-answers')).soapFault('env:Client', 'Codigo[4102]'),
          };
        return { kind: 'answered', status: 200, body: aeat.answer(xml) };
      },
    };
    const submitter = submitterWith(transport);
    await submitter.submitFor(ISSUER.id);
    expect(await lastAnswer()).toMatchObject({ outcome: 'Fault' });
    expect(await submitter.submitFor(ISSUER.id)).toMatchObject({ kind: 'waiting' });
    clock += 300_000;
    expect(await submitter.submitFor(ISSUER.id)).toMatchObject({
      kind: 'answered',
      attempt: 1,
      records: 4,
    });
    expect(await lastAnswer()).toMatchObject({ outcome: 'Correcto' });
    expect(
      (await submissionEvents()).filter((e) => e.type === 'VerifactuSubmissionPrepared'),
    ).toHaveLength(2);
  });
});
