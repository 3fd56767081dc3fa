import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { assertCreditable, remainingCreditable } from './billing.credit-limit';

describe('Credit limit (R9)', () => {
  it('leaves the total less the credits already granted, never below zero', () => {
    expect(remainingCreditable(12100, [])).toBe(12100);
    expect(remainingCreditable(12100, [2000, 100])).toBe(10000);
    expect(remainingCreditable(12100, [12100])).toBe(0);
    expect(remainingCreditable(12100, [13000])).toBe(0);
  });

  it('accepts a credit up to what is left and says what remains after it', () => {
    expect(assertCreditable(12100, [2100], 10000)).toBe(0);
    expect(assertCreditable(12100, [], 100)).toBe(12000);
  });

  it('refuses a credit over what is left with R9', () => {
    expect(() => assertCreditable(12100, [2100], 10001)).toThrow(
      expect.objectContaining({
        code: 'R9',
        message: expect.stringContaining('only 100.00 EUR is left'),
      }),
    );
    expect(() => assertCreditable(12100, [12100], 1)).toThrow(DomainError);
  });

  it('refuses a zero, negative or fractional credit', () => {
    for (const amount of [0, -5, 10.5])
      expect(() => assertCreditable(12100, [], amount)).toThrow(
        expect.objectContaining({ code: 'BILLING.INVALID_CREDIT' }),
      );
  });

  it('never lets the credits accepted on an invoice exceed its total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: -100, max: 400_000 }), { maxLength: 20 }),
        (total, attempts) => {
          const granted: number[] = [];
          for (const amount of attempts) {
            try {
              const left = assertCreditable(total, granted, amount);
              granted.push(amount);
              expect(left).toBe(total - granted.reduce((sum, cents) => sum + cents, 0));
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
          }
          const credited = granted.reduce((sum, cents) => sum + cents, 0);
          return credited <= total && remainingCreditable(total, granted) === total - credited;
        },
      ),
    );
  });
});
