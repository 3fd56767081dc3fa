import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@app/database';
import { PostgresEventStore } from './postgres-event-store';

describe('the embedded default (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'billing-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the log across a restart and continues its positions', async () => {
    const first = await openDatabase({ dataDir });
    const store = await PostgresEventStore.create(first);
    const written = await store.append('customer-restart', [{ type: 'Kept', data: { n: 1 } }]);
    await store.close();
    await first.close();

    const second = await openDatabase({ dataDir });
    const reopened = await PostgresEventStore.create(second);
    const events = await reopened.readStream('customer-restart');
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
    const next = await reopened.append('customer-restart', [{ type: 'Kept', data: { n: 2 } }], {
      expectedRevision: 0n,
    });
    expect(next.position).toBeGreaterThan(written.position);
    await reopened.close();
    await second.close();
  });
});
