import { PortalLoginAttempts, PortalLoginLimits } from './portal-login-attempts';

const MINUTE = 60_000;

describe('Portal login attempts (rule 26)', () => {
  const keys = ['email:ana@example.com', 'ip:10.0.0.1'];

  it('refuses a key after five failures within 15 minutes, until the oldest leaves the window', () => {
    const attempts = new PortalLoginAttempts();
    for (let minute = 0; minute < 4; minute++) attempts.recordFailure(keys, minute * MINUTE);
    expect(attempts.retryAfterSeconds(keys, 4 * MINUTE)).toBe(0);
    attempts.recordFailure(keys, 4 * MINUTE);
    expect(attempts.retryAfterSeconds(keys, 4 * MINUTE)).toBe(11 * 60);
    expect(attempts.retryAfterSeconds(['ip:10.0.0.1'], 10 * MINUTE)).toBe(5 * 60);
    expect(attempts.retryAfterSeconds(keys, 15 * MINUTE)).toBe(0);
    expect(attempts.retryAfterSeconds(['email:bea@example.com'], 4 * MINUTE)).toBe(0);
  });

  it('forgets the failures of a key that logs in', () => {
    const attempts = new PortalLoginAttempts(2);
    attempts.recordFailure(keys, 0);
    attempts.recordFailure(keys, 1);
    attempts.forget(keys.slice(0, 1));
    expect(attempts.retryAfterSeconds(keys.slice(0, 1), 2)).toBe(0);
    expect(attempts.retryAfterSeconds(keys.slice(1), 2)).toBeGreaterThan(0);
  });

  it('limits 5 failures per e-mail, in any case, and 20 per client address', () => {
    const limits = new PortalLoginLimits();
    for (let i = 0; i < 5; i++) limits.recordFailure(' Ana@Example.com', '10.0.0.1', i);
    expect(limits.retryAfterSeconds('ana@example.com', '10.0.0.2', 5)).toBeGreaterThan(0);
    expect(limits.retryAfterSeconds('bea@example.com', '10.0.0.1', 5)).toBe(0);
    for (let i = 0; i < 15; i++) limits.recordFailure(`c${i}@example.com`, '10.0.0.1', 5 + i);
    expect(limits.retryAfterSeconds('bea@example.com', '10.0.0.1', 20)).toBeGreaterThan(0);
    limits.succeeded('ANA@example.com');
    expect(limits.retryAfterSeconds('ana@example.com', '10.0.0.2', 20)).toBe(0);
  });
});
