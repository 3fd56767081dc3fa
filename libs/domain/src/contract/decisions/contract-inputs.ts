import { RefusalReason } from '../../shared/domain-error';
import { isIsoDateOrDateTime } from '../../shared/iso-dates';
import { Iban } from '../../values/iban';
import { ContractRefusal } from '../contract.errors';
import { SEPA_MANDATE_REFERENCE } from '../contract.signature';

/** Trimmed text; blank or missing means "no value". */
export const textOrNull = (input: string | null | undefined): string | null => {
  const trimmed = input?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** A blank IBAN is no IBAN; anything else must pass R4 (mod-97) and is kept normalised. */
export function checkIban(
  raw: string | null | undefined,
  problems: RefusalReason[],
): string | null {
  if (textOrNull(raw) === null) return null;
  const checked = Iban.check(raw as string, 'iban');
  if (checked.ok) return checked.value.value;
  problems.push(checked.reason);
  return null;
}

export function checkMandateReference(
  raw: string | null | undefined,
  problems: RefusalReason[],
): string | null {
  const reference = textOrNull(raw);
  if (reference === null || SEPA_MANDATE_REFERENCE.test(reference)) return reference;
  problems.push({
    code: ContractRefusal.invalidInput,
    field: 'mandateReference',
    message: `The SEPA mandate reference "${reference}" must be at most 35 letters, digits, spaces or / - ? : ( ) . , ' +.`,
  });
  return null;
}

export function checkInstant(value: unknown, field: string, problems: RefusalReason[]): void {
  if (isIsoDateOrDateTime(value)) return;
  problems.push({
    code: ContractRefusal.invalidInput,
    field,
    message: `${field} must be an ISO-8601 date or date-time (2025-03-01 or 2025-03-01T10:30:00Z), got ${JSON.stringify(value)}.`,
  });
}

export function requireText(
  value: string | null | undefined,
  field: string,
  message: string,
  problems: RefusalReason[],
): string {
  const text = textOrNull(value);
  if (text === null) problems.push({ code: ContractRefusal.invalidInput, field, message });
  return text ?? '';
}
