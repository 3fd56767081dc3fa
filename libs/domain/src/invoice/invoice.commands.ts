import { PlainDate, PlainDateRange } from '../billing/billing.calendar';
import { YearMonth } from '../billing/billing.cycles';
import { BillingLine, BillingTotals } from '../billing/billing.lines';
import { PaymentMethod } from '../customer/customer.billing';
import { DomainCommand } from '../shared/decider';
import { Cents } from '../values/money';
import { InvoiceCustomerSnapshot, InvoiceIssuerSnapshot } from './invoice.terms';

/** Every invoice command names its invoice; ids of new things come from the caller. */
interface ForInvoice {
  invoiceId: string;
}

/**
 * Issues the invoice of one contract for one cycle. The billing run prices it (one pricing
 * function, R12), takes its `number` from the series stream (R8), copies the customer's legal
 * name, tax id and address (R15) and the IBAN of the contract signature (R4). Lines and totals
 * are checked here, never recomputed: the invoice says exactly what was priced.
 */
export type IssueInvoice = DomainCommand<
  'IssueInvoice',
  ForInvoice & {
    series: string;
    number: number;
    customerId: string;
    contractId: string;
    billingPeriod: PlainDateRange;
    cyclePeriod: YearMonth;
    customer: InvoiceCustomerSnapshot;
    /** The issuer (rule 21) as it is today; absent only on invoices issued before issuers. */
    issuer?: InvoiceIssuerSnapshot;
    iban: string | null;
    paymentMethod: PaymentMethod;
    lines: BillingLine[];
    totals: BillingTotals;
    issueDate: PlainDate;
    dueDate: PlainDate;
  }
>;

/**
 * The billing run's first step (R8): the invoice of `IssueInvoice` without its number. It is
 * checked as fully as an issue, so the `IssueDraftInvoice` that numbers it cannot be refused.
 */
export type DraftInvoice = DomainCommand<'DraftInvoice', Omit<IssueInvoice['data'], 'number'>>;

/** Issues the draft under `number`, the one the series gave its id (R8). */
/**
 * Issues the draft under `number`, the one the series gave its id (R8), dated `issueDate`, the
 * date the series gave it (dates follow numbers); its due date moves with it. Without
 * `issueDate` the draft keeps its own.
 */
export type IssueDraftInvoice = DomainCommand<
  'IssueDraftInvoice',
  ForInvoice & { number: number; issueDate?: PlainDate }
>;

/**
 * A credit note on the invoice, numbered `number` in the invoice's rectifying series
 * (`rectifyingSeries`, R8). Lines and totals are positive amounts given back. `migrationId`
 * (R10) makes the mass credit run grant each migration's credit at most once. `grantedAt`
 * defaults to when the command was issued.
 */
export type GrantCreditNote = DomainCommand<
  'GrantCreditNote',
  ForInvoice & {
    creditNoteId: string;
    number: number;
    reason: string;
    lines: BillingLine[];
    totals: BillingTotals;
    grantedAt?: string;
    migrationId?: string | null;
  }
>;

/** A credit note checked and counted against the invoice (R9), before it takes a number. */
export type DraftCreditNote = DomainCommand<
  'DraftCreditNote',
  Omit<GrantCreditNote['data'], 'number'>
>;

/** Grants the drafted credit note `creditNoteId` under `number` in the rectifying series. */
export type GrantDraftCreditNote = DomainCommand<
  'GrantDraftCreditNote',
  ForInvoice & { creditNoteId: string; number: number; issueDate?: PlainDate }
>;

/** Annuls an invoice issued by mistake (see `InvoiceCancelled`); `cancelledAt` defaults to now. */
export type CancelInvoice = DomainCommand<
  'CancelInvoice',
  ForInvoice & { reason: string; cancelledAt?: string }
>;

/** `paidAt` (date or date-time) defaults to when the command was issued. */
export type RecordPayment = DomainCommand<
  'RecordPayment',
  ForInvoice & { paymentId: string; amountCents: Cents; method: PaymentMethod; paidAt?: string }
>;

/**
 * A receivable on the invoice's IBAN. `amountCents` defaults to what is owed and not already
 * being collected; `dueDate` to the invoice's due date.
 */
export type CreateDirectDebitEffect = DomainCommand<
  'CreateDirectDebitEffect',
  ForInvoice & { effectId: string; amountCents?: Cents; dueDate?: PlainDate }
>;

/** `collectedAt` defaults to when the command was issued. */
export type CollectEffect = DomainCommand<
  'CollectEffect',
  ForInvoice & { effectId: string; collectedAt?: string }
>;

/**
 * `returnedAt` defaults to when the command was issued; `reasonCode` is the bank's ISO return
 * reason (AM04, AC04…) when it gave one (rule 19).
 */
export type ReturnEffect = DomainCommand<
  'ReturnEffect',
  ForInvoice & { effectId: string; reason: string; reasonCode?: string | null; returnedAt?: string }
>;

/** The effect goes to the bank in remittance `remittanceId` (rule 18); at most once. */
export type RemitEffect = DomainCommand<
  'RemitEffect',
  ForInvoice & { effectId: string; remittanceId: string; remittedAt?: string }
>;

/** An operator lowers what a pending effect not yet remitted asks for (rule 17). */
export type ReduceEffect = DomainCommand<
  'ReduceEffect',
  ForInvoice & { effectId: string; amountCents: Cents; reason: string }
>;

/** An operator cancels a pending effect not yet remitted (rule 17). */
export type CancelEffect = DomainCommand<
  'CancelEffect',
  ForInvoice & { effectId: string; reason: string }
>;

/** Sets `amountCents` of this invoice's available credit against invoice `toInvoiceId`. */
export type TransferCreditOut = DomainCommand<
  'TransferCreditOut',
  ForInvoice & { transferId: string; toInvoiceId: string; amountCents: Cents }
>;

/**
 * Takes `amountCents` of invoice `fromInvoiceId`'s available credit as paid. `fromCustomerId`
 * is that invoice's customer, read by the handler: credit moves only within one customer.
 */
export type ApplyCreditIn = DomainCommand<
  'ApplyCreditIn',
  ForInvoice & {
    transferId: string;
    fromInvoiceId: string;
    fromCustomerId: string;
    amountCents: Cents;
  }
>;

export type InvoiceCommand =
  | DraftInvoice
  | IssueDraftInvoice
  | IssueInvoice
  | DraftCreditNote
  | GrantDraftCreditNote
  | GrantCreditNote
  | RecordPayment
  | CreateDirectDebitEffect
  | CollectEffect
  | ReturnEffect
  | RemitEffect
  | ReduceEffect
  | CancelEffect
  | TransferCreditOut
  | ApplyCreditIn
  | CancelInvoice;

export type InvoiceCommandType = InvoiceCommand['type'];
