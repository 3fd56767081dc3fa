import crypto from 'node:crypto';
import fc from 'fast-check';
import { ApiKeys, ROLES } from '../../apps/api/src/auth/api-keys';
import { recordFigure } from './support/reliability-figures';

const RUNS = 500;
const keyText = fc.stringMatching(/^[A-Za-z0-9_\-.]{8,40}$/);
const configuredKeys = fc.uniqueArray(keyText, { minLength: ROLES.length, maxLength: 6 });
const specOf = (keys: string[]) =>
  keys.map((key, n) => `${ROLES[n % ROLES.length]}:${key}`).join(',');

/** Keys that differ from a real one in the ways a timing attack probes: prefixes, one char, longer. */
const nearMisses = (key: string) => [
  key.slice(0, -1),
  `${key}x`,
  key.slice(0, 1),
  `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`,
  '',
];

describe('API key checks', () => {
  afterEach(() => jest.restoreAllMocks());

  it('recognise exactly the configured keys, each with its role', () => {
    fc.assert(
      fc.property(configuredKeys, fc.string(), (keys, presented) => {
        const apiKeys = new ApiKeys(specOf(keys));
        keys.forEach((key, n) => expect(apiKeys.identify(key)?.role).toBe(ROLES[n % ROLES.length]));
        if (!keys.includes(presented)) expect(apiKeys.identify(presented)).toBeUndefined();
        for (const miss of nearMisses(keys[0]).filter((k) => !keys.includes(k)))
          expect(apiKeys.identify(miss)).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
  });

  it('take the same steps whatever is presented: one timingSafeEqual per configured key, on equal-length digests', () => {
    const comparisons: number[][] = [];
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    fc.assert(
      fc.property(configuredKeys, fc.nat(), (keys, pick) => {
        const apiKeys = new ApiKeys(specOf(keys));
        const real = keys[pick % keys.length];
        const candidates = [
          keys[0],
          keys[keys.length - 1],
          real,
          ...nearMisses(real),
          'x'.repeat(500),
        ];
        for (const presented of candidates) {
          spy.mockClear();
          apiKeys.identify(presented);
          expect(spy).toHaveBeenCalledTimes(keys.length);
          comparisons.push(
            spy.mock.calls.map(([a, b]) => (a as Buffer).length + (b as Buffer).length),
          );
        }
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    expect(new Set(comparisons.flat())).toEqual(new Set([64]));
    recordFigure('api-key-comparison', {
      guarantee:
        'API keys are compared in constant time: SHA-256 digests with timingSafeEqual against every configured key, whether a key matches first, last, partly or not at all',
      test: 'test/reliability/api-key-comparison.rel-spec.ts',
      figure: `${RUNS} random key sets × (exact, first, last, prefix, one char off, longer, empty) = ${comparisons.length} checks: always one comparison per configured key, always 32-byte digests; ${RUNS} more random keys: only exact keys recognised`,
      storage: 'no storage (unit property)',
    });
  });
});
