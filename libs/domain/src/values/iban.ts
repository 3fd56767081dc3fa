import {
  electronicFormatIBAN,
  friendlyFormatIBAN,
  validateIBAN,
  ValidationErrorsIBAN,
} from 'ibantools';
import { RuleCode } from '../shared/rule-codes';
import { invalid, orRefuse, valid, Validated } from '../shared/validated';

/**
 * An International Bank Account Number, validated (country format, mod-97 and, where the
 * country has one, the national check digits) and kept in electronic format
 * (`ES9121000418450200051332`). Rule R4: every IBAN is validated, and views that do not need
 * the full number show it masked.
 */
export class Iban {
  private constructor(readonly value: string) {}

  /** Spaces, dashes and case are presentation: `es91 2100-0418…` is the same account. */
  static normalize(raw: string): string {
    return electronicFormatIBAN(raw.trim()) ?? '';
  }

  static check(raw: string, field = 'iban'): Validated<Iban> {
    const value = Iban.normalize(raw);
    const { valid: ok, errorCodes } = validateIBAN(value);
    if (ok) return valid(new Iban(value));
    return invalid({ code: RuleCode.iban, field, message: ibanProblem(raw, errorCodes) });
  }

  static parse(raw: string, field = 'iban'): Iban {
    return orRefuse(Iban.check(raw, field));
  }

  static isValid(raw: string): boolean {
    return Iban.check(raw).ok;
  }

  get countryCode(): string {
    return this.value.slice(0, 2);
  }

  /** Groups of four, as printed on paper: `ES91 2100 0418 4502 0005 1332`. */
  format(): string {
    return friendlyFormatIBAN(this.value) ?? this.value;
  }

  /** `ES91 **** **** **** **** 1332`: enough to recognise the account, not to charge it. */
  mask(): string {
    return maskIban(this.value);
  }

  equals(other: Iban | string): boolean {
    return this.value === (typeof other === 'string' ? Iban.normalize(other) : other.value);
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

/**
 * Masks an IBAN string (as stored in events) keeping the country, the check digits and the
 * last four characters. Works on any input so a view never leaks a number it cannot parse.
 */
export function maskIban(raw: string): string {
  const value = Iban.normalize(raw);
  if (value.length <= 8) return value.replace(/./g, '*');
  const hidden = '*'.repeat(value.length - 8);
  const masked = value.slice(0, 4) + hidden + value.slice(-4);
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}

function ibanProblem(raw: string, errors: ValidationErrorsIBAN[]): string {
  if (raw.trim() === '') return 'The IBAN is empty; enter the full account number (ES91 2100…).';
  const shown = `The IBAN "${raw.trim()}"`;
  if (errors.includes(ValidationErrorsIBAN.NoIBANCountry))
    return `${shown} does not start with a known country code (e.g. ES91…).`;
  if (errors.includes(ValidationErrorsIBAN.WrongBBANLength))
    return `${shown} has the wrong length for its country; check for missing or extra digits.`;
  if (errors.includes(ValidationErrorsIBAN.WrongBBANFormat))
    return `${shown} does not match its country's account format.`;
  return `${shown} fails its check digits (mod-97); a digit is probably mistyped.`;
}
