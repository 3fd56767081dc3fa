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
 * Who issues the invoice (rule 21), as the issuer entity said on the day it was issued: like
 * the customer's snapshot (R15), editing the issuer later never changes an issued invoice.
 */
export interface InvoiceIssuerSnapshot {
  issuerId: string;
  legalName: string;
  /** The issuer's NIF (`IDEmisorFactura`). */
  nif: string;
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

/** Why an effect asks the bank for less than it did (rule 17). */
export const EFFECT_CHANGE_CAUSES = [
  'payment',
  'credit-note',
  'collection',
  'operator',
  'available-credit',
  'invoice-cancelled',
] as const;
export type EffectChangeCause = (typeof EFFECT_CHANGE_CAUSES)[number];

/**
 * A receivable for the bank. Pending until the bank collects or returns it; `remittanceId`
 * says whether it has gone to the bank in a remittance (rule 18), after which it is never
 * changed (rule 17). Collected money counts as paid; a returned effect is owed again
 * (`collectedAt` says whether it had been collected before it came back); a cancelled one
 * asks for nothing (what it was for was paid or credited another way, or an operator said so).
 */
export type DirectDebitEffect =
  | ({ status: 'pending'; remittanceId: string | null } & EffectRecord)
  | ({ status: 'collected'; collectedAt: string; remittanceId: string | null } & EffectRecord)
  | ({
      status: 'returned';
      collectedAt: string | null;
      returnedAt: string;
      returnReason: string;
      remittanceId: string | null;
    } & EffectRecord)
  | ({
      status: 'cancelled';
      cancelledAt: string;
      cause: EffectChangeCause;
      remittanceId: null;
    } & EffectRecord);

export type DirectDebitEffectStatus = DirectDebitEffect['status'];

/**
 * Available credit moved between two invoices of the same customer (rule 17): `out` of the one
 * that was paid beyond what it owed, `in` to one still owed, under one transfer id.
 */
export interface CreditTransfer {
  transferId: string;
  direction: 'out' | 'in';
  otherInvoiceId: string;
  amountCents: Cents;
  at: string;
}
