import { eurCentsOf } from './amounts';
import { BankFileError } from './bank-file-error';
import type { BankReturn } from './bank-file.types';
import { calendarDayOf, child, children, textOf, type XmlElement } from './xml-tree';

/**
 * Rejected direct debits in a pain.002 (CstmrPmtStsRpt, from .001.03): every transaction whose
 * status is RJCT — its own `TxSts`, or, when it has none, its payment information's or its
 * group's. Accepted transactions (ACCP, ACSC, ACSP…) and pending ones are not returns.
 * A rejection of a whole group or batch that names no transaction is refused: without
 * end-to-end ids no effect can be found, and it must not pass for "nothing was rejected".
 */
export function returnsInPain002(report: XmlElement): BankReturn[] {
  const groupHeader = child(report, 'GrpHdr');
  const reportDate = calendarDayOf(textOf(groupHeader, 'CreDtTm'), 'GrpHdr/CreDtTm');
  const group = child(report, 'OrgnlGrpInfAndSts');
  refuseCreditTransferReport(group);
  const groupStatus = textOf(group, 'GrpSts');
  const groupReason = reasonCodeOf(group);
  const batches = children(report, 'OrgnlPmtInfAndSts');
  if (
    groupStatus === 'RJCT' &&
    batches.every((batch) => children(batch, 'TxInfAndSts').length === 0)
  ) {
    throw new BankFileError(
      'invalid-content',
      `The bank rejected the whole remittance ${textOf(group, 'OrgnlMsgId') ?? ''} (reason ${groupReason ?? 'not given'}) without listing its transactions; treat it as a rejected remittance, not as returns.`,
    );
  }
  return batches.flatMap((batch, batchIndex) => {
    const batchStatus = textOf(batch, 'PmtInfSts') ?? groupStatus;
    const batchReason = reasonCodeOf(batch) ?? groupReason;
    const transactions = children(batch, 'TxInfAndSts');
    const batchName = `OrgnlPmtInfAndSts ${batchIndex + 1} (${textOf(batch, 'OrgnlPmtInfId') ?? 'no OrgnlPmtInfId'})`;
    if (batchStatus === 'RJCT' && transactions.length === 0) {
      throw new BankFileError(
        'invalid-content',
        `${batchName}: the bank rejected the whole batch (reason ${batchReason ?? 'not given'}) without listing its transactions.`,
      );
    }
    return transactions.flatMap((transaction, transactionIndex): BankReturn[] => {
      if ((textOf(transaction, 'TxSts') ?? batchStatus) !== 'RJCT') return [];
      const at = `${batchName}, TxInfAndSts ${transactionIndex + 1}`;
      const endToEndId = textOf(transaction, 'OrgnlEndToEndId');
      if (endToEndId === undefined) {
        throw new BankFileError('invalid-content', `${at}: a reject without OrgnlEndToEndId.`);
      }
      const reasonCode = reasonCodeOf(transaction) ?? batchReason;
      if (reasonCode === undefined) {
        throw new BankFileError(
          'invalid-content',
          `${at}: the reject of ${endToEndId} has no reason code (StsRsnInf/Rsn/Cd).`,
        );
      }
      const originalTransaction = child(transaction, 'OrgnlTxRef');
      const amount = child(child(originalTransaction, 'Amt'), 'InstdAmt');
      if (amount === undefined) {
        throw new BankFileError(
          'invalid-content',
          `${at}: the reject of ${endToEndId} has no OrgnlTxRef/Amt/InstdAmt.`,
        );
      }
      const returnedAt =
        reportDate ??
        calendarDayOf(textOf(originalTransaction, 'ReqdColltnDt'), `${at} ReqdColltnDt`);
      if (returnedAt === undefined) {
        throw new BankFileError(
          'invalid-content',
          `${at}: the reject of ${endToEndId} has no date.`,
        );
      }
      return [
        {
          endToEndId,
          reasonCode,
          amountCents: eurCentsOf(amount, `${at} (${endToEndId})`),
          returnedAt,
          kind: 'reject',
        },
      ];
    });
  });
}

/** The first status reason with a code (`Cd`, else the bank's own `Prtry`). */
function reasonCodeOf(element: XmlElement | undefined): string | undefined {
  for (const information of children(element, 'StsRsnInf')) {
    const reason = child(information, 'Rsn');
    const code = textOf(reason, 'Cd') ?? textOf(reason, 'Prtry');
    if (code !== undefined) return code;
  }
  return undefined;
}

// A pain.002 also answers credit transfer batches (pain.001, paying suppliers). Its rejects are
// not direct debits, and reading them as returned effects would mark invoices as owed again.
function refuseCreditTransferReport(group: XmlElement | undefined): void {
  const originalMessage = textOf(group, 'OrgnlMsgNmId') ?? '';
  if (/^pain\.001\b/i.test(originalMessage) || /CstmrCdtTrfInitn/i.test(originalMessage)) {
    throw new BankFileError(
      'unsupported-message',
      `This pain.002 reports on a credit transfer file (${originalMessage}), not on a direct debit remittance.`,
    );
  }
}
