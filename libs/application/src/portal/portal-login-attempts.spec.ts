import { CustomerLog } from '@app/read-models/customers/testing/customer-log';
import { PortalLoginLimits } from './portal-login-attempts';

const MINUTE = 60_000;

describe('Portal login limits (rule 26)', () => {
  let log: CustomerLog;
  let clock = 1_000_000_000_000;
  /** A fresh stretch of time per test: the table is shared by the tests of this file. */
  const at = (minutes: number) => clock + minutes * MINUTE;
  beforeAll(async () => {
    log = await CustomerLog.open('portal_login_limits');
  });
  afterAll(() => log.close());
  beforeEach(() => {
    clock += 24 * 60 * MINUTE;
  });
  const limits = () => new PortalLoginLimits(log.db.db);

  it('refuses an e-mail after five failures within 15 minutes, until the oldest leaves the window', async () => {
    const process = limits();
    for (let minute = 0; minute < 4; minute++)
      await process.recordFailure('ana@example.com', '10.0.0.1', at(minute));
    expect(await process.retryAfterSeconds('ana@example.com', '10.0.0.9', at(4))).toBe(0);
    await process.recordFailure('ana@example.com', '10.0.0.1', at(4));
    expect(await process.retryAfterSeconds('ana@example.com', '10.0.0.9', at(4))).toBe(11 * 60);
    expect(await process.retryAfterSeconds('ana@example.com', '10.0.0.9', at(10))).toBe(5 * 60);
    expect(await process.retryAfterSeconds('ana@example.com', '10.0.0.9', at(15))).toBe(0);
    expect(await process.retryAfterSeconds('bea@example.com', '10.0.0.1', at(4))).toBe(0);
  });

  it('counts an e-mail in any case, and 20 failures per client address', async () => {
    const process = limits();
    for (let i = 0; i < 5; i++)
      await process.recordFailure(' Ana@Example.com', '10.0.0.1', at(0) + i);
    expect(
      await process.retryAfterSeconds('ana@example.com', '10.0.0.2', at(0) + 5),
    ).toBeGreaterThan(0);
    expect(await process.retryAfterSeconds('bea@example.com', '10.0.0.1', at(0) + 5)).toBe(0);
    for (let i = 0; i < 15; i++)
      await process.recordFailure(`c${i}@example.com`, '10.0.0.1', at(0) + 5 + i);
    expect(
      await process.retryAfterSeconds('bea@example.com', '10.0.0.1', at(0) + 20),
    ).toBeGreaterThan(0);
    expect(await process.retryAfterSeconds('bea@example.com', '10.0.0.2', at(0) + 20)).toBe(0);
  });

  it('forgets the failures of an e-mail that logs in, not those of its address', async () => {
    const process = limits();
    for (let i = 0; i < 20; i++)
      await process.recordFailure('dani@example.com', '10.0.0.3', at(0) + i);
    await process.succeeded('DANI@example.com');
    expect(await process.retryAfterSeconds('dani@example.com', '10.0.0.4', at(1))).toBe(0);
    expect(await process.retryAfterSeconds('eva@example.com', '10.0.0.3', at(1))).toBeGreaterThan(
      0,
    );
  });

  it('is shared by every API process on the database: failures in two add up', async () => {
    const [first, second] = [limits(), limits()];
    for (let i = 0; i < 3; i++)
      await first.recordFailure('fran@example.com', '10.0.0.5', at(0) + i);
    for (let i = 0; i < 2; i++)
      await second.recordFailure('fran@example.com', '10.0.0.6', at(0) + 3 + i);
    expect(await first.retryAfterSeconds('fran@example.com', '10.0.0.7', at(1))).toBeGreaterThan(0);
    expect(await second.retryAfterSeconds('fran@example.com', '10.0.0.7', at(1))).toBeGreaterThan(
      0,
    );
  });

  it('keeps no e-mail or address in clear, and sweeps what left the window', async () => {
    const process = limits();
    await process.recordFailure('gala@example.com', '192.0.2.77', at(0));
    await process.recordFailure('hugo@example.com', '192.0.2.78', at(30));
    const { rows } = await log.db.db.query<{ limit_key: string; failed_at_ms: string }>(
      'SELECT limit_key, failed_at_ms FROM portal_login_failures',
    );
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('gala');
    expect(stored).not.toContain('192.0.2');
    expect(rows.every((row) => Number(row.failed_at_ms) > at(15))).toBe(true);
  });
});
