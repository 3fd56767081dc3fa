import { PENDING_CLAIM_MS } from '../customer/customer.unique-value';
import { decideIssuerValueClaim, issuerValuesOf } from './issuer.unique-value';
import { issuerRegistered } from './testing/issuer.fixtures';
import { DomainError } from '../shared/domain-error';

const NOW = '2026-03-01T10:00:00.000Z';
const series = { kind: 'series' as const, value: 'F2026' };
const nif = { kind: 'nif' as const, value: 'B12345674' };
const longAgo = new Date(Date.parse(NOW) - PENDING_CLAIM_MS - 1).toISOString();

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('one NIF per issuer, one issuer per series (rule 21)', () => {
  it('lists the NIF and every series an issuer holds', () => {
    const { issuerId: _id, registeredAt: _at, ...profile } = issuerRegistered.data;
    expect(issuerValuesOf(profile)).toEqual([
      nif,
      { kind: 'series', value: 'F2026' },
      { kind: 'series', value: 'W2026' },
    ]);
    expect(issuerValuesOf(null)).toEqual([]);
  });

  it('claims a free value, and claims nothing again for its holder', () => {
    expect(decideIssuerValueClaim({ value: series, owner: 'iss-2', now: NOW })).toEqual([
      { type: 'IssuerValueClaimed', data: { kind: 'series', owner: 'iss-2' } },
    ]);
    const current = { holder: 'iss-2', claimedAt: NOW, holderStillHolds: true };
    expect(decideIssuerValueClaim({ value: series, owner: 'iss-2', now: NOW, current })).toEqual(
      [],
    );
  });

  it('refuses a value another issuer holds, naming the value and its holder', () => {
    const current = { holder: 'iss-1', claimedAt: longAgo, holderStillHolds: true };
    const taken = refusal(() =>
      decideIssuerValueClaim({ value: series, owner: 'iss-2', now: NOW, current }),
    );
    expect(taken.code).toBe('R21.SERIES_TAKEN');
    expect(taken.message).toMatch(/F2026 already belongs to issuer iss-1/);
    expect(taken.details).toEqual([expect.objectContaining({ field: 'series' })]);
    const nifTaken = refusal(() =>
      decideIssuerValueClaim({ value: nif, owner: 'iss-2', now: NOW, current }),
    );
    expect(nifTaken.code).toBe('R21.NIF_TAKEN');
    expect(nifTaken.message).toMatch(/iss-1 already has NIF B12345674/);
  });

  it('refuses a claim still pending, and takes over a stale one', () => {
    const pending = { holder: 'iss-1', claimedAt: NOW, holderStillHolds: false };
    expect(
      refusal(() =>
        decideIssuerValueClaim({ value: series, owner: 'iss-2', now: NOW, current: pending }),
      ).code,
    ).toBe('R21.SERIES_TAKEN');
    const stale = { holder: 'iss-1', claimedAt: longAgo, holderStillHolds: false };
    expect(
      decideIssuerValueClaim({ value: series, owner: 'iss-2', now: NOW, current: stale }),
    ).toHaveLength(1);
  });
});
