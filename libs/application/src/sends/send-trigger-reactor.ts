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
import { failedEvent, isEventFailure, ParkedEvent } from '@app/read-models';
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
  /** Events that occurred longer ago than this send nothing; 0 or unset: no limit. */
  maxEventAgeMs?: number;
}

/**
 * Rule 25's triggers: reads the log past its checkpoint (only the event types of `triggers`),
 * queues each event's messages on their own streams, then moves the checkpoint. Queueing is
 * idempotent (a message's id comes from its key, and a queued message is never queued
 * again), so a crash between the queueing and the checkpoint only queues nothing twice; no
 * event is skipped, since the checkpoint moves only past events handled. Another process
 * running the same reactor at once changes nothing either. Starts from the beginning of the
 * log, but an event older than `maxEventAgeMs` when handled sends nothing: news too late to be
 * news (a log written before sends existed does not mail years of past invoices; nor does an
 * outage longer than that, which the round's log line reports).
 *
 * One customer's bad data stops no one else's messages: an event whose reaction fails on its own
 * data (not a lost connection) is parked in `projection_parked_events` under
 * `SEND_TRIGGERS_CHECKPOINT` — listed by `GET /api/audit/projection-failures`, `/health` degraded
 * — and the reactor goes on; each round tries the parked events again first, and one that
 * queues its messages leaves the list. Nothing is skipped for good.
 */
export class SendTriggerReactor {
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly maxEventAgeMs: number;
  /** Triggering events passed over as too old, since this reactor was made. */
  staleEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly database: SqlDatabase,
    private readonly triggers: Readonly<Record<string, SendTrigger>> = SEND_TRIGGERS,
    options: SendTriggerReactorOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 200;
    this.maxEventAgeMs = options.maxEventAgeMs ?? 0;
  }

  /** Handles every triggering event past the checkpoint; answers how many messages it queued. */
  async runOnce(): Promise<number> {
    let queued = await this.retryParked();
    let checkpoint = await this.checkpoint();
    for (;;) {
      const events = await this.store.readAll({
        fromPosition: checkpoint,
        limit: this.batchSize,
        eventTypes: Object.keys(this.triggers),
      });
      for (const event of events) queued += await this.reactContained(event);
      if (events.length === 0) return queued;
      checkpoint = events[events.length - 1].position;
      await this.saveCheckpoint(checkpoint);
      if (events.length < this.batchSize) return queued;
    }
  }

  /** The events parked under this reactor, by position (oldest first). */
  async parkedPositions(): Promise<bigint[]> {
    const { rows } = await this.database.query<{ position: string }>(
      'SELECT position FROM projection_parked_events WHERE projection = $1 ORDER BY position',
      [SEND_TRIGGERS_CHECKPOINT],
    );
    return rows.map((row) => BigInt(row.position));
  }

  /** Reacts to `event`; a failure of its own parks it (a lost connection is thrown: retried). */
  private async reactContained(event: RecordedEvent): Promise<number> {
    try {
      return await this.react(event);
    } catch (error) {
      if (!isEventFailure(error)) throw error;
      await this.park(failedEvent(SEND_TRIGGERS_CHECKPOINT, event, error));
      return 0;
    }
  }

  /** Each parked event tried again: queued → unparked; failing again → its attempt counted. */
  private async retryParked(): Promise<number> {
    let queued = 0;
    for (const position of await this.parkedPositions()) {
      const [event] = await this.store.readAll({ fromPosition: position - 1n, limit: 1 });
      if (event === undefined || event.position !== position) continue;
      try {
        queued += await this.react(event);
      } catch (error) {
        if (!isEventFailure(error)) throw error;
        await this.park(failedEvent(SEND_TRIGGERS_CHECKPOINT, event, error));
        continue;
      }
      await this.database.query(
        'DELETE FROM projection_parked_events WHERE projection = $1 AND position = $2',
        [SEND_TRIGGERS_CHECKPOINT, position.toString()],
      );
    }
    return queued;
  }

  /** Parks the event, or (already parked) keeps its new error and counts one more attempt. */
  private async park({ event, errorCode, errorMessage }: ParkedEvent): Promise<void> {
    await this.database.query(
      `INSERT INTO projection_parked_events
         (projection, position, event_id, stream_id, revision, event_type, error_code, error_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (projection, position) DO UPDATE SET error_code = EXCLUDED.error_code,
         error_message = EXCLUDED.error_message, attempts = projection_parked_events.attempts + 1,
         last_attempt_at = now()`,
      [
        SEND_TRIGGERS_CHECKPOINT,
        event.position.toString(),
        event.id,
        event.stream,
        event.revision.toString(),
        event.type,
        errorCode,
        errorMessage,
      ],
    );
  }

  private async react(event: RecordedEvent): Promise<number> {
    const trigger = this.triggers[event.type];
    if (trigger === undefined) return 0;
    if (this.tooOld(event)) {
      this.staleEvents += 1;
      return 0;
    }
    const customerId = trigger.customerIdOf(event);
    const customer = await loadState(this.store, customerStream(customerId), customerDecider);
    if (!isRegistered(customer)) return 0;
    let queued = 0;
    for (const draft of trigger.messagesFor(event, customer as RegisteredCustomer))
      queued += await this.queue(event, customerId, draft);
    return queued;
  }

  private tooOld(event: RecordedEvent): boolean {
    if (this.maxEventAgeMs <= 0) return false;
    const occurredAt = Date.parse(event.metadata.occurredAt);
    return this.now().getTime() - occurredAt > this.maxEventAgeMs;
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
