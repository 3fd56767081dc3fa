import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Iban } from '@app/domain';
import {
  assertValidDirectDebitFile,
  DirectDebitFile,
  DirectDebitTransaction,
  MAX_NAME_LENGTH,
  MAX_REMITTANCE_INFORMATION_LENGTH,
  PainVersion,
  SEQUENCE_TYPES,
  SequenceType,
} from './direct-debit-file';
import { centsToEuroText, sumOfCents } from './euro-amounts';
import { toSepaLatinText } from './sepa-text';

export const PAIN_008_NAMESPACES: Readonly<Record<PainVersion, string>> = {
  '001.08': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08',
  '001.02': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02',
};

/** What the EPC guidelines put in `FinInstnId/Othr/Id` when the agent's BIC is not known. */
export const BIC_NOT_PROVIDED = 'NOTPROVIDED';

/**
 * A SEPA Core Direct Debit initiation (ISO 20022 pain.008, rule 18) for one creditor and one
 * collection date. Transactions are grouped into one payment information block per sequence
 * type present (FRST before RCUR, each in input order), as banks require; the group header and
 * each block carry their count and control sum. Refuses bad input with
 * `InvalidDirectDebitFileError` naming every bad field. Pure: the same input gives the same
 * document.
 */
export function writePain008(file: DirectDebitFile): string {
  // Loaded by the first file written, not at start-up (xmlbuilder2 takes a tenth of a second).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { create } = require('xmlbuilder2') as typeof import('xmlbuilder2');
  assertValidDirectDebitFile(file);
  const bicElement = file.version === '001.08' ? 'BICFI' : 'BIC';
  const creditorName = toSepaLatinText(file.creditor.name, MAX_NAME_LENGTH);

  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    PAIN_008_NAMESPACES[file.version],
    'Document',
  );
  const initiation = document.ele('CstmrDrctDbtInitn');

  const header = initiation.ele('GrpHdr');
  header.ele('MsgId').txt(file.messageId);
  header.ele('CreDtTm').txt(file.createdAt);
  header.ele('NbOfTxs').txt(String(file.transactions.length));
  header.ele('CtrlSum').txt(controlSum(file.transactions));
  header.ele('InitgPty').ele('Nm').txt(creditorName);

  for (const sequenceType of SEQUENCE_TYPES) {
    const transactions = file.transactions.filter((t) => t.sequenceType === sequenceType);
    if (transactions.length === 0) continue;

    const payment = initiation.ele('PmtInf');
    payment.ele('PmtInfId').txt(paymentInformationId(file.messageId, sequenceType));
    payment.ele('PmtMtd').txt('DD');
    payment.ele('NbOfTxs').txt(String(transactions.length));
    payment.ele('CtrlSum').txt(controlSum(transactions));
    const paymentType = payment.ele('PmtTpInf');
    paymentType.ele('SvcLvl').ele('Cd').txt('SEPA');
    paymentType.ele('LclInstrm').ele('Cd').txt('CORE');
    paymentType.ele('SeqTp').txt(sequenceType);
    payment.ele('ReqdColltnDt').txt(file.collectionDate);
    payment.ele('Cdtr').ele('Nm').txt(creditorName);
    writeAccount(payment.ele('CdtrAcct'), file.creditor.iban);
    writeAgent(payment.ele('CdtrAgt'), bicElement, file.creditor.bic);
    payment.ele('ChrgBr').txt('SLEV');
    const scheme = payment.ele('CdtrSchmeId').ele('Id').ele('PrvtId').ele('Othr');
    scheme.ele('Id').txt(file.creditor.creditorId);
    scheme.ele('SchmeNm').ele('Prtry').txt('SEPA');

    for (const transaction of transactions) {
      writeTransaction(payment.ele('DrctDbtTxInf'), bicElement, transaction);
    }
  }

  return document.end({ prettyPrint: true });
}

function writeTransaction(
  element: XMLBuilder,
  bicElement: 'BICFI' | 'BIC',
  transaction: DirectDebitTransaction,
): void {
  element.ele('PmtId').ele('EndToEndId').txt(transaction.endToEndId);
  element.ele('InstdAmt').att('Ccy', 'EUR').txt(centsToEuroText(transaction.amountCents));
  const mandate = element.ele('DrctDbtTx').ele('MndtRltdInf');
  mandate.ele('MndtId').txt(transaction.mandateId);
  mandate.ele('DtOfSgntr').txt(transaction.mandateSignedOn);
  writeAgent(element.ele('DbtrAgt'), bicElement, transaction.debtorBic);
  element.ele('Dbtr').ele('Nm').txt(toSepaLatinText(transaction.debtorName, MAX_NAME_LENGTH));
  writeAccount(element.ele('DbtrAcct'), transaction.debtorIban);
  const remittance = toSepaLatinText(
    transaction.remittanceInformation,
    MAX_REMITTANCE_INFORMATION_LENGTH,
  );
  // RmtInf is optional; an empty Ustrd would break the schema's minimum length of 1.
  if (remittance !== '') element.ele('RmtInf').ele('Ustrd').txt(remittance);
}

function writeAccount(element: XMLBuilder, iban: string): void {
  element.ele('Id').ele('IBAN').txt(Iban.normalize(iban));
}

function writeAgent(
  element: XMLBuilder,
  bicElement: 'BICFI' | 'BIC',
  bic: string | null | undefined,
): void {
  const institution = element.ele('FinInstnId');
  if (bic === undefined || bic === null || bic === '') {
    institution.ele('Othr').ele('Id').txt(BIC_NOT_PROVIDED);
  } else {
    institution.ele(bicElement).txt(bic);
  }
}

function controlSum(transactions: readonly DirectDebitTransaction[]): string {
  return centsToEuroText(sumOfCents(transactions.map((t) => t.amountCents)));
}

/**
 * Unique within the file and at most 35 characters: the message id (cut to 30) and the
 * sequence type, so a bank's report on a block leads back to the file.
 */
function paymentInformationId(messageId: string, sequenceType: SequenceType): string {
  return `${messageId.slice(0, 30)}-${sequenceType}`;
}
