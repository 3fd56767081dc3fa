import { eurCentsOf } from './amounts';
import { BankFileError } from './bank-file-error';
import type { BankReturn } from './bank-file.types';
import { calendarDayOf, child, children, dateChoiceOf, textOf, type XmlElement } from './xml-tree';

// Entries the bank has not booked: a pending or merely informative line is not a return yet,
// and the booked one arrives in a later notification.
const NOT_BOOKED = new Set(['PDNG', 'INFO', 'FUTR']);

/**
 * Returned direct debits in a camt.054 (BkToCstmrDbtCdtNtfctn, any version from .001.02):
 * every transaction detail with a return reason (`RtrInf/Rsn`) that debits the creditor's
 * account. Other lines — transfers received, charges, credits — are not returns and are
 * skipped; so is a returned credit transfer (`CRDT` with `RtrInf`), which is no effect of ours.
 */
export function returnsInCamt054(notification: XmlElement): BankReturn[] {
  const groupHeader = child(notification, 'GrpHdr');
  const returns: BankReturn[] = [];
  children(notification, 'Ntfctn').forEach((report, reportIndex) => {
    const reportDate =
      calendarDayOf(textOf(report, 'CreDtTm'), `Ntfctn ${reportIndex + 1} CreDtTm`) ??
      calendarDayOf(textOf(groupHeader, 'CreDtTm'), 'GrpHdr/CreDtTm');
    children(report, 'Ntry').forEach((entry, entryIndex) => {
      const where = describeEntry(entry, reportIndex, entryIndex);
      returns.push(...returnsInEntry(entry, where, reportDate));
    });
  });
  return returns;
}

function returnsInEntry(entry: XmlElement, where: string, reportDate: string | undefined) {
  const status = textOf(entry, 'Sts') ?? textOf(child(entry, 'Sts'), 'Cd');
  if (status !== undefined && NOT_BOOKED.has(status)) return [];
  const details = children(entry, 'NtryDtls').flatMap((batch) => children(batch, 'TxDtls'));
  // Read only for entries that hold a return: a credit line with an odd date is not our concern.
  const entryDate = () =>
    dateChoiceOf(child(entry, 'BookgDt'), `${where} BookgDt`) ??
    dateChoiceOf(child(entry, 'ValDt'), `${where} ValDt`) ??
    reportDate;
  const returns: BankReturn[] = [];
  details.forEach((detail, detailIndex) => {
    const returnInformation = child(detail, 'RtrInf');
    if (returnInformation === undefined) return;
    const direction = textOf(detail, 'CdtDbtInd') ?? textOf(entry, 'CdtDbtInd');
    if (direction !== 'DBIT') return;
    const at = `${where}, TxDtls ${detailIndex + 1}`;
    const endToEndId = textOf(child(detail, 'Refs'), 'EndToEndId');
    if (endToEndId === undefined) {
      throw new BankFileError('invalid-content', `${at}: a return without Refs/EndToEndId.`);
    }
    const reason = child(returnInformation, 'Rsn');
    const reasonCode = textOf(reason, 'Cd') ?? textOf(reason, 'Prtry');
    if (reasonCode === undefined) {
      throw new BankFileError(
        'invalid-content',
        `${at}: the return of ${endToEndId} has no reason code (RtrInf/Rsn/Cd).`,
      );
    }
    const amount =
      amountOfDetail(detail) ?? (details.length === 1 ? child(entry, 'Amt') : undefined);
    if (amount === undefined) {
      throw new BankFileError(
        'invalid-content',
        `${at}: the return of ${endToEndId} has no amount of its own and its entry holds several transactions.`,
      );
    }
    const returnedAt = entryDate();
    if (returnedAt === undefined) {
      throw new BankFileError('invalid-content', `${at}: the return of ${endToEndId} has no date.`);
    }
    returns.push({
      endToEndId,
      reasonCode,
      amountCents: eurCentsOf(amount, `${at} (${endToEndId})`),
      returnedAt,
      kind: 'return',
    });
  });
  return returns;
}

// camt.054.001.02 has no Amt directly on TxDtls: the amount sits in AmtDtls (the transaction
// amount, else the instructed one). Later versions add TxDtls/Amt, preferred when present.
function amountOfDetail(detail: XmlElement): XmlElement | undefined {
  const amountDetails = child(detail, 'AmtDtls');
  return (
    child(detail, 'Amt') ??
    child(child(amountDetails, 'TxAmt'), 'Amt') ??
    child(child(amountDetails, 'InstdAmt'), 'Amt')
  );
}

function describeEntry(entry: XmlElement, reportIndex: number, entryIndex: number): string {
  const reference = textOf(entry, 'NtryRef') ?? textOf(entry, 'AcctSvcrRef');
  return `Ntfctn ${reportIndex + 1}, Ntry ${entryIndex + 1}${reference === undefined ? '' : ` (${reference})`}`;
}
