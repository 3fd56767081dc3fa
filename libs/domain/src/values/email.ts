import { RuleCode } from '../shared/rule-codes';
import { invalid, orRefuse, valid, Validated } from '../shared/validated';

/**
 * Deliberately basic: one `@`, no spaces, a dotted domain. Deliverability is proven by sending,
 * not by a regex; this only catches typos an operator can fix on the spot.
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

/**
 * An e-mail address, trimmed and lower-cased: rule R2 compares main e-mails case-insensitively,
 * so the stored form already is the compared form.
 */
export class Email {
  private constructor(readonly value: string) {}

  static normalize(raw: string): string {
    return raw.trim().toLowerCase();
  }

  static check(raw: string, field = 'email'): Validated<Email> {
    const value = Email.normalize(raw);
    const localPart = value.split('@')[0];
    const wellFormed =
      EMAIL_SHAPE.test(value) &&
      value.length <= MAX_EMAIL_LENGTH &&
      localPart.length <= MAX_LOCAL_PART_LENGTH &&
      !value.includes('..');
    if (wellFormed) return valid(new Email(value));
    const shown = value === '' ? 'The e-mail is empty' : `"${raw.trim()}" is not a valid e-mail`;
    return invalid({ code: RuleCode.email, field, message: `${shown}; expected name@domain.tld.` });
  }

  static parse(raw: string, field = 'email'): Email {
    return orRefuse(Email.check(raw, field));
  }

  equals(other: Email | string): boolean {
    return this.value === (typeof other === 'string' ? Email.normalize(other) : other.value);
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
