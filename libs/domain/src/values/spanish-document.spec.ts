import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { cifControlDigit, dniLetter, SpanishDocument } from './spanish-document';

const eightDigits = fc.stringMatching(/^\d{8}$/);
const sevenDigits = fc.stringMatching(/^\d{7}$/);
const isValid = (type: string, number: string) => SpanishDocument.check({ type, number }).ok;
/** Replaces the digit at `index` with a different digit. */
function mistype(text: string, index: number, delta: number): string {
  const digit = (Number(text[index]) + delta) % 10;
  return text.slice(0, index) + digit + text.slice(index + 1);
}
const singleDigitChange = (length: number) =>
  fc.record({ index: fc.nat({ max: length - 1 }), delta: fc.integer({ min: 1, max: 9 }) });

describe('SpanishDocument (R3)', () => {
  describe('DNI', () => {
    it('accepts a DNI with its check letter, written any way', () => {
      expect(SpanishDocument.parse({ type: 'dni', number: ' 12.345.678-z ' }).toJSON()).toEqual({
        type: 'dni',
        number: '12345678Z',
      });
    });

    it('refuses a wrong letter and names the right one', () => {
      const result = SpanishDocument.check({ type: 'dni', number: '12345678A' });
      expect(result).toEqual({
        ok: false,
        reason: {
          code: 'R3',
          field: 'document.number',
          message: expect.stringContaining('the letter is Z'),
        },
      });
    });

    it.each(['1234567Z', '123456789Z', '12345678', 'ABCDEFGHZ'])('refuses the shape %s', (n) => {
      expect(isValid('dni', n)).toBe(false);
    });

    it('accepts every DNI built with its check letter', () => {
      fc.assert(fc.property(eightDigits, (digits) => isValid('dni', digits + dniLetter(digits))));
    });

    it('refuses any single-digit change', () => {
      fc.assert(
        fc.property(eightDigits, singleDigitChange(8), (digits, { index, delta }) => {
          const number = mistype(digits, index, delta) + dniLetter(digits);
          return !isValid('dni', number);
        }),
      );
    });

    it('refuses any other letter', () => {
      const letters = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTVWXYZ');
      fc.assert(
        fc.property(eightDigits, letters, (digits, letter) => {
          fc.pre(letter !== dniLetter(digits));
          return !isValid('dni', digits + letter);
        }),
      );
    });
  });

  describe('NIE', () => {
    it.each(['X1234567L', 'Y1234567X', 'Z1234567R'])('accepts %s', (number) => {
      expect(isValid('nie', number)).toBe(true);
    });

    it.each(['X1234567A', 'W1234567L', 'X123456L'])('refuses %s', (number) => {
      expect(isValid('nie', number)).toBe(false);
    });

    it('accepts every NIE built with its check letter and refuses single-digit changes', () => {
      const prefix = fc.constantFrom(['X', '0'], ['Y', '1'], ['Z', '2']);
      fc.assert(
        fc.property(
          prefix,
          sevenDigits,
          singleDigitChange(7),
          ([letter, digit], digits, change) => {
            const check = dniLetter(digit + digits);
            const mistyped = mistype(digits, change.index, change.delta);
            return (
              isValid('nie', letter + digits + check) && !isValid('nie', letter + mistyped + check)
            );
          },
        ),
      );
    });
  });

  describe('CIF', () => {
    it.each(['B12345674', 'A58818501', 'Q2826000H', 'P2807900B', 'G12345674', 'G1234567D'])(
      'accepts %s',
      (number) => {
        expect(isValid('cif', number)).toBe(true);
      },
    );

    it.each([
      ['a company (B) with a letter control', 'B1234567D'],
      ['a public body (Q) with a digit control', 'Q28260008'],
      ['a wrong control digit', 'B12345675'],
      ['an unknown organisation letter', 'I12345674'],
    ])('refuses %s', (_case, number) => {
      expect(isValid('cif', number)).toBe(false);
    });

    it('accepts every CIF built with its control and refuses single-digit changes', () => {
      const kind = fc.constantFrom(...'ABCDEFGHJUV');
      fc.assert(
        fc.property(kind, sevenDigits, singleDigitChange(7), (letter, digits, change) => {
          const control = String(cifControlDigit(digits));
          const mistyped = mistype(digits, change.index, change.delta);
          return (
            isValid('cif', letter + digits + control) &&
            !isValid('cif', letter + mistyped + control)
          );
        }),
      );
    });
  });

  describe('passports and other documents', () => {
    it('only need a non-empty number', () => {
      expect(SpanishDocument.parse({ type: 'passport', number: ' paa 123456 ' }).number).toBe(
        'PAA123456',
      );
      expect(SpanishDocument.parse({ type: 'other', number: ' Cédula 1-234 ' }).number).toBe(
        'Cédula 1-234',
      );
      expect(isValid('passport', '   ')).toBe(false);
      expect(isValid('other', '')).toBe(false);
    });
  });

  it('refuses an unknown document type on the type field', () => {
    expect(SpanishDocument.check({ type: 'ssn', number: '1' }, 'doc')).toMatchObject({
      ok: false,
      reason: { code: 'R3', field: 'doc.type' },
    });
  });

  it('throws a DomainError R3 from parse', () => {
    expect(() => SpanishDocument.parse({ type: 'dni', number: '1' })).toThrow(DomainError);
  });

  it('compares by type and number', () => {
    const dni = SpanishDocument.parse({ type: 'dni', number: '12345678z' });
    expect(dni.equals({ type: 'dni', number: '12345678Z' })).toBe(true);
    expect(dni.equals({ type: 'other', number: '12345678Z' })).toBe(false);
  });
});
