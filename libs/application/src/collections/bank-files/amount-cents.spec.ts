import fc from 'fast-check';
import { parseAmountCents } from './amount-cents';
import { BankFileError } from './bank-file-error';

describe('parseAmountCents', () => {
  it.each([
    ['36.30', 3630],
    ['36.3', 3630],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    ['007.50', 750],
    [' 12.00 ', 1200],
  ])('reads %j as %d cents', (text, cents) => expect(parseAmountCents(text, 'here')).toBe(cents));

  it('reads every amount written with two decimals back to its cents, without float drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmountCents(text, 'here')).toBe(cents);
      }),
    );
  });

  it.each([
    ['1.005', 'here: the amount "1.005" has 3 decimals; euro amounts have at most 2.'],
    ['-0.01', 'here: the amount "-0.01" is negative.'],
    [
      '+1.00',
      'here: "+1.00" is not an amount (expected digits with at most 2 decimals, e.g. 36.30).',
    ],
    ['1.', 'here: "1." is not an amount (expected digits with at most 2 decimals, e.g. 36.30).'],
    ['.5', 'here: ".5" is not an amount (expected digits with at most 2 decimals, e.g. 36.30).'],
    ['', 'here: "" is not an amount (expected digits with at most 2 decimals, e.g. 36.30).'],
    ['99999999999999999999', 'here: the amount "99999999999999999999" is too large.'],
  ])('refuses %j', (text, message) => {
    expect(() => parseAmountCents(text, 'here')).toThrow(
      new BankFileError('invalid-content', message),
    );
  });
});
