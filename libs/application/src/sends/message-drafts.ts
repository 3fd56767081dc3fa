import { createHash } from 'node:crypto';
import { RegisteredCustomer, SendChannel, SendTemplate } from '@app/domain';

/** A message a trigger asks for, before it is queued. */
export interface MessageDraft {
  channel: SendChannel;
  recipient: string;
  template: SendTemplate;
  params: Record<string, string>;
  /** Names the message for good: the same key is queued once, whoever asks again. */
  idempotencyKey: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The message's id (a UUID, so its stream's name) derived from its idempotency key. */
export function messageIdOf(idempotencyKey: string): string {
  const hex = sha256(`send:${idempotencyKey}`);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The key of one message for one recipient: what caused it, the channel, and a digest of the
 * recipient (the key stands in the log in clear; the address is sealed apart).
 */
export const idempotencyKeyOf = (cause: string, channel: SendChannel, recipient: string): string =>
  `${cause}:${channel}:${sha256(recipient.trim().toLowerCase()).slice(0, 16)}`;

const unique = (values: readonly (string | null)[]): string[] => {
  const seen = new Map<string, string>();
  for (const value of values) {
    const trimmed = value?.trim() ?? '';
    if (trimmed !== '' && !seen.has(trimmed.toLowerCase()))
      seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
};

/**
 * Who gets the customer's e-mails (rule 25, seed 002: "para que el sistema pueda enviar los
 * e-mails configurados, debe existir un correo electrónico"): the customer's contact e-mail, the
 * billing settings' e-mails to notify, and every contact person with an e-mail who consented to
 * e-mails (`consents.email`). Each address once, whatever its case.
 */
export const emailRecipientsOf = (customer: RegisteredCustomer): string[] =>
  unique([
    customer.profile.email,
    ...customer.billing.notifyEmails,
    ...customer.contacts
      .filter((contact) => contact.consents.email)
      .map((contact) => contact.email),
  ]);

/**
 * Who gets the customer's SMS: only contact persons with a phone who consented to SMS
 * (`consents.sms`); the customer's own phones carry no consent, so they get none.
 */
export const smsRecipientsOf = (customer: RegisteredCustomer): string[] =>
  unique(
    customer.contacts.filter((contact) => contact.consents.sms).map((contact) => contact.phone),
  );

/** One draft per recipient of the channel, keyed by `cause`. */
export const draftsFor = (
  customer: RegisteredCustomer,
  channel: SendChannel,
  cause: string,
  template: SendTemplate,
  params: Record<string, string>,
): MessageDraft[] =>
  (channel === 'email' ? emailRecipientsOf(customer) : smsRecipientsOf(customer)).map(
    (recipient) => ({
      channel,
      recipient,
      template,
      params,
      idempotencyKey: idempotencyKeyOf(cause, channel, recipient),
    }),
  );
