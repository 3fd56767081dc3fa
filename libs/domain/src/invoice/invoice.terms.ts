import { PlainDate } from '../billing/billing.calendar';
import { BillingLine, BillingTotals } from '../billing/billing.lines';
import { PostalAddress } from '../customer/customer.profile';
import { PaymentMethod } from '../customer/customer.billing';
import { Cents } from '../values/money';

/**
 * Who the invoice is made out to, as the customer file said on the day it was issued. Rule
 * R15: renaming the customer (or moving, or changing tax id) later never changes an invoice.
 */
export interface InvoiceCustomerSnapshot {
  legalName: string;
  taxId: string | null;
  address: PostalAddress;
}

/**
 * A credit note ("abono") on the invoice, numbered in the rectifying series (R8). Its lines
 * and totals are positive amounts given back; `migrationId` names the tariff migration it
 * credits (R10), `null` for an operator's correction.
 */
export interface GrantedCreditNote {
  creditNoteId: string;
  series: string;
  number: number;
  formatted: string;
  reason: string;
  lines: BillingLine[];
  totals: BillingTotals;
  grantedAt: string;
  migrationId: string | null;
}

export interface RecordedPayment {
  paymentId: string;
  amountCents: Cents;
  method: PaymentMethod;
  paidAt: string;
}

/** What every direct-debit effect ("efecto pendiente") holds, whatever became of it. */
export interface EffectRecord {
  effectId: string;
  amountCents: Cents;
  /** The IBAN it charges: the invoice's, i.e. the contract signature's (R4). */
  iban: string;
  dueDate: PlainDate;
  createdAt: string;
}

/**
 * A receivable sent to the bank. Pending until the bank collects or returns it; collected
 * money counts as paid; a returned effect is owed again (`collectedAt` says whether it had
 * been collected before it came back).
 */
export type DirectDebitEffect =
  | ({ status: 'pending' } & EffectRecord)
  | ({ status: 'collected'; collectedAt: string } & EffectRecord)
  | ({
      status: 'returned';
      collectedAt: string | null;
      returnedAt: string;
      returnReason: string;
    } & EffectRecord);

export type DirectDebitEffectStatus = DirectDebitEffect['status'];
