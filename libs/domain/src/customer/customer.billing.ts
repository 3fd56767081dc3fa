import { invoiceSeriesProblem } from '../billing/billing.invoice-numbering';
import { RefusalReason } from '../shared/domain-error';
import { FieldChangeOf, changedFields } from '../shared/field-changes';
import { RuleCode } from '../shared/rule-codes';
import { Email } from '../values/email';
import { Iban } from '../values/iban';
import { CustomerRefusal } from './customer.errors';
import { patchText } from './customer.profile-patch';

export const PAYMENT_METHODS = ['direct_debit', 'transfer', 'card', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Rule R11: a billing day every month has, so no cycle is ever skipped. */
export const MIN_BILLING_DAY = 1;
export const MAX_BILLING_DAY = 28;

/** The customer's billing tab, as `PUT /customers/:id/billing-settings` sets it. */
export interface BillingSettings {
  billingEnabled: boolean;
  paymentMethod: PaymentMethod | null;
  invoiceSeries: string | null;
  billingDay: number;
  /**
   * The customer-level IBAN, in full (views mask it). Billing charges the IBAN on the contract
   * signature instead (rule R4); this one does not change any signature.
   */
  iban: string | null;
  taxId: string | null;
  vatRatePercent: number;
  /** Extra recipients of invoice e-mails; unlike the main e-mail, may repeat across customers. */
  notifyEmails: string[];
  sendInvoiceEmail: boolean;
  sendPaymentEmail: boolean;
  /**
   * Rule 21: the issuer that invoices the customer; `null`: the issuer of its series (with one
   * issuer, the only one). Absent from settings recorded before issuers existed (read as null).
   */
  issuerId: string | null;
}

export type BillingSettingsInput = Partial<BillingSettings>;

export type BillingSettingsChange = FieldChangeOf<BillingSettings>;

/** What a newly registered customer has until someone sets its billing tab. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  billingEnabled: false,
  paymentMethod: null,
  invoiceSeries: null,
  billingDay: MIN_BILLING_DAY,
  iban: null,
  taxId: null,
  vatRatePercent: 21,
  notifyEmails: [],
  sendInvoiceEmail: false,
  sendPaymentEmail: false,
  issuerId: null,
};

export const BILLING_FIELDS = Object.keys(DEFAULT_BILLING_SETTINGS) as (keyof BillingSettings)[];

export function billingChanges(before: BillingSettings, after: BillingSettings) {
  return changedFields(before, after, BILLING_FIELDS);
}

/** Merges the given fields over the current ones and checks R4, R11 and R2 on them. */
export function patchBillingSettings(current: BillingSettings, input: BillingSettingsInput) {
  const problems: RefusalReason[] = [];
  const checked = <K extends keyof BillingSettings>(
    field: K,
    check: (value: BillingSettings[K]) => RefusalReason | null,
  ) => {
    const value = input[field];
    if (value === undefined) return current[field];
    const problem = check(value as BillingSettings[K]);
    if (problem) problems.push(problem);
    return problem ? current[field] : (value as BillingSettings[K]);
  };
  const settings: BillingSettings = {
    billingEnabled: input.billingEnabled ?? current.billingEnabled,
    paymentMethod: checked('paymentMethod', paymentMethodProblem),
    invoiceSeries: patchInvoiceSeries(current.invoiceSeries, input.invoiceSeries, problems),
    billingDay: checked('billingDay', billingDayProblem),
    iban: patchIban(current.iban, input.iban, problems),
    taxId: patchText(input.taxId, current.taxId),
    vatRatePercent: checked('vatRatePercent', vatRateProblem),
    notifyEmails: patchNotifyEmails(current.notifyEmails, input.notifyEmails, problems),
    sendInvoiceEmail: input.sendInvoiceEmail ?? current.sendInvoiceEmail,
    sendPaymentEmail: input.sendPaymentEmail ?? current.sendPaymentEmail,
    issuerId:
      input.issuerId === undefined ? (current.issuerId ?? null) : input.issuerId?.trim() || null,
  };
  return { settings, problems };
}

export function billingDayProblem(day: number): RefusalReason | null {
  if (Number.isInteger(day) && day >= MIN_BILLING_DAY && day <= MAX_BILLING_DAY) return null;
  return {
    code: RuleCode.billingDay,
    field: 'billingDay',
    message: `The billing day must be a whole day from ${MIN_BILLING_DAY} to ${MAX_BILLING_DAY} (so every month has it), got ${day}.`,
  };
}

function paymentMethodProblem(method: PaymentMethod | null): RefusalReason | null {
  if (method === null || PAYMENT_METHODS.includes(method)) return null;
  return {
    code: CustomerRefusal.invalidInput,
    field: 'paymentMethod',
    message: `Unknown payment method "${String(method)}"; use one of ${PAYMENT_METHODS.join(', ')}.`,
  };
}

function vatRateProblem(percent: number): RefusalReason | null {
  const twoDecimals =
    Number.isFinite(percent) && Math.abs(Math.round(percent * 100) - percent * 100) < 1e-6;
  if (twoDecimals && percent >= 0 && percent <= 100) return null;
  return {
    code: CustomerRefusal.invalidInput,
    field: 'vatRatePercent',
    message: `The VAT rate must be a percentage from 0 to 100 with at most two decimals, got ${percent}.`,
  };
}

/** Rule R8: the series the numbering will accept, checked by the numbering's own rule. */
function patchInvoiceSeries(
  current: string | null,
  input: string | null | undefined,
  problems: RefusalReason[],
) {
  const series = patchText(input, current);
  if (input === undefined || series === null) return series;
  const problem = invoiceSeriesProblem(series, 'invoiceSeries');
  if (problem === null) return series;
  problems.push(problem);
  return current;
}

function patchIban(
  current: string | null,
  input: string | null | undefined,
  problems: RefusalReason[],
) {
  if (input === undefined) return current;
  if (input === null || input.trim() === '') return null;
  const checked = Iban.check(input, 'iban');
  if (checked.ok) return checked.value.value;
  problems.push(checked.reason);
  return current;
}

/** Normalised, without blanks or repeats, in the order given. */
function patchNotifyEmails(
  current: string[],
  input: string[] | null | undefined,
  problems: RefusalReason[],
) {
  if (input === undefined) return current;
  if (input === null) return [];
  const emails: string[] = [];
  input.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const checked = Email.check(raw, `notifyEmails[${index}]`);
    if (!checked.ok) problems.push(checked.reason);
    else if (!emails.includes(checked.value.value)) emails.push(checked.value.value);
  });
  return emails;
}
