import { randomUUID } from 'node:crypto';
import { SqlDatabase } from '@app/database';
import {
  customerDecider,
  customerStream,
  isRegistered,
  RegisteredCustomer,
  sendDecider,
  sendStream,
} from '@app/domain';
import { EventStore, RecordedEvent } from '@app/event-store';
import { CommandContext } from '../commands/command-context';
import { decideAndAppend } from '../commands/decide-and-append';
import { loadState } from '../commands/load-state';
import { MessageDraft, messageIdOf } from './message-drafts';
import { SEND_TRIGGERS, SendTrigger } from './send-triggers';

/** The reactor's place in the log, kept beside the projections' (never reset by a rebuild). */
export const SEND_TRIGGERS_CHECKPOINT = 'sends-triggers';

export interface SendTriggerReactorOptions {
  batchSize?: number;
  now?: () => Date;
}

/**
 * Rule 25's triggers: reads the log past its checkpoint (only the event types of `triggers`),
 * queues each event's messages on their own streams, then moves the checkpoint. Queueing is
 * idempotent (a message's id comes from its key, and a queued message is never queued
 * again), so a crash between the queueing and the checkpoint only queues nothing twice; no
 * event is skipped, since the checkpoint moves only past events handled. Another process
 * running the same reactor at once changes nothing either. Starts from the beginning of the log.
 */
export class SendTriggerReactor {
  private readonly now: () => Date;
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly database: SqlDatabase,
    private readonly triggers: Readonly<Record<string, SendTrigger>> = SEND_TRIGGERS,
    options: SendTriggerReactorOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 200;
  }

  /** Handles every triggering event past the checkpoint; answers how many messages it queued. */
  async runOnce(): Promise<number> {
    let checkpoint = await this.checkpoint();
    let queued = 0;
    for (;;) {
      const events = await this.store.readAll({
        fromPosition: checkpoint,
        limit: this.batchSize,
        eventTypes: Object.keys(this.triggers),
      });
      for (const event of events) queued += await this.react(event);
      if (events.length === 0) return queued;
      checkpoint = events[events.length - 1].position;
      await this.saveCheckpoint(checkpoint);
      if (events.length < this.batchSize) return queued;
    }
  }

  private async react(event: RecordedEvent): Promise<number> {
    const trigger = this.triggers[event.type];
    if (trigger === undefined) return 0;
    const customerId = trigger.customerIdOf(event);
    const customer = await loadState(this.store, customerStream(customerId), customerDecider);
    if (!isRegistered(customer)) return 0;
    let queued = 0;
    for (const draft of trigger.messagesFor(event, customer as RegisteredCustomer))
      queued += await this.queue(event, customerId, draft);
    return queued;
  }

  private async queue(event: RecordedEvent, customerId: string, draft: MessageDraft) {
    const messageId = messageIdOf(draft.idempotencyKey);
    const result = await decideAndAppend(this.store, {
      aggregateId: messageId,
      stream: sendStream(messageId),
      decider: sendDecider,
      command: {
        type: 'QueueMessage',
        data: {
          messageId,
          customerId,
          ...draft,
          source: { eventId: event.id, type: event.type, stream: event.stream },
        },
        metadata: { at: this.now().toISOString() },
      },
      context: this.context(event),
      expectedVersion: null,
    });
    return result.events.length;
  }

  private context(event: RecordedEvent): CommandContext {
    return {
      actor: 'system:sends',
      via: 'system',
      correlationId: event.metadata.correlationId ?? randomUUID(),
      causationId: event.id,
      at: this.now().toISOString(),
    };
  }

  private async checkpoint(): Promise<bigint | undefined> {
    const { rows } = await this.database.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE name = $1',
      [SEND_TRIGGERS_CHECKPOINT],
    );
    return rows.length === 0 ? undefined : BigInt(rows[0].position);
  }

  private async saveCheckpoint(position: bigint): Promise<void> {
    await this.database.query(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(projection_checkpoints.position, EXCLUDED.position),
         updated_at = now()`,
      [SEND_TRIGGERS_CHECKPOINT, position.toString()],
    );
  }
}
