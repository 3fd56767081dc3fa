import { parseAmountCents } from './amount-cents';
import { BankFileError } from './bank-file-error';
import { attributeOf, textOf, type XmlElement } from './xml-tree';

/** Cents of an `<Amt Ccy="EUR">` style element; effects are collected in euros only. */
export function eurCentsOf(amount: XmlElement, where: string): number {
  const currency = attributeOf(amount, 'Ccy');
  if (currency !== 'EUR') {
    throw new BankFileError(
      'invalid-content',
      `${where}: the amount is in ${currency ?? 'no stated currency'}; direct debits are collected in EUR.`,
    );
  }
  const text = textOf({ amount }, 'amount');
  if (text === undefined)
    throw new BankFileError('invalid-content', `${where}: the amount is empty.`);
  return parseAmountCents(text, where);
}
