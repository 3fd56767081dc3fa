import { createHash, randomUUID } from 'node:crypto';
import {
  ChainRecord,
  isVerifactuChainEvent,
  SubmittedRecord,
  VerifactuChainEvent,
  VerifactuSubmission,
  verifactuChainStream,
  VerifactuSubmissionCommand,
  verifactuSubmissionDecider,
  VerifactuSubmissionsState,
  verifactuSubmissionStream,
} from '@app/domain';
import { EventStore } from '@app/event-store';
import { CommandContext } from '../../commands/command-context';
import { decideAndAppend } from '../../commands/decide-and-append';
import { foldState } from '../../commands/load-state';
import { AeatTransport } from './aeat-transport';
import {
  parseSuministroAnswer,
  SuministroAnswer,
  UnreadableAnswerError,
} from './respuesta-suministro';
import {
  InvoicingSoftware,
  MAX_RECORDS_PER_SUBMISSION,
  writeSuministroXml,
} from './suministro-xml';

export interface VerifactuSubmitterOptions {
  software: InvoicingSoftware;
  /** First wait before a failed submission is sent again (doubling, at most an hour). */
  retryInitialMs: number;
  /** Wait before a new submission after AEAT refused one whole (a SOAP Fault). */
  faultBackoffMs: number;
  /** The clock: the instant every command is decided at. */
  now?: () => Date;
}

/** What one round did for one issuer. */
export type SubmissionRound =
  | { kind: 'nothing to send' }
  | { kind: 'waiting'; until: string }
  | {
      kind: 'answered' | 'failed';
      submissionId: string;
      attempt: number;
      records: number;
    };

type Loaded = VerifactuSubmissionsState;

/**
 * Rule 22: sends an issuer's chain records to AEAT, one submission at a time, every step an
 * event of the issuer's submissions stream written through `decideAndAppend`:
 *
 * 1. a submission not yet answered is sent again first (the same records, rebuilt from the
 *    chain), once its retry time has come;
 * 2. otherwise the chain's records in no live submission (up to 1000, in chain order) are
 *    prepared as a new submission, once AEAT's requested wait has passed;
 * 3. `VerifactuSubmissionSent` is recorded, the request posted, and AEAT's answer recorded
 *    (`VerifactuSubmissionAnswered`), or the failure (`VerifactuSubmissionFailed`: timeout,
 *    network, 5xx, an unreadable answer, a server Fault), to be sent again later.
 *
 * A crash between the post and the recorded answer leaves the submission in flight: the next
 * round sends the same records again, and AEAT answers those it already holds as duplicates
 * (3000), which count as accepted. Without a transport (not configured) nothing is sent and the
 * records stay pending.
 */
export class VerifactuSubmitter {
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly transport: AeatTransport | null,
    private readonly options: VerifactuSubmitterOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  /** One round for the issuer: at most one submission posted. */
  async submitFor(issuerId: string): Promise<SubmissionRound> {
    if (this.transport === null) return { kind: 'nothing to send' };
    const state = await this.load(issuerId);
    const at = this.now().toISOString();
    const inFlight = state.inFlight === null ? undefined : state.submissions.get(state.inFlight);
    if (inFlight !== undefined) {
      if (inFlight.nextAttemptAt !== null && at < inFlight.nextAttemptAt)
        return { kind: 'waiting', until: inFlight.nextAttemptAt };
      return this.send(issuerId, inFlight, await this.chainRecords(issuerId));
    }
    if (state.nextSubmissionAt !== null && at < state.nextSubmissionAt)
      return { kind: 'waiting', until: state.nextSubmissionAt };
    return this.prepareAndSend(issuerId);
  }

  private async prepareAndSend(issuerId: string): Promise<SubmissionRound> {
    const chain = await this.chainRecords(issuerId);
    const submissionId = randomUUID();
    const result = await this.decide(issuerId, (state) => {
      // Another process prepared one meanwhile (this is decided again on its state): it is
      // that one's to send.
      if (state.inFlight !== null) return [];
      const pending = chain.filter((record) => !state.held.has(record.recordId));
      if (pending.length === 0) return [];
      const records = pending.slice(0, MAX_RECORDS_PER_SUBMISSION);
      return {
        type: 'PrepareVerifactuSubmission',
        data: {
          submissionId,
          issuerId,
          records: records.map(submittedRecordOf),
          xmlDigest: sha256(this.requestXml(records)),
        },
        metadata: { at: this.now().toISOString() },
      };
    });
    const submission = result.state.submissions.get(submissionId);
    if (submission === undefined) return { kind: 'nothing to send' };
    return this.send(issuerId, submission, chain);
  }

  private async send(
    issuerId: string,
    submission: VerifactuSubmission,
    chain: readonly ChainRecord[],
  ): Promise<SubmissionRound> {
    const transport = this.transport as AeatTransport;
    const byId = new Map(chain.map((record) => [record.recordId, record]));
    const records = submission.records.map((held) => {
      const record = byId.get(held.recordId);
      if (record === undefined)
        throw new Error(
          `record ${held.recordId} of submission ${submission.submissionId} is not in the chain`,
        );
      return record;
    });
    const xml = this.requestXml(records);
    const { submissionId } = submission;
    const sentResult = await this.decide(issuerId, (state) => {
      // Another process answered it, or failed it and scheduled the next attempt, meanwhile
      // (this is decided again on its state): nothing left for this round.
      const current = state.submissions.get(submissionId);
      const at = this.now().toISOString();
      if (current === undefined || current.answered) return [];
      if (current.nextAttemptAt !== null && at < current.nextAttemptAt) return [];
      return { type: 'RecordVerifactuSubmissionSent', data: { submissionId }, metadata: { at } };
    });
    if (sentResult.events.length === 0) return { kind: 'nothing to send' };
    const attempt = sentResult.state.submissions.get(submissionId)?.attempts ?? 0;
    const outcome = await transport.post(xml);
    const answer = outcome.kind === 'answered' ? readAnswer(outcome.body) : outcome.error;
    const round = { submissionId, attempt, records: records.length };
    if (typeof answer === 'string') {
      // Answered meanwhile by another process's post of it: that answer stands.
      await this.decide(issuerId, (state) =>
        state.submissions.get(submissionId)?.answered
          ? []
          : {
              type: 'RecordVerifactuSubmissionFailure',
              data: { submissionId, error: answer, retryInitialMs: this.options.retryInitialMs },
              metadata: { at: this.now().toISOString() },
            },
      );
      return { kind: 'failed', ...round };
    }
    await this.decide(issuerId, {
      type: 'RecordVerifactuSubmissionAnswer',
      data: {
        submissionId,
        answer:
          answer.kind === 'fault'
            ? answer
            : {
                kind: 'answer',
                state: answer.state,
                csv: answer.csv,
                waitSeconds: answer.waitSeconds,
                lines: answer.records,
              },
        faultBackoffMs: this.options.faultBackoffMs,
      },
      metadata: { at: this.now().toISOString() },
    });
    return { kind: 'answered', ...round };
  }

  private requestXml(records: readonly ChainRecord[]): string {
    const latest = records[records.length - 1];
    return writeSuministroXml({
      issuer: { name: latest.issuerName, nif: latest.invoice.issuerNif },
      records,
      software: this.options.software,
    });
  }

  private async load(issuerId: string): Promise<Loaded> {
    return foldState(
      await this.store.readStream(verifactuSubmissionStream(issuerId)),
      verifactuSubmissionDecider,
    );
  }

  /** The issuer's chain, in generation order. */
  private async chainRecords(issuerId: string): Promise<ChainRecord[]> {
    const events = await this.store.readStream(verifactuChainStream(issuerId));
    return events
      .filter(isVerifactuChainEvent)
      .map((event) => (event as unknown as VerifactuChainEvent).data);
  }

  private decide(
    issuerId: string,
    command:
      | VerifactuSubmissionCommand
      | ((state: Loaded) => VerifactuSubmissionCommand | VerifactuSubmissionCommand[]),
  ) {
    return decideAndAppend(this.store, {
      aggregateId: issuerId,
      stream: verifactuSubmissionStream(issuerId),
      decider: verifactuSubmissionDecider,
      command,
      context: this.context(),
      expectedVersion: null,
    });
  }

  private context(): CommandContext {
    const id = randomUUID();
    return {
      actor: 'system:verifactu-submitter',
      via: 'system',
      correlationId: id,
      causationId: null,
      at: this.now().toISOString(),
    };
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const submittedRecordOf = (record: ChainRecord): SubmittedRecord => ({
  recordId: record.recordId,
  kind: record.kind,
  issuerNif: record.invoice.issuerNif,
  numSerie: record.invoice.numSerie,
  issueDate: record.invoice.issueDate,
});

/**
 * AEAT's answer, or why it does not count as one (a string: the submission is sent again): an
 * unreadable body, or a Fault on AEAT's side (`Server`), which is not about the request.
 */
function readAnswer(body: string): SuministroAnswer | string {
  try {
    const answer = parseSuministroAnswer(body);
    if (answer.kind === 'fault' && /server/i.test(answer.code))
      return `AEAT fault ${answer.code}: ${answer.message}`;
    return answer;
  } catch (error) {
    if (error instanceof UnreadableAnswerError) return `unreadable answer: ${error.message}`;
    throw error;
  }
}
