import { DomainCommand } from '../shared/decider';
import { MessageQueued } from './send.events';

/** Queue the message (its id derived from its idempotency key): twice is once. */
export type QueueMessage = DomainCommand<'QueueMessage', Omit<MessageQueued['data'], 'queuedAt'>>;

/** Take the message to deliver it now, for `leaseMs` at most. */
export type ClaimMessageDelivery = DomainCommand<
  'ClaimMessageDelivery',
  { messageId: string; leaseMs: number }
>;

export type RecordMessageSent = DomainCommand<
  'RecordMessageSent',
  { messageId: string; attempt: number; providerMessageId: string | null }
>;

/** When a failed message is tried again, and how many attempts it gets. */
export interface SendRetryPolicy {
  /** The wait after the first failure; doubled after each next one, at most `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export type RecordMessageDeliveryFailure = DomainCommand<
  'RecordMessageDeliveryFailure',
  { messageId: string; attempt: number; error: string; retry: SendRetryPolicy }
>;

export type SendCommand =
  QueueMessage | ClaimMessageDelivery | RecordMessageSent | RecordMessageDeliveryFailure;
