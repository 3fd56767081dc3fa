import { Backoff, sleep } from './backoff';

describe('Backoff', () => {
  it('doubles from the first delay up to the bound, and starts over after reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0 });
    expect(Array.from({ length: 6 }, () => backoff.next())).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoff.attempts).toBe(6);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('jitter only shortens a delay, by at most its share', () => {
    const lowest = new Backoff({ initialMs: 100, maxMs: 400, jitter: 0.5, random: () => 0.999 });
    const highest = new Backoff({ initialMs: 100, maxMs: 400, jitter: 0.5, random: () => 0 });
    expect([lowest.next(), lowest.next(), lowest.next(), lowest.next()]).toEqual([
      50, 100, 200, 200,
    ]);
    expect([highest.next(), highest.next(), highest.next(), highest.next()]).toEqual([
      100, 200, 400, 400,
    ]);
  });

  it('refuses bounds that make no sense', () => {
    expect(() => new Backoff({ initialMs: 0 })).toThrow(RangeError);
    expect(() => new Backoff({ initialMs: 500, maxMs: 100 })).toThrow(RangeError);
    expect(() => new Backoff({ factor: 0.5 })).toThrow(RangeError);
  });

  it('wait sleeps the next delay, and an abort ends it early', async () => {
    const backoff = new Backoff({ initialMs: 30, jitter: 0 });
    let started = Date.now();
    expect(await backoff.wait()).toBe(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const stop = new AbortController();
    started = Date.now();
    const waiting = new Backoff({ initialMs: 10_000, maxMs: 10_000 }).wait(stop.signal);
    stop.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
    await sleep(10, stop.signal);
  });
});
