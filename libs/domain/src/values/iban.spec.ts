import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { Iban, maskIban } from './iban';

/** Independent of ibantools on purpose: the oracle must not be the code under test. */
function mod97(digits: string): number {
  return [...digits].reduce((remainder, digit) => (remainder * 10 + Number(digit)) % 97, 0);
}
function ibanFor(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return country + String(98 - mod97(numeric)).padStart(2, '0') + bban;
}
/** German BBANs are 18 digits with no national check digit, so mod-97 alone decides. */
const germanBban = fc.stringMatching(/^\d{18}$/);

describe('Iban', () => {
  describe('normalising', () => {
    it('drops spaces and dashes and upper-cases', () => {
      expect(Iban.parse(' es91 2100-0418 4502 0005 1332 ').value).toBe('ES9121000418450200051332');
    });

    it('treats differently written forms of one account as equal', () => {
      expect(Iban.parse('ES9121000418450200051332').equals('es91 2100 0418 4502 0005 1332')).toBe(
        true,
      );
    });

    it('serialises to the electronic format', () => {
      expect(JSON.stringify({ iban: Iban.parse('ES91 2100 0418 4502 0005 1332') })).toBe(
        '{"iban":"ES9121000418450200051332"}',
      );
    });
  });

  describe('validating (R4)', () => {
    it.each([
      'ES9121000418450200051332',
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'NL91ABNA0417164300',
      'FR1420041010050500013M02606',
    ])('accepts %s', (iban) => {
      expect(Iban.isValid(iban)).toBe(true);
    });

    it.each([
      ['a wrong check digit', 'ES9121000418450200051333', /check digits/],
      ['a missing digit', 'ES912100041845020005133', /wrong length/],
      ['an unknown country', 'XX9121000418450200051332', /country code/],
      ['an empty string', '  ', /empty/],
    ])('refuses %s with R4 and says what is wrong', (_case, iban, message) => {
      const result = Iban.check(iban, 'billing.iban');
      expect(result).toEqual({
        ok: false,
        reason: { code: 'R4', field: 'billing.iban', message: expect.stringMatching(message) },
      });
    });

    it('throws a DomainError R4 from parse', () => {
      expect(() => Iban.parse('ES0000000000000000000000')).toThrow(DomainError);
      try {
        Iban.parse('ES0000000000000000000000');
      } catch (error) {
        expect(error).toMatchObject({ code: 'R4', details: [{ code: 'R4', field: 'iban' }] });
      }
    });

    it('accepts every IBAN whose check digits are computed by mod-97', () => {
      fc.assert(fc.property(germanBban, (bban) => Iban.isValid(ibanFor('DE', bban))));
    });

    it('refuses any single-digit change of a valid IBAN', () => {
      const change = fc.record({
        bban: germanBban,
        position: fc.nat({ max: 19 }),
        delta: fc.integer({ min: 1, max: 9 }),
      });
      fc.assert(
        fc.property(change, ({ bban, position, delta }) => {
          const iban = ibanFor('DE', bban);
          const index = position + 2; // past the country code: check digits and BBAN
          const digit = (Number(iban[index]) + delta) % 10;
          const mistyped = iban.slice(0, index) + digit + iban.slice(index + 1);
          return !Iban.isValid(mistyped);
        }),
      );
    });
  });

  describe('masking and formatting', () => {
    it('keeps the country, the check digits and the last four', () => {
      expect(Iban.parse('ES9121000418450200051332').mask()).toBe('ES91 **** **** **** **** 1332');
    });

    it('masks IBANs whose length is not a multiple of four', () => {
      expect(maskIban('DE89370400440532013000')).toBe('DE89 **** **** **** **30 00');
    });

    it('masks unparseable input entirely rather than leak it', () => {
      expect(maskIban('ES91')).toBe('****');
    });

    it('never shows more than eight characters of any valid IBAN', () => {
      fc.assert(
        fc.property(germanBban, (bban) => {
          const masked = maskIban(ibanFor('DE', bban)).replace(/ /g, '');
          return masked.replace(/\*/g, '').length === 8 && masked.length === 22;
        }),
      );
    });

    it('formats in groups of four', () => {
      expect(Iban.parse('ES9121000418450200051332').format()).toBe('ES91 2100 0418 4502 0005 1332');
      expect(Iban.parse('ES9121000418450200051332').countryCode).toBe('ES');
    });
  });
});
