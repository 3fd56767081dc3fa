/** One direct debit the bank did not collect, as read from its file. */
export interface BankReturn {
  /** The original transaction's end-to-end id: how the effect is found. */
  endToEndId: string;
  /** ISO 20022 external return reason code (AM04, AC04, MD01, MS02…), as the bank sent it. */
  reasonCode: string;
  /** Integer cents of the returned amount. */
  amountCents: number;
  /** YYYY-MM-DD: the booking (or value) date of a return, the report date of a reject. */
  returnedAt: string;
  /** `return`: booked and then returned (camt.054); `reject`: refused before settlement (pain.002). */
  kind: 'return' | 'reject';
}

export type BankFileFormat = 'camt.054' | 'pain.002';

export interface ParsedBankFile {
  format: BankFileFormat;
  /** GrpHdr/MsgId: the same file imported twice carries the same id and changes nothing. */
  messageId: string;
  returns: BankReturn[];
}
