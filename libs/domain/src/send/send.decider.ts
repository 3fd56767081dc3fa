import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import {
  ClaimMessageDelivery,
  QueueMessage,
  RecordMessageDeliveryFailure,
  RecordMessageSent,
  SendCommand,
  SendRetryPolicy,
} from './send.commands';
import { MessageQueued, SendEvent } from './send.events';

export const SendRefusal = {
  notFound: 'SEND.NOT_FOUND',
  invalidInput: 'SEND.INVALID_INPUT',
} as const;

export type QueuedMessage = MessageQueued['data'];

/** Where one message stands: queued (maybe claimed by a worker until `leaseUntil`), sent or failed. */
export type SendState =
  | { status: 'none' }
  | {
      status: 'queued';
      message: QueuedMessage;
      attempts: number;
      nextAttemptAt: string;
      leaseUntil: string | null;
    }
  | { status: 'sent'; message: QueuedMessage; attempts: number; sentAt: string }
  | { status: 'failed'; message: QueuedMessage; attempts: number; failedAt: string };

export const initialSendState: SendState = { status: 'none' };

const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

/** The wait before attempt `attempt + 1`: doubling from the initial delay, capped. */
export function retryDelayMs(attempt: number, retry: SendRetryPolicy): number {
  const doubled = retry.initialDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(doubled, retry.maxDelayMs);
}

function queue(command: QueueMessage, state: SendState): SendEvent[] {
  if (state.status !== 'none') return [];
  const { recipient, idempotencyKey } = command.data;
  if (recipient.trim() === '' || idempotencyKey.trim() === '')
    throw new DomainError(SendRefusal.invalidInput, 'A message needs a recipient and a key', [
      {
        code: SendRefusal.invalidInput,
        field: recipient.trim() === '' ? 'recipient' : 'idempotencyKey',
        message: 'must not be empty',
      },
    ]);
  return [{ type: 'MessageQueued', data: { ...command.data, queuedAt: command.metadata.at } }];
}

/** Only a queued message whose time has come and that no live lease holds is claimed. */
function claim(command: ClaimMessageDelivery, state: SendState): SendEvent[] {
  if (state.status === 'none') throw notFound(command.data.messageId);
  if (state.status !== 'queued') return [];
  const { at } = command.metadata;
  if (at < state.nextAttemptAt) return [];
  if (state.leaseUntil !== null && at < state.leaseUntil) return [];
  return [
    {
      type: 'MessageDeliveryClaimed',
      data: {
        messageId: state.message.messageId,
        customerId: state.message.customerId,
        attempt: state.attempts + 1,
        claimedAt: at,
        leaseUntil: plus(at, command.data.leaseMs),
      },
    },
  ];
}

/** Sent once: an outcome recorded again, or late from an older attempt, changes nothing. */
function sent(command: RecordMessageSent, state: SendState): SendEvent[] {
  if (state.status === 'none') throw notFound(command.data.messageId);
  if (state.status === 'sent') return [];
  return [
    {
      type: 'MessageSent',
      data: {
        messageId: state.message.messageId,
        customerId: state.message.customerId,
        attempt: command.data.attempt,
        sentAt: command.metadata.at,
        providerMessageId: command.data.providerMessageId,
      },
    },
  ];
}

/** A failure of the current attempt: tried again later, or given up after the last one. */
function failure(command: RecordMessageDeliveryFailure, state: SendState): SendEvent[] {
  if (state.status === 'none') throw notFound(command.data.messageId);
  if (state.status !== 'queued' || command.data.attempt !== state.attempts) return [];
  const { at } = command.metadata;
  const { messageId, customerId } = state.message;
  const { attempt, error, retry } = command.data;
  if (attempt >= retry.maxAttempts)
    return [
      {
        type: 'MessageFailed',
        data: { messageId, customerId, attempts: attempt, error, failedAt: at },
      },
    ];
  return [
    {
      type: 'MessageDeliveryAttemptFailed',
      data: {
        messageId,
        customerId,
        attempt,
        error,
        failedAt: at,
        nextAttemptAt: plus(at, retryDelayMs(attempt, retry)),
      },
    },
  ];
}

function evolve(state: SendState, event: SendEvent): SendState {
  switch (event.type) {
    case 'MessageQueued':
      return {
        status: 'queued',
        message: event.data,
        attempts: 0,
        nextAttemptAt: event.data.queuedAt,
        leaseUntil: null,
      };
    case 'MessageDeliveryClaimed':
      return state.status === 'queued'
        ? { ...state, attempts: event.data.attempt, leaseUntil: event.data.leaseUntil }
        : state;
    case 'MessageDeliveryAttemptFailed':
      return state.status === 'queued'
        ? { ...state, nextAttemptAt: event.data.nextAttemptAt, leaseUntil: null }
        : state;
    case 'MessageSent':
      return state.status === 'none'
        ? state
        : {
            status: 'sent',
            message: state.message,
            attempts: Math.max(state.attempts, event.data.attempt),
            sentAt: event.data.sentAt,
          };
    case 'MessageFailed':
      return state.status === 'none'
        ? state
        : {
            status: 'failed',
            message: state.message,
            attempts: event.data.attempts,
            failedAt: event.data.failedAt,
          };
    default:
      return assertNever(event, 'send event');
  }
}

function decide(command: SendCommand, state: SendState): SendEvent[] {
  switch (command.type) {
    case 'QueueMessage':
      return queue(command, state);
    case 'ClaimMessageDelivery':
      return claim(command, state);
    case 'RecordMessageSent':
      return sent(command, state);
    case 'RecordMessageDeliveryFailure':
      return failure(command, state);
    default:
      return assertNever(command, 'send command');
  }
}

const notFound = (messageId: string) =>
  new DomainError(SendRefusal.notFound, `No message ${messageId} was queued`);

/** Rule 25: one message's life, queued → (claimed → failed attempt)* → sent | failed. */
export const sendDecider: Decider<SendCommand, SendEvent, SendState> = {
  initialState: initialSendState,
  evolve,
  decide,
};
