import { currentBootId, SqlDatabase } from '@app/database';
import { createEventStore, EventStore } from '@app/event-store';
import { openReadModels } from '@app/read-models';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import {
  openTestPglite,
  openTestPostgres,
} from '../../../../../libs/event-store/src/testing/test-databases';
import { IdempotencyStore, IdempotentRequest } from '@app/application';

const databaseUrl = process.env.DATABASE_URL;

describe(`recovering an Idempotency-Key left pending by a dead process (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: SqlDatabase;
  let dispose: () => Promise<void>;
  let readModels: DataSource;
  let events: EventStore;
  let store: IdempotencyStore;
  const recovered: string[] = [];
  let n = 0;

  beforeAll(async () => {
    ({ db: database, dispose } = databaseUrl
      ? await openTestPostgres(databaseUrl, 'idem')
      : await openTestPglite());
    readModels = await openReadModels(database);
    events = await createEventStore(database);
    store = new IdempotencyStore(database, events, { onRecovered: (line) => recovered.push(line) });
  }, 60_000);
  afterAll(async () => {
    await readModels?.destroy();
    await events?.close();
    await dispose?.();
  });

  const aRequest = (): IdempotentRequest => ({
    scope: 'operator-key',
    key: `key-${++n}`,
    requestHash: 'hash',
    correlationId: `corr-${n}`,
  });
  /** The owner a SIGKILLed process leaves behind: its pid runs no more. */
  const deadOwner = () => ({
    instance: 'an-earlier-process',
    pid: spawnSync(process.execPath, ['-e', '0']).pid!,
    hostname: hostname(),
    bootId: currentBootId(),
  });
  /** A key pending under `owner`, claimed when the log stood at `head`. */
  async function leavePending(
    request: IdempotentRequest,
    owner: object,
    head: bigint | undefined,
    ageSeconds = 0,
  ) {
    await database.query(
      `INSERT INTO idempotency_keys
         (scope, key, request_hash, status, created_at, owner, correlation_id, log_head)
       VALUES ($1, $2, $3, 'pending', now() - make_interval(secs => $7), $4, $5, $6)`,
      [
        request.scope,
        request.key,
        request.requestHash,
        JSON.stringify(owner),
        request.correlationId,
        head?.toString(),
        ageSeconds,
      ],
    );
  }
  /** What the dead request wrote before it died. */
  const writeAs = (request: IdempotentRequest, stream: string, correlationId?: string) =>
    events.append(stream, [
      {
        type: 'SomethingHappened',
        data: {},
        metadata: {
          actor: 'someone',
          via: request.scope,
          idempotencyKey: request.key,
          correlationId: correlationId ?? request.correlationId,
        },
      },
    ]);

  it('finds the events a dead request wrote after its claim: the request was applied', async () => {
    const request = aRequest();
    const head = await events.lastCommittedPosition();
    await leavePending(request, deadOwner(), head);
    await writeAs(request, `thing-${n}`);
    const written = await writeAs(request, `thing-${n}`);

    const claim = await store.claim({ ...request, correlationId: 'the-retry' });

    expect(claim).toMatchObject({ kind: 'applied', correlationId: request.correlationId });
    expect(claim.kind === 'applied' && claim.events.map((event) => event.position)).toEqual([
      written.position - 1n,
      written.position,
    ]);
    expect(recovered.at(-1)).toMatch(/died after applying the request/);
  });

  it('runs the request again when the dead request wrote nothing, and holds the key meanwhile', async () => {
    const request = aRequest();
    await leavePending(request, deadOwner(), await events.lastCommittedPosition());
    // Events of other requests, before or after, with its key under another API key or
    // another correlation id, say nothing about this one.
    await writeAs({ ...request, scope: 'another-api-key' }, `other-${n}`);
    await writeAs(request, `other-${n}-2`, 'another-request');

    expect(await store.claim({ ...request, correlationId: 'the-retry' })).toEqual({ kind: 'new' });
    expect(recovered.at(-1)).toMatch(/wrote anything; running it again/);
    // The retry now runs under this process: a concurrent one waits.
    expect(await store.claim(request)).toEqual({ kind: 'in-progress' });
    const { rows } = await database.query<{ correlation_id: string }>(
      'SELECT correlation_id FROM idempotency_keys WHERE key = $1',
      [request.key],
    );
    expect(rows[0].correlation_id).toBe('the-retry');
  });

  it('leaves alone a key a running process holds, until the timeout where it cannot check', async () => {
    const request = aRequest();
    const running = {
      instance: 'another-api',
      pid: process.ppid,
      hostname: 'another-machine',
      bootId: 'b',
    };
    await leavePending(request, running, await events.lastCommittedPosition(), 30);
    const patient = new IdempotencyStore(database, events, { pendingTimeoutMs: 60_000 });
    const impatient = new IdempotencyStore(database, events, { pendingTimeoutMs: 10_000 });
    if (database.kind === 'pglite') {
      // One process per data directory: any other process's key is a dead one.
      expect(await patient.claim(request)).toEqual({ kind: 'new' });
    } else {
      expect(await patient.claim(request)).toEqual({ kind: 'in-progress' });
      expect(await impatient.claim(request)).toEqual({ kind: 'new' });
    }
  });

  it('recovers a key pending from before owners were recorded, searching the whole log', async () => {
    const request = aRequest();
    await writeAs(request, `legacy-${n}`);
    await database.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
       VALUES ($1, $2, $3, 'pending', now() - interval '2 minutes')`,
      [request.scope, request.key, request.requestHash],
    );
    expect(await store.claim(request)).toMatchObject({ kind: 'applied', correlationId: null });
  });

  it('still answers a finished key from its saved answer, and refuses another body', async () => {
    const request = aRequest();
    expect(await store.claim(request)).toEqual({ kind: 'new' });
    expect(await store.claim(request)).toEqual({ kind: 'in-progress' });
    await store.complete(request.scope, request.key, 201, { id: 'x' });
    expect(await store.claim(request)).toEqual({ kind: 'replay', status: 201, body: { id: 'x' } });
    expect(await store.claim({ ...request, requestHash: 'other' })).toEqual({ kind: 'mismatch' });
  });
  it('recovers a key this process left pending when its answer could not be saved', async () => {
    // The database went away after the request's events were committed: neither the answer
    // nor a release could be written, and the process lives on.
    const request = aRequest();
    expect(await store.claim(request)).toEqual({ kind: 'new' });
    await writeAs(request, `unsaved-${n}`);
    expect(await store.claim(request)).toEqual({ kind: 'in-progress' });
    store.settled(request.scope, request.key);

    expect(await store.claim({ ...request, correlationId: 'the-retry' })).toMatchObject({
      kind: 'applied',
      correlationId: request.correlationId,
    });
  });
});
