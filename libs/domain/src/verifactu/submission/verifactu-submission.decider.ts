import { assertNever, Decider } from '../../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { inputChecks } from '../../shared/input-checks';
import {
  AnswerLine,
  PrepareVerifactuSubmission,
  RecordVerifactuSubmissionAnswer,
  RecordVerifactuSubmissionFailure,
  RecordVerifactuSubmissionSent,
  VerifactuSubmissionCommand,
} from './verifactu-submission.commands';
import {
  MAX_RECORDS_PER_VERIFACTU_SUBMISSION,
  MAX_VERIFACTU_RETRY_MS,
  VerifactuSubmissionRefusal as Refusal,
} from './verifactu-submission.errors';
import {
  RecordVerdict,
  SubmittedRecord,
  VerifactuSubmissionAnswered,
  VerifactuSubmissionEvent,
  VerifactuSubmissionFailed,
  VerifactuSubmissionPrepared,
  VerifactuSubmissionSent,
} from './verifactu-submission.events';

/** AEAT's code for a record it already holds: the record was registered, so accepted. */
export const AEAT_DUPLICATE_RECORD = 3000;

export interface VerifactuSubmission {
  submissionId: string;
  records: readonly SubmittedRecord[];
  /** Times posted (`VerifactuSubmissionSent`). */
  attempts: number;
  answered: boolean;
  /** When a failed submission may be sent again; null: now. */
  nextAttemptAt: string | null;
}

/** An issuer's submissions: which records are held by a live one, and which is in flight. */
export interface VerifactuSubmissionsState {
  submissions: ReadonlyMap<string, VerifactuSubmission>;
  /** Record id → the submission holding it that AEAT did not refuse whole. */
  held: ReadonlyMap<string, string>;
  /** The submission prepared and not yet answered (sent again until it is), if any. */
  inFlight: string | null;
  /** No new submission before this instant (AEAT's `TiempoEsperaEnvio`, a Fault's backoff). */
  nextSubmissionAt: string | null;
}

const initialState: VerifactuSubmissionsState = {
  submissions: new Map(),
  held: new Map(),
  inFlight: null,
  nextSubmissionAt: null,
};

function evolve(
  state: VerifactuSubmissionsState,
  event: VerifactuSubmissionEvent,
): VerifactuSubmissionsState {
  switch (event.type) {
    case 'VerifactuSubmissionPrepared': {
      const { submissionId, records } = event.data;
      return {
        ...state,
        submissions: new Map(state.submissions).set(submissionId, {
          submissionId,
          records,
          attempts: 0,
          answered: false,
          nextAttemptAt: null,
        }),
        held: new Map([...state.held, ...records.map((r) => [r.recordId, submissionId] as const)]),
        inFlight: submissionId,
      };
    }
    case 'VerifactuSubmissionSent':
      return updated(state, event.data.submissionId, (s) => ({
        ...s,
        attempts: event.data.attempt,
        nextAttemptAt: null,
      }));
    case 'VerifactuSubmissionFailed':
      return updated(state, event.data.submissionId, (s) => ({
        ...s,
        nextAttemptAt: event.data.nextAttemptAt,
      }));
    case 'VerifactuSubmissionAnswered': {
      const next = updated(state, event.data.submissionId, (s) => ({ ...s, answered: true }));
      const held = new Map(next.held);
      if (event.data.outcome === 'Fault')
        for (const verdict of event.data.records) held.delete(verdict.recordId);
      return {
        ...next,
        held,
        inFlight: next.inFlight === event.data.submissionId ? null : next.inFlight,
        nextSubmissionAt: event.data.nextSubmissionAt,
      };
    }
    default:
      return assertNever(event, 'VERI*FACTU submission event');
  }
}

function updated(
  state: VerifactuSubmissionsState,
  submissionId: string,
  change: (submission: VerifactuSubmission) => VerifactuSubmission,
): VerifactuSubmissionsState {
  const submission = state.submissions.get(submissionId);
  if (submission === undefined) return state;
  return {
    ...state,
    submissions: new Map(state.submissions).set(submissionId, change(submission)),
  };
}

const { invalid, requireText } = inputChecks(Refusal.invalidInput);

const later = (at: string, ms: number): string => new Date(Date.parse(at) + ms).toISOString();
const isBefore = (at: string, limit: string | null): boolean =>
  limit !== null && Date.parse(at) < Date.parse(limit);

/**
 * Rule 22: the issuer's records not yet submitted go into one submission (at most 1000, in
 * chain order), only when none is in flight (a submission not answered is sent again first)
 * and AEAT's wait has passed; a record already in a live submission is refused, so none is
 * sent twice in two submissions.
 */
function prepare(
  command: PrepareVerifactuSubmission,
  state: VerifactuSubmissionsState,
): VerifactuSubmissionPrepared[] {
  const { data } = command;
  const problems: RefusalReason[] = [];
  const submissionId = requireText(
    data.submissionId,
    'submissionId',
    'Name the submission.',
    problems,
  );
  requireText(data.xmlDigest, 'xmlDigest', 'Give the digest of the request.', problems);
  if (data.records.length === 0) problems.push(invalid('records', 'A submission needs records.'));
  if (data.records.length > MAX_RECORDS_PER_VERIFACTU_SUBMISSION)
    problems.push(
      invalid(
        'records',
        `A submission takes at most ${MAX_RECORDS_PER_VERIFACTU_SUBMISSION} records, got ${data.records.length}.`,
      ),
    );
  const ids = data.records.map((record) => record.recordId);
  if (new Set(ids).size !== ids.length)
    problems.push(invalid('records', 'A record appears twice in the submission.'));
  refuseIfAny(problems);
  if (state.submissions.has(submissionId))
    throw new DomainError(Refusal.invalidInput, `Submission ${submissionId} exists already.`);
  if (state.inFlight !== null)
    throw new DomainError(
      Refusal.oneInFlight,
      `Submission ${state.inFlight} is not answered yet: it is sent again before another is prepared.`,
    );
  if (isBefore(command.metadata.at, state.nextSubmissionAt))
    throw new DomainError(
      Refusal.tooSoon,
      `AEAT takes the issuer's next submission from ${state.nextSubmissionAt}.`,
    );
  const taken = ids.filter((id) => state.held.has(id));
  if (taken.length > 0)
    throw DomainError.fromReasons(
      taken.map((id) => ({
        code: Refusal.recordAlreadySubmitted,
        target: id,
        message: `Record ${id} is in submission ${state.held.get(id)} already.`,
      })),
    );
  return [
    {
      type: 'VerifactuSubmissionPrepared',
      data: {
        submissionId,
        issuerId: data.issuerId,
        records: data.records,
        xmlDigest: data.xmlDigest,
        preparedAt: command.metadata.at,
      },
    },
  ];
}

function submissionToAnswer(state: VerifactuSubmissionsState, submissionId: string) {
  const submission = state.submissions.get(submissionId);
  if (submission === undefined)
    throw new DomainError(Refusal.notFound, `No submission ${submissionId}.`);
  return submission;
}

/** Posted once more: the same submission, the same records (attempt n). */
function sent(
  command: RecordVerifactuSubmissionSent,
  state: VerifactuSubmissionsState,
): VerifactuSubmissionSent[] {
  const submission = submissionToAnswer(state, command.data.submissionId);
  if (submission.answered)
    throw new DomainError(
      Refusal.alreadyAnswered,
      `Submission ${submission.submissionId} was answered: it is not sent again.`,
    );
  if (isBefore(command.metadata.at, submission.nextAttemptAt))
    throw new DomainError(
      Refusal.tooSoon,
      `Submission ${submission.submissionId} is sent again from ${submission.nextAttemptAt}.`,
    );
  return [
    {
      type: 'VerifactuSubmissionSent',
      data: {
        submissionId: submission.submissionId,
        attempt: submission.attempts + 1,
        sentAt: command.metadata.at,
      },
    },
  ];
}

const aeatDate = (isoDate: string) => isoDate.split('-').reverse().join('-');

/** The answer line about a record: same operation, issuer, number and date. */
const lineFor = (record: SubmittedRecord, lines: readonly AnswerLine[]) =>
  lines.find(
    (line) =>
      line.operation === (record.kind === 'registration' ? 'Alta' : 'Anulacion') &&
      line.issuerNif === record.issuerNif &&
      line.numSerie === record.numSerie &&
      line.issueDate === aeatDate(record.issueDate),
  );

function verdictOf(record: SubmittedRecord, line: AnswerLine | undefined): RecordVerdict {
  if (line === undefined)
    return {
      recordId: record.recordId,
      status: 'error',
      aeatState: null,
      errorCode: null,
      errorDescription: 'AEAT’s answer does not mention this record.',
    };
  const accepted = line.state !== 'Incorrecto' || line.errorCode === AEAT_DUPLICATE_RECORD;
  return {
    recordId: record.recordId,
    status: accepted ? 'accepted' : 'rejected',
    aeatState: line.state,
    errorCode: line.errorCode,
    errorDescription: line.errorDescription,
  };
}

/**
 * AEAT's answer: each record accepted (Correcto, AceptadoConErrores, or refused as a
 * duplicate, 3000: it holds it from an earlier send whose answer was lost) or rejected with its
 * code; a Fault refuses the whole request, its records in error and free for a new submission
 * after the backoff. An answer to a submission answered before changes nothing.
 */
function answered(
  command: RecordVerifactuSubmissionAnswer,
  state: VerifactuSubmissionsState,
): VerifactuSubmissionAnswered[] {
  const submission = submissionToAnswer(state, command.data.submissionId);
  if (submission.answered) return [];
  if (submission.attempts === 0)
    throw new DomainError(Refusal.notSent, `Submission ${submission.submissionId} was not sent.`);
  const { answer } = command.data;
  const at = command.metadata.at;
  const common = {
    submissionId: submission.submissionId,
    attempt: submission.attempts,
    answeredAt: at,
  };
  if (answer.kind === 'fault')
    return [
      {
        type: 'VerifactuSubmissionAnswered',
        data: {
          ...common,
          outcome: 'Fault',
          csv: null,
          fault: { code: answer.code, message: answer.message },
          records: submission.records.map((record) => ({
            recordId: record.recordId,
            status: 'error',
            aeatState: null,
            errorCode: null,
            errorDescription:
              `AEAT refused the submission: ${answer.code} ${answer.message}`.trim(),
          })),
          nextSubmissionAt: later(at, command.data.faultBackoffMs),
        },
      },
    ];
  return [
    {
      type: 'VerifactuSubmissionAnswered',
      data: {
        ...common,
        outcome: answer.state,
        csv: answer.csv,
        fault: null,
        records: submission.records.map((record) =>
          verdictOf(record, lineFor(record, answer.lines)),
        ),
        nextSubmissionAt: later(at, Math.max(0, answer.waitSeconds) * 1000),
      },
    },
  ];
}

/** No usable answer: the same submission is sent again after a wait doubling each time. */
function failed(
  command: RecordVerifactuSubmissionFailure,
  state: VerifactuSubmissionsState,
): VerifactuSubmissionFailed[] {
  const submission = submissionToAnswer(state, command.data.submissionId);
  if (submission.answered)
    throw new DomainError(
      Refusal.alreadyAnswered,
      `Submission ${submission.submissionId} was answered.`,
    );
  if (submission.attempts === 0)
    throw new DomainError(Refusal.notSent, `Submission ${submission.submissionId} was not sent.`);
  const wait = Math.min(
    MAX_VERIFACTU_RETRY_MS,
    Math.max(1, command.data.retryInitialMs) * 2 ** (submission.attempts - 1),
  );
  return [
    {
      type: 'VerifactuSubmissionFailed',
      data: {
        submissionId: submission.submissionId,
        attempt: submission.attempts,
        error: command.data.error,
        failedAt: command.metadata.at,
        nextAttemptAt: later(command.metadata.at, wait),
      },
    },
  ];
}

function decide(
  command: VerifactuSubmissionCommand,
  state: VerifactuSubmissionsState,
): VerifactuSubmissionEvent[] {
  switch (command.type) {
    case 'PrepareVerifactuSubmission':
      return prepare(command, state);
    case 'RecordVerifactuSubmissionSent':
      return sent(command, state);
    case 'RecordVerifactuSubmissionAnswer':
      return answered(command, state);
    case 'RecordVerifactuSubmissionFailure':
      return failed(command, state);
    default:
      return assertNever(command, 'VERI*FACTU submission command');
  }
}

export const verifactuSubmissionDecider: Decider<
  VerifactuSubmissionCommand,
  VerifactuSubmissionEvent,
  VerifactuSubmissionsState
> = { initialState, evolve, decide };
