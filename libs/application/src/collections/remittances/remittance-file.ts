import type { RemittanceCreated } from '@app/domain';
import { DirectDebitFile } from '../sepa/direct-debit-file';
import { writePain008 } from '../sepa/pain008-writer';

/** The SEPA file of a remittance, written from what `RemittanceCreated` recorded (the same bytes each time). */
export function remittanceFileOf(
  row: Pick<
    RemittanceCreated['data'],
    'painVersion' | 'messageId' | 'createdAt' | 'collectionDate' | 'creditor' | 'transactions'
  >,
): string {
  const file: DirectDebitFile = {
    version: row.painVersion,
    messageId: row.messageId,
    createdAt: row.createdAt,
    collectionDate: row.collectionDate,
    creditor: row.creditor,
    transactions: row.transactions.map((t) => ({
      endToEndId: t.endToEndId,
      amountCents: t.amountCents,
      mandateId: t.mandateReference,
      mandateSignedOn: t.mandateSignedOn,
      sequenceType: t.sequenceType,
      debtorName: t.debtorName,
      debtorIban: t.debtorIban,
      debtorBic: null,
      remittanceInformation: `Factura ${t.invoiceNumber}`,
    })),
  };
  return writePain008(file);
}
