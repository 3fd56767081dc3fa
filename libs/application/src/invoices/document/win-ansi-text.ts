/**
 * The characters beyond Latin-1 that Windows-1252 ("WinAnsi", the encoding of the PDF standard
 * fonts) also holds, in its 0x80–0x9F block: the euro sign, typographic quotes and dashes, the
 * ellipsis, bullet, trademark, per mille, Œ œ Š š Ž ž Ÿ ƒ and a few more.
 */
const WIN_ANSI_EXTRAS = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
    0x0153, 0x017e, 0x0178,
  ].map((codePoint) => String.fromCodePoint(codePoint)),
);

/** What is printed for a character the standard fonts cannot show: visibly not the original. */
export const UNPRINTABLE_CHARACTER = '?';

const isWinAnsi = (character: string): boolean => {
  const codePoint = character.codePointAt(0)!;
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRAS.has(character)
  );
};

/**
 * Text the PDF standard fonts (Helvetica) can print. They are WinAnsi-encoded: Spanish (á é í
 * ó ú ü ñ ¿ ¡ º ª €) is all there, but pdfkit writes any other character as a code that is not
 * a byte and the text comes out garbled. So: composed first (NFC, so an `n` with a combining
 * tilde is the one `ñ`), line breaks and tabs made spaces, then every character still outside
 * WinAnsi (an emoji, CJK, Cyrillic…) becomes `?`, one per character the reader would see.
 */
export function winAnsiText(text: string): string {
  let printable = '';
  for (const character of text.normalize('NFC').replace(/[\t\r\n]+/g, ' ')) {
    if (isWinAnsi(character)) printable += character;
    else if (!isInvisible(character)) printable += UNPRINTABLE_CHARACTER;
  }
  return printable;
}

/** Controls, joiners, variation selectors and combining marks left after NFC: nothing to see. */
const isInvisible = (character: string): boolean =>
  /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}]$/u.test(character) ||
  /^[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u.test(character);
