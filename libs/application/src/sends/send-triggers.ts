import {
  DunningStepApplied,
  EffectCollected,
  eurosOf,
  InvoiceIssued,
  PaymentRecorded,
  PortalPasswordRegenerated,
  RegisteredCustomer,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { draftsFor, MessageDraft } from './message-drafts';

/**
 * What one event of the log asks to send: the customer it concerns (read from its stream when
 * the event is handled, so the billing settings and consents in force then decide) and the
 * messages for that customer. None: nothing is queued, and nothing is recorded.
 */
export interface SendTrigger {
  customerIdOf(event: RecordedEvent): string;
  messagesFor(event: RecordedEvent, customer: RegisteredCustomer): MessageDraft[];
}

const dataOf = <E extends { data: unknown }>(event: RecordedEvent) => event.data as E['data'];

/** The issued invoice, PDF attached: only with the billing setting `sendInvoiceEmail`. */
const invoiceIssued: SendTrigger = {
  customerIdOf: (event) => dataOf<InvoiceIssued>(event).customerId,
  messagesFor(event, customer) {
    if (!customer.billing.sendInvoiceEmail) return [];
    const invoice = dataOf<InvoiceIssued>(event);
    return draftsFor(customer, 'email', `invoice-issued:${invoice.invoiceId}`, 'invoice-issued', {
      invoiceId: invoice.invoiceId,
      number: invoice.formatted,
      total: eurosOf(invoice.totals.totalCents),
      dueDate: invoice.dueDate,
    });
  },
};

/** A payment receipt: only with the billing setting `sendPaymentEmail`. */
const paymentReceipt = (
  idOf: (event: RecordedEvent) => string,
  dateOf: (event: RecordedEvent) => string,
): SendTrigger => ({
  customerIdOf: (event) => dataOf<PaymentRecorded>(event).customerId,
  messagesFor(event, customer) {
    if (!customer.billing.sendPaymentEmail) return [];
    const payment = dataOf<PaymentRecorded | EffectCollected>(event);
    return draftsFor(customer, 'email', `payment-receipt:${idOf(event)}`, 'payment-receipt', {
      invoiceId: payment.invoiceId,
      amount: eurosOf(payment.amountCents),
      paidAt: dateOf(event).slice(0, 10),
    });
  },
});

/** Each dunning step (rule R20) by e-mail and by SMS, to those who consented to each. */
const dunningStep: SendTrigger = {
  customerIdOf: (event) => dataOf<DunningStepApplied>(event).customerId,
  messagesFor(event, customer) {
    const step = dataOf<DunningStepApplied>(event);
    const cause = `dunning-step:${event.id}`;
    const params = {
      step: step.step,
      owed: eurosOf(step.owedCents),
      daysOverdue: String(step.daysOverdue),
      asOf: step.asOf,
    };
    return [
      ...draftsFor(customer, 'email', cause, 'dunning-step', params),
      ...draftsFor(customer, 'sms', cause, 'dunning-step', params),
    ];
  },
};

/**
 * The portal password (rule 26) for a regeneration: to the customer's contact e-mail only (the
 * portal's login), the password itself held by `SendSecrets` under `portalPasswordSecretKey`.
 */
export function portalPasswordMessage(
  customer: RegisteredCustomer,
  regenerationId: string,
): MessageDraft[] {
  const email = customer.profile.email?.trim() ?? '';
  if (email === '') return [];
  const secretKey = portalPasswordSecretKey(regenerationId);
  return [
    {
      channel: 'email',
      recipient: email,
      template: 'portal-password',
      params: { secretKey },
      idempotencyKey: secretKey,
    },
  ];
}

/**
 * Where `SendSecrets` holds the password of a regeneration until it is sent: the idempotency key
 * of the message that carries it (so a secret left behind by a crash finds its message).
 */
export const portalPasswordSecretKey = (regenerationId: string): string =>
  `portal-password:${regenerationId}`;

/** A regenerated portal password (rule 26), to the contact e-mail the customer logs in with. */
const portalPassword: SendTrigger = {
  customerIdOf: (event) => dataOf<PortalPasswordRegenerated>(event).customerId,
  messagesFor: (event, customer) =>
    portalPasswordMessage(customer, dataOf<PortalPasswordRegenerated>(event).regenerationId),
};

/** Event type → the messages it sends. A new trigger is one entry. */
export const SEND_TRIGGERS: Readonly<Record<string, SendTrigger>> = {
  InvoiceIssued: invoiceIssued,
  PaymentRecorded: paymentReceipt(
    (event) => dataOf<PaymentRecorded>(event).paymentId,
    (event) => dataOf<PaymentRecorded>(event).paidAt,
  ),
  EffectCollected: paymentReceipt(
    (event) => dataOf<EffectCollected>(event).effectId,
    (event) => dataOf<EffectCollected>(event).collectedAt,
  ),
  DunningStepApplied: dunningStep,
  PortalPasswordRegenerated: portalPassword,
};
