import { BankFileError } from './bank-file-error';

// ISO 20022 amounts are decimals written in text ("36.3", "1500.00"). Reading them through
// Number() and multiplying by 100 drifts (0.29 * 100 = 28.999999999999996), so the cents are
// built from the digits themselves.
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** `"36.30"` → 3630, `"0.1"` → 10. Refuses a sign, more than two decimals and anything else. */
export function parseAmountCents(text: string, where: string): number {
  const value = text.trim();
  if (value.startsWith('-')) {
    throw new BankFileError('invalid-content', `${where}: the amount "${value}" is negative.`);
  }
  const match = AMOUNT.exec(value);
  if (match === null) {
    const decimals = /^\d+\.(\d+)$/.exec(value);
    throw new BankFileError(
      'invalid-content',
      decimals !== null
        ? `${where}: the amount "${value}" has ${decimals[1].length} decimals; euro amounts have at most 2.`
        : `${where}: "${value}" is not an amount (expected digits with at most 2 decimals, e.g. 36.30).`,
    );
  }
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) {
    throw new BankFileError('invalid-content', `${where}: the amount "${value}" is too large.`);
  }
  return cents;
}
