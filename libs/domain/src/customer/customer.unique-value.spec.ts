import { decideUniqueValueClaim, PENDING_CLAIM_MS } from './customer.unique-value';
import { DomainError } from '../shared/domain-error';

const now = '2026-03-01T10:00:00.000Z';
const before = (ms: number) => new Date(Date.parse(now) - ms).toISOString();
const claim = (owner: string) => ({ type: 'UniqueValueClaimed', data: { kind: 'email', owner } });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('rules R2 and R3: one holder per e-mail and per document', () => {
  it('claims a value nobody holds', () => {
    expect(decideUniqueValueClaim({ kind: 'email', owner: 'a', now })).toEqual([claim('a')]);
  });

  it('claims nothing when the owner already holds it', () => {
    const current = { holder: 'a', claimedAt: before(1), holderStillHolds: true };
    expect(decideUniqueValueClaim({ kind: 'email', owner: 'a', now, current })).toEqual([]);
  });

  it('refuses an e-mail another customer holds (R2.TAKEN, field email)', () => {
    const current = {
      holder: 'b',
      claimedAt: before(PENDING_CLAIM_MS * 10),
      holderStillHolds: true,
    };
    const error = refusal(() =>
      decideUniqueValueClaim({ kind: 'email', owner: 'a', now, current }),
    );
    expect(error.code).toBe('R2.TAKEN');
    expect(error.details).toEqual([expect.objectContaining({ code: 'R2', field: 'email' })]);
  });

  it('refuses a document another customer holds (R3.TAKEN, field document)', () => {
    const current = {
      holder: 'b',
      claimedAt: before(PENDING_CLAIM_MS * 10),
      holderStillHolds: true,
    };
    const error = refusal(() =>
      decideUniqueValueClaim({ kind: 'document', owner: 'a', now, current }),
    );
    expect(error.code).toBe('R3.TAKEN');
    expect(error.details?.[0]).toEqual(expect.objectContaining({ code: 'R3', field: 'document' }));
  });

  it('refuses a fresh claim even when its holder does not hold the value yet', () => {
    const current = {
      holder: 'b',
      claimedAt: before(PENDING_CLAIM_MS - 1),
      holderStillHolds: false,
    };
    expect(
      refusal(() => decideUniqueValueClaim({ kind: 'email', owner: 'a', now, current })).code,
    ).toBe('R2.TAKEN');
  });

  it('takes over a stale claim whose holder no longer holds the value', () => {
    const current = { holder: 'b', claimedAt: before(PENDING_CLAIM_MS), holderStillHolds: false };
    expect(decideUniqueValueClaim({ kind: 'email', owner: 'a', now, current })).toEqual([
      claim('a'),
    ]);
  });
});
