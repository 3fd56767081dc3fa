import { randomBytes } from 'node:crypto';
import { PortalTokens } from './portal-tokens';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('Portal tokens (rule 26)', () => {
  const secret = randomBytes(32);
  const tokens = new PortalTokens(secret, 900);

  it('vouch for the customer and the password they were issued under, until they expire', () => {
    const { token, expiresAt } = tokens.issue('customer-a', 'regeneration-1', NOW);
    expect(expiresAt).toEqual(later(900));
    expect(tokens.verify(token, later(899))).toEqual({
      customerId: 'customer-a',
      regenerationId: 'regeneration-1',
      expiresAt,
    });
    expect(tokens.verify(token, later(900))).toBeNull();
  });

  it('are refused when signed with another secret, or altered in any part', () => {
    const { token } = tokens.issue('customer-a', 'regeneration-1', NOW);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ c: 'customer-b', r: 'regeneration-1', e: 9_999_999_999 }),
    ).toString('base64url');
    expect(tokens.verify(`${forged}.${signature}`, NOW)).toBeNull();
    expect(tokens.verify(`${payload}.${signature.slice(1)}`, NOW)).toBeNull();
    expect(tokens.verify(`${payload}.${signature}.x`, NOW)).toBeNull();
    expect(tokens.verify('operator-test-key-0001', NOW)).toBeNull();
    const other = new PortalTokens(randomBytes(32), 900);
    expect(other.verify(token, NOW)).toBeNull();
  });

  it('need a secret of 32 bytes or more', () => {
    expect(() => new PortalTokens(randomBytes(31), 900)).toThrow(/32 bytes/);
  });
});
