/**
 * SEPA files carry text in the EPC's basic Latin character set only: a–z A–Z 0–9 and
 * `/ - ? : ( ) . , ' +` and space. Banks reject or garble anything else, so names are
 * transliterated here ("Muñoz Pérez" → "Munoz Perez", as Spanish banks expect) and
 * identifiers, which must stay traceable, are checked rather than changed.
 */

const OUTSIDE_SEPA_LATIN = /[^A-Za-z0-9/\-?:().,'+ ]/g;
const SEPA_IDENTIFIER = /^[A-Za-z0-9/\-?:().,'+]+$/;

/**
 * Letters that Unicode compatibility decomposition (NFKD) leaves whole, spelled in basic Latin
 * the way they are usually written without the special letter.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  '&': '+',
  '‘': "'",
  '’': "'",
  '´': "'",
  '`': "'",
  '"': "'",
  '“': "'",
  '”': "'",
  '«': "'",
  '»': "'",
  '–': '-',
  '—': '-',
  _: '-',
};

/**
 * The text in the SEPA Latin character set: accents and other marks dropped (NFKD, which also
 * turns `º`/`ª` and ligatures into plain letters), a few letters spelled out, every other
 * character a space; runs of spaces collapse and the ends are trimmed. Deterministic: the
 * same input always gives the same output.
 */
export function toSepaLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/./gsu, (character) => SPELLED_OUT[character] ?? character)
    .replace(OUTSIDE_SEPA_LATIN, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `toSepaLatin`, cut to at most `maxLength` characters (and trimmed again after the cut). */
export function toSepaLatinText(text: string, maxLength: number): string {
  return toSepaLatin(text).slice(0, maxLength).trim();
}

/**
 * Why an identifier (message, end-to-end, mandate) cannot go in a SEPA file as it is, or null.
 * The EPC guidelines allow the Latin set without spaces, no `/` at either end and no `//`.
 */
export function sepaIdentifierProblem(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string' || value === '') return 'is required';
  if (value.length > maxLength)
    return `must be at most ${maxLength} characters, got ${value.length}`;
  if (!SEPA_IDENTIFIER.test(value))
    return "may contain only A-Z a-z 0-9 / - ? : ( ) . , ' + (no spaces or accents)";
  if (value.startsWith('/') || value.endsWith('/') || value.includes('//'))
    return "must not start or end with '/' nor contain '//'";
  return null;
}
