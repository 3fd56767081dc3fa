import { given } from '../shared/testing/decider-specification';
import { SendCommand, SendRetryPolicy } from './send.commands';
import { retryDelayMs, sendDecider, SendRefusal } from './send.decider';
import { MessageQueued, SendEvent } from './send.events';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T10:00:30.000Z';
const T2 = '2026-03-01T10:05:00.000Z';
const ID = 'message-1';
const CUSTOMER = 'customer-1';
const RETRY: SendRetryPolicy = { initialDelayMs: 60_000, maxDelayMs: 600_000, maxAttempts: 3 };

const queuedData: Omit<MessageQueued['data'], 'queuedAt'> = {
  messageId: ID,
  customerId: CUSTOMER,
  channel: 'email',
  recipient: 'ana@example.com',
  template: 'invoice-issued',
  params: { invoiceId: 'invoice-1' },
  idempotencyKey: 'invoice-issued:invoice-1:ana@example.com',
  source: { eventId: 'event-1', type: 'InvoiceIssued', stream: 'invoice-invoice-1' },
};
const queue: SendCommand = { type: 'QueueMessage', data: queuedData, metadata: { at: T0 } };
const queued: SendEvent = { type: 'MessageQueued', data: { ...queuedData, queuedAt: T0 } };
const claim = (at: string, leaseMs = 60_000): SendCommand => ({
  type: 'ClaimMessageDelivery',
  data: { messageId: ID, leaseMs },
  metadata: { at },
});
const claimed = (attempt: number, at: string, leaseUntil: string): SendEvent => ({
  type: 'MessageDeliveryClaimed',
  data: { messageId: ID, customerId: CUSTOMER, attempt, claimedAt: at, leaseUntil },
});
const recordSent = (attempt: number, at = T1): SendCommand => ({
  type: 'RecordMessageSent',
  data: { messageId: ID, attempt, providerMessageId: 'provider-1' },
  metadata: { at },
});
const recordFailure = (attempt: number, at = T1): SendCommand => ({
  type: 'RecordMessageDeliveryFailure',
  data: { messageId: ID, attempt, error: 'connection refused', retry: RETRY },
  metadata: { at },
});
const attemptFailed = (attempt: number, at: string, nextAttemptAt: string): SendEvent => ({
  type: 'MessageDeliveryAttemptFailed',
  data: {
    messageId: ID,
    customerId: CUSTOMER,
    attempt,
    error: 'connection refused',
    failedAt: at,
    nextAttemptAt,
  },
});
const sent = (attempt: number, at = T1): SendEvent => ({
  type: 'MessageSent',
  data: {
    messageId: ID,
    customerId: CUSTOMER,
    attempt,
    sentAt: at,
    providerMessageId: 'provider-1',
  },
});

const spec = given(sendDecider);

describe('a message (rule 25)', () => {
  describe('queueing', () => {
    it('queues a new message', () => spec([]).when(queue).then([queued]));
    it('queues it once: the same key again changes nothing', () =>
      spec([queued]).when(queue).thenNothingHappens());
    it('refuses a message without a recipient', () => {
      spec([])
        .when({ ...queue, data: { ...queuedData, recipient: ' ' } } as SendCommand)
        .thenRefuses(SendRefusal.invalidInput, { details: [{ field: 'recipient' }] });
    });
  });

  describe('claiming', () => {
    it('claims a queued message as attempt 1 with a lease', () =>
      spec([queued])
        .when(claim(T0))
        .then([claimed(1, T0, '2026-03-01T10:01:00.000Z')]));
    it('does not claim a message another worker holds under a live lease', () =>
      spec([queued, claimed(1, T0, '2026-03-01T10:01:00.000Z')])
        .when(claim(T1))
        .thenNothingHappens());
    it('claims again, as the next attempt, once the lease ran out (the worker died)', () =>
      spec([queued, claimed(1, T0, '2026-03-01T10:01:00.000Z')])
        .when(claim(T2))
        .then([claimed(2, T2, '2026-03-01T10:06:00.000Z')]));
    it('does not claim before the next attempt is due', () =>
      spec([queued, claimed(1, T0, T1), attemptFailed(1, T0, T2)])
        .when(claim(T1))
        .thenNothingHappens());
    it('never sends a sent message again', () =>
      spec([queued, claimed(1, T0, T1), sent(1)])
        .when(claim(T2))
        .thenNothingHappens());
    it('refuses an unknown message', () => {
      spec([]).when(claim(T0)).thenRefuses(SendRefusal.notFound);
    });
  });

  describe('recording the outcome', () => {
    const inFlight = [queued, claimed(1, T0, '2026-03-01T10:01:00.000Z')];
    it('records it sent', () =>
      spec(inFlight)
        .when(recordSent(1))
        .then([sent(1)]));
    it('records sent once: a late outcome of another attempt changes nothing', () =>
      spec([...inFlight, sent(1)])
        .when(recordSent(1, T2))
        .thenNothingHappens());
    it('a failed attempt is tried again after the initial delay', () =>
      spec(inFlight)
        .when(recordFailure(1))
        .then([attemptFailed(1, T1, '2026-03-01T10:01:30.000Z')]));
    it('a failure of an older attempt changes nothing', () =>
      spec([...inFlight, claimed(2, T2, T2)])
        .when(recordFailure(1))
        .thenNothingHappens());
    it('gives up after the last attempt allowed', () =>
      spec([
        ...inFlight,
        attemptFailed(1, T0, T0),
        claimed(2, T0, T1),
        attemptFailed(2, T0, T0),
        claimed(3, T0, T1),
      ])
        .when(recordFailure(3))
        .then([
          {
            type: 'MessageFailed',
            data: {
              messageId: ID,
              customerId: CUSTOMER,
              attempts: 3,
              error: 'connection refused',
              failedAt: T1,
            },
          },
        ]));
  });

  describe('the backoff', () => {
    it('doubles from the initial delay and stops growing at the cap', () =>
      expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, RETRY))).toEqual([
        60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
      ]));
  });

  describe('its state', () => {
    it('is sent with its attempts counted', () =>
      expect(spec([queued, claimed(1, T0, T1), sent(1)]).state()).toMatchObject({
        status: 'sent',
        attempts: 1,
      }));
  });
});
