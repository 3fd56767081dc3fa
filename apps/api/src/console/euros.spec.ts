import { centsOfEuros } from './euros';

describe('centsOfEuros: amounts as a Spanish operator types them', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    ['0,01', 1],
    ['1.234,56', 123456],
    ['1.234', 123400],
    ['1 234,56', 123456],
    ['12 €', 1200],
    ['  7,05€ ', 705],
    ['100000000', 10_000_000_000],
  ])('%s is %d cents', (typed, cents) => expect(centsOfEuros(typed)).toBe(cents));

  it.each([
    '',
    '-5',
    '12,345',
    'doce',
    '1e3',
    '12,,5',
    '0x10',
    '100000000,01',
    '9999999999',
    'NaN',
  ])('refuses %p', (typed) => expect(centsOfEuros(typed)).toBeNull());

  it('refuses what is not text', () => {
    expect(centsOfEuros(12)).toBeNull();
    expect(centsOfEuros(['12'])).toBeNull();
  });
});
