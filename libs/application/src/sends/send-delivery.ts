import { randomUUID } from 'node:crypto';
import {
  QueuedMessage,
  SendChannel,
  SendCommand,
  sendDecider,
  SendRetryPolicy,
  SendState,
  sendStream,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { sendsDue } from '@app/read-models';
import { DataSource } from 'typeorm';
import { CommandContext } from '../commands/command-context';
import { decideAndAppend } from '../commands/decide-and-append';
import { loadState } from '../commands/load-state';
import { messageIdOf } from './message-drafts';
import { MessageTransport, OutgoingMessage } from './outgoing-message';
import { SendSecretUnavailableError } from './send-secrets';
import { MessageNotReadyError, renderMessage, SendRenderingSources } from './send-templates';

export type MessageTransports = Readonly<Record<SendChannel, MessageTransport>>;

export interface SendDeliveryOptions {
  retry: SendRetryPolicy;
  /** How long a claimed message is another worker's before it may be taken again. */
  leaseMs: number;
  /** Messages per round at most. */
  batchSize?: number;
  now?: () => Date;
}

/** What became of one message in a round. */
export type DeliveryOutcome =
  'sent' | 'failed attempt' | 'given up' | 'not ready' | 'not due' | 'taken by another worker';

/**
 * Rule 25's delivery, at least once: each message due is rendered, claimed on its stream
 * (`MessageDeliveryClaimed`, with a lease), handed to its channel's transport, and its outcome
 * recorded (`MessageSent`, or `MessageDeliveryAttemptFailed` and a later attempt, or
 * `MessageFailed` after the last). A worker that dies after claiming leaves the lease to run
 * out: the message is sent again (the same `Message-ID` and key), never lost. The read model
 * only finds the candidates; each step is decided on the message's stream.
 */
export class SendDelivery {
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: DataSource,
    private readonly transports: MessageTransports,
    private readonly sources: SendRenderingSources,
    private readonly options: SendDeliveryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** One round: every message due, one after the other; a failure stays with its message. */
  async deliverDue(
    onError?: (messageId: string, error: unknown) => void,
  ): Promise<Map<string, DeliveryOutcome>> {
    const due = await sendsDue(
      this.readModels,
      this.now().toISOString(),
      this.options.batchSize ?? 50,
    );
    const outcomes = new Map<string, DeliveryOutcome>();
    for (const messageId of due) {
      try {
        outcomes.set(messageId, await this.deliver(messageId));
      } catch (error) {
        onError?.(messageId, error);
      }
    }
    return outcomes;
  }

  /** Delivers one message if it is due and no other worker holds it. */
  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const state = await loadState(this.store, sendStream(messageId), sendDecider);
    if (state.status !== 'queued' || !this.isDue(state)) return 'not due';
    const message = state.message;
    let outgoing: OutgoingMessage | Error;
    try {
      outgoing = await renderMessage(message, this.sources);
    } catch (error) {
      if (error instanceof MessageNotReadyError) return 'not ready';
      outgoing = error as Error;
    }
    const attempt = await this.claim(messageId);
    if (attempt === null) return 'taken by another worker';
    if (outgoing instanceof Error) {
      const permanent = outgoing instanceof SendSecretUnavailableError;
      return this.failed(message, attempt, outgoing, permanent);
    }
    let receipt;
    try {
      receipt = await this.transports[message.channel].send(outgoing);
    } catch (error) {
      return this.failed(message, attempt, error as Error, false);
    }
    await this.decide(messageId, {
      type: 'RecordMessageSent',
      data: { messageId, attempt, providerMessageId: receipt.providerMessageId },
      metadata: { at: this.now().toISOString() },
    });
    await this.releaseSecret(message);
    return 'sent';
  }

  /**
   * Forgets the secrets of messages already sent or given up (a worker died between recording
   * the outcome and forgetting): a secret is held under its message's idempotency key.
   */
  async releaseSecretsOfFinishedMessages(): Promise<number> {
    let released = 0;
    for (const key of await this.sources.secrets.heldKeys()) {
      const state = await loadState(this.store, sendStream(messageIdOf(key)), sendDecider);
      if (state.status !== 'sent' && state.status !== 'failed') continue;
      await this.sources.secrets.release(key);
      released += 1;
    }
    return released;
  }

  private isDue(state: Extract<SendState, { status: 'queued' }>): boolean {
    const at = this.now().toISOString();
    return at >= state.nextAttemptAt && (state.leaseUntil === null || at >= state.leaseUntil);
  }

  private async claim(messageId: string): Promise<number | null> {
    const result = await this.decide(messageId, {
      type: 'ClaimMessageDelivery',
      data: { messageId, leaseMs: this.options.leaseMs },
      metadata: { at: this.now().toISOString() },
    });
    const claimed = result.events.find((event) => event.type === 'MessageDeliveryClaimed');
    return claimed === undefined ? null : (claimed.data as { attempt: number }).attempt;
  }

  private async failed(
    message: QueuedMessage,
    attempt: number,
    error: Error,
    permanent: boolean,
  ): Promise<DeliveryOutcome> {
    const retry = permanent ? { ...this.options.retry, maxAttempts: 0 } : this.options.retry;
    const result = await this.decide(message.messageId, {
      type: 'RecordMessageDeliveryFailure',
      data: {
        messageId: message.messageId,
        attempt,
        error: (error.message || String(error)).slice(0, 500),
        retry,
      },
      metadata: { at: this.now().toISOString() },
    });
    const gaveUp = result.events.some((event) => event.type === 'MessageFailed');
    if (gaveUp) await this.releaseSecret(message);
    return gaveUp ? 'given up' : 'failed attempt';
  }

  private async releaseSecret(message: QueuedMessage): Promise<void> {
    if (message.template === 'portal-password')
      await this.sources.secrets.release(message.params.secretKey);
  }

  private decide(messageId: string, command: SendCommand) {
    return decideAndAppend(this.store, {
      aggregateId: messageId,
      stream: sendStream(messageId),
      decider: sendDecider,
      command,
      context: this.context(),
      expectedVersion: null,
    });
  }

  private context(): CommandContext {
    return {
      actor: 'system:sends',
      via: 'system',
      correlationId: randomUUID(),
      causationId: null,
      at: this.now().toISOString(),
    };
  }
}
