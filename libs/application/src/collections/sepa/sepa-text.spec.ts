import { sepaIdentifierProblem, toSepaLatin, toSepaLatinText } from './sepa-text';

describe('toSepaLatin', () => {
  it.each([
    ['Muñoz Pérez', 'Munoz Perez'],
    ['ÁLVARO IBÁÑEZ ÚBEDA', 'ALVARO IBANEZ UBEDA'],
    ['Françesc Güell i Nadal', 'Francesc Guell i Nadal'],
    ['Peña & Hijos, S.L.', 'Pena + Hijos, S.L.'],
    ['C/ Mayor nº 3, 2ª', 'C/ Mayor no 3, 2a'],
    ['Straße Ærø Łódź', 'Strasse AEro Lodz'],
    ['O’Connor «Telecom»', "O'Connor 'Telecom'"],
    ['  tabs\tand\nnewlines  ', 'tabs and newlines'],
    ['Ψ only € symbols @ #', 'only symbols'],
    ['<script>&amp;</script>', 'script +amp /script'],
  ])('%j → %j', (input, expected) => {
    expect(toSepaLatin(input)).toBe(expected);
  });

  it('leaves only characters of the SEPA Latin set, whatever the input', () => {
    const everything = Array.from({ length: 0x2500 }, (_, code) => String.fromCharCode(code)).join(
      '',
    );
    expect(toSepaLatin(everything)).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
  });

  it('is deterministic and idempotent', () => {
    const once = toSepaLatin('José Ñúñez Çelik');
    expect(toSepaLatin('José Ñúñez Çelik')).toBe(once);
    expect(toSepaLatin(once)).toBe(once);
  });

  it('cuts to the maximum after transliterating, without a trailing space', () => {
    expect(toSepaLatinText('ß'.repeat(40), 70)).toBe('s'.repeat(70));
    expect(toSepaLatinText('abc def', 4)).toBe('abc');
  });
});

describe('sepaIdentifierProblem', () => {
  it('accepts an identifier of the Latin set up to the maximum', () => {
    expect(sepaIdentifierProblem('EFF-2026/000123', 35)).toBeNull();
    expect(sepaIdentifierProblem('A'.repeat(35), 35)).toBeNull();
  });

  it.each([
    ['', /required/],
    ['A'.repeat(36), /at most 35/],
    ['with space', /no spaces/],
    ['MANDATO-Ñ1', /no spaces or accents/],
    ['/leading', /start or end/],
    ['trailing/', /start or end/],
    ['dou//ble', /'\/\/'/],
  ])('refuses %j', (value, message) => {
    expect(sepaIdentifierProblem(value, 35)).toMatch(message);
  });
});
