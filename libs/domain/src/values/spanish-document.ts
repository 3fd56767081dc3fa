import { RuleCode } from '../shared/rule-codes';
import { invalid, orRefuse, valid, Validated } from '../shared/validated';

export const DOCUMENT_TYPES = ['dni', 'nie', 'cif', 'passport', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A document as events and read models store it: plain JSON. */
export interface DocumentData {
  type: DocumentType;
  number: string;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_CONTROL_LETTERS = 'JABCDEFGHI';
const NIE_PREFIX_DIGIT: Record<string, string> = { X: '0', Y: '1', Z: '2' };
/** Public bodies, non-resident entities and the like: their control is always a letter. */
const CIF_LETTER_CONTROL = 'NPQRSW';
/** Companies (S.A., S.L.), estates and co-ownerships: their control is always a digit. */
const CIF_DIGIT_CONTROL = 'ABEH';

/**
 * An identity document. Spanish DNI, NIE and CIF carry a check character and are validated
 * here (rule R3, format part; uniqueness across customers is the application layer's job).
 * Passports and other documents vary by country: only a non-empty number is required.
 */
export class SpanishDocument {
  private constructor(
    readonly type: DocumentType,
    readonly number: string,
  ) {}

  static check(
    input: { type: string; number: string },
    field = 'document',
  ): Validated<SpanishDocument> {
    if (!isDocumentType(input.type))
      return invalid({
        code: RuleCode.document,
        field: `${field}.type`,
        message: `Unknown document type "${input.type}"; use one of ${DOCUMENT_TYPES.join(', ')}.`,
      });
    const number = normalizeDocumentNumber(input.type, input.number);
    const problem = documentProblem(input.type, number);
    if (problem === null) return valid(new SpanishDocument(input.type, number));
    return invalid({ code: RuleCode.document, field: `${field}.number`, message: problem });
  }

  static parse(input: { type: string; number: string }, field = 'document'): SpanishDocument {
    return orRefuse(SpanishDocument.check(input, field));
  }

  equals(other: DocumentData): boolean {
    return this.type === other.type && this.number === other.number;
  }

  toJSON(): DocumentData {
    return { type: this.type, number: this.number };
  }
}

export const isDocumentType = (type: string): type is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(type);

/** Spanish numbers are written with dots, dashes and spaces at will: `12.345.678-z`. */
export function normalizeDocumentNumber(type: DocumentType, raw: string): string {
  if (type === 'other') return raw.trim();
  return raw.replace(/[\s.\-/]/g, '').toUpperCase();
}

/** The check letter of a DNI (and, after prefix substitution, of a NIE). */
export function dniLetter(digits: string): string {
  return DNI_LETTERS[Number(digits) % 23];
}

/** The CIF control as a digit (0–9); its letter form is `CIF_CONTROL_LETTERS[digit]`. */
export function cifControlDigit(sevenDigits: string): number {
  const sum = [...sevenDigits].reduce((total, char, index) => {
    const digit = Number(char);
    if (index % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + Math.floor(doubled / 10) + (doubled % 10);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

function documentProblem(type: DocumentType, number: string): string | null {
  if (number === '') return `The ${type} number is empty.`;
  switch (type) {
    case 'dni':
      return dniProblem(number);
    case 'nie':
      return nieProblem(number);
    case 'cif':
      return cifProblem(number);
    case 'passport':
    case 'other':
      return null;
  }
}

function dniProblem(number: string): string | null {
  const match = /^(\d{8})([A-Z])$/.exec(number);
  if (!match) return `The DNI "${number}" must be 8 digits and a letter (e.g. 12345678Z).`;
  const expected = dniLetter(match[1]);
  if (match[2] === expected) return null;
  return `The DNI "${number}" does not check out: for ${match[1]} the letter is ${expected}. Check the digits and the letter.`;
}

function nieProblem(number: string): string | null {
  const match = /^([XYZ])(\d{7})([A-Z])$/.exec(number);
  if (!match)
    return `The NIE "${number}" must be X, Y or Z, 7 digits and a letter (e.g. X1234567L).`;
  const expected = dniLetter(NIE_PREFIX_DIGIT[match[1]] + match[2]);
  if (match[3] === expected) return null;
  return `The NIE "${number}" does not check out: its letter should be ${expected}. Check the digits and the letter.`;
}

function cifProblem(number: string): string | null {
  const match = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(number);
  if (!match)
    return `The CIF "${number}" must be an organisation letter, 7 digits and a control digit or letter (e.g. B12345674).`;
  const [, kind, digits, control] = match;
  const digit = cifControlDigit(digits);
  const asLetter = CIF_CONTROL_LETTERS[digit];
  const accepted = CIF_LETTER_CONTROL.includes(kind)
    ? [asLetter]
    : CIF_DIGIT_CONTROL.includes(kind)
      ? [String(digit)]
      : [String(digit), asLetter];
  if (accepted.includes(control)) return null;
  return `The CIF "${number}" does not check out: its control should be ${accepted.join(' or ')}. Check the digits.`;
}
