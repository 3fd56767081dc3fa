import { DomainEvent } from '../shared/decider';

/** How a message reaches the customer (rule 25). */
export type SendChannel = 'email' | 'sms';

export const SEND_CHANNELS = ['email', 'sms'] as const satisfies readonly SendChannel[];

/**
 * What a message says, rendered at delivery from its `params` (in Spanish). `portal-password`
 * carries no password: its `params.secretKey` names the secret held apart until it is sent.
 */
export type SendTemplate =
  'invoice-issued' | 'payment-receipt' | 'dunning-step' | 'portal-password';

/** The event that caused a message: where a reader of the log finds why it was sent. */
export interface SendSource {
  eventId: string;
  type: string;
  stream: string;
}

/**
 * Rule 25: one message for one recipient, queued once per `idempotencyKey` (the message's
 * id, and so its stream, is derived from it). `params` hold ids, numbers and amounts for the
 * template, never a secret.
 */
export type MessageQueued = DomainEvent<
  'MessageQueued',
  {
    messageId: string;
    customerId: string;
    channel: SendChannel;
    recipient: string;
    template: SendTemplate;
    params: Record<string, string>;
    idempotencyKey: string;
    source: SendSource;
    queuedAt: string;
  }
>;

/**
 * A worker took the message to deliver it (attempt `attempt`): no other takes it before
 * `leaseUntil`. A worker that dies before recording the outcome leaves the lease to run out,
 * and the message is delivered again (at least once, never lost).
 */
export type MessageDeliveryClaimed = DomainEvent<
  'MessageDeliveryClaimed',
  { messageId: string; customerId: string; attempt: number; claimedAt: string; leaseUntil: string }
>;

/** The attempt failed; the message is tried again from `nextAttemptAt` (growing waits). */
export type MessageDeliveryAttemptFailed = DomainEvent<
  'MessageDeliveryAttemptFailed',
  {
    messageId: string;
    customerId: string;
    attempt: number;
    error: string;
    failedAt: string;
    nextAttemptAt: string;
  }
>;

/** The transport accepted the message. */
export type MessageSent = DomainEvent<
  'MessageSent',
  {
    messageId: string;
    customerId: string;
    attempt: number;
    sentAt: string;
    providerMessageId: string | null;
  }
>;

/** Given up after the last attempt allowed failed. */
export type MessageFailed = DomainEvent<
  'MessageFailed',
  { messageId: string; customerId: string; attempts: number; error: string; failedAt: string }
>;

export type SendEvent =
  | MessageQueued
  | MessageDeliveryClaimed
  | MessageDeliveryAttemptFailed
  | MessageSent
  | MessageFailed;
export type SendEventType = SendEvent['type'];

const SEND_EVENT_TYPE_SET: Record<SendEventType, true> = {
  MessageQueued: true,
  MessageDeliveryClaimed: true,
  MessageDeliveryAttemptFailed: true,
  MessageSent: true,
  MessageFailed: true,
};

export const SEND_EVENT_TYPES = Object.keys(SEND_EVENT_TYPE_SET) as SendEventType[];

export const isSendEvent = (event: { type: string }): event is SendEvent =>
  Object.prototype.hasOwnProperty.call(SEND_EVENT_TYPE_SET, event.type);

/** The one place that names a message's stream: one per message. */
export const SEND_STREAM_PREFIX = 'send-';

export const sendStream = (messageId: string): string => SEND_STREAM_PREFIX + messageId;
