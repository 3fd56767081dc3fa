import { DomainEvent } from '../../shared/decider';

/**
 * The submissions of issuer `issuerId`'s chain records to AEAT, all in one stream: which
 * records each holds is decided against every other submission of the issuer in one append,
 * so no record goes into two live submissions, and one submission is in flight at a time
 * (AEAT takes an issuer's records in chain order and asks for a wait between submissions).
 */
export const verifactuSubmissionStream = (issuerId: string): string =>
  `verifactu-submissions-${issuerId}`;

/** A record as a submission holds it: enough to match AEAT's answer line to it. */
export interface SubmittedRecord {
  recordId: string;
  kind: 'registration' | 'cancellation';
  issuerNif: string;
  numSerie: string;
  /** ISO date (`YYYY-MM-DD`). */
  issueDate: string;
}

/** Where a record stands after AEAT's answer. */
export type SubmittedRecordStatus = 'accepted' | 'rejected' | 'error';

export interface RecordVerdict {
  recordId: string;
  status: SubmittedRecordStatus;
  /** `EstadoRegistro`; null when AEAT's answer did not mention the record, or was a Fault. */
  aeatState: 'Correcto' | 'AceptadoConErrores' | 'Incorrecto' | null;
  errorCode: number | null;
  errorDescription: string | null;
}

export type VerifactuSubmissionPrepared = DomainEvent<
  'VerifactuSubmissionPrepared',
  {
    submissionId: string;
    issuerId: string;
    /** In chain order: the request is written from these records, the same on every resend. */
    records: SubmittedRecord[];
    /** SHA-256 (hex) of the request as first written. */
    xmlDigest: string;
    preparedAt: string;
  }
>;

/** About to be posted (attempt 1, 2…): a crash before its answer is recorded resends it. */
export type VerifactuSubmissionSent = DomainEvent<
  'VerifactuSubmissionSent',
  { submissionId: string; attempt: number; sentAt: string }
>;

export type VerifactuSubmissionAnswered = DomainEvent<
  'VerifactuSubmissionAnswered',
  {
    submissionId: string;
    attempt: number;
    /** `EstadoEnvio`, or `Fault`: the request refused whole (its records are then free again). */
    outcome: 'Correcto' | 'ParcialmenteCorrecto' | 'Incorrecto' | 'Fault';
    csv: string | null;
    fault: { code: string; message: string } | null;
    records: RecordVerdict[];
    answeredAt: string;
    /** No new submission of the issuer before this instant (`TiempoEsperaEnvio`, or backoff). */
    nextSubmissionAt: string;
  }
>;

/** No usable answer (timeout, network, 5xx): the same submission is sent again at `nextAttemptAt`. */
export type VerifactuSubmissionFailed = DomainEvent<
  'VerifactuSubmissionFailed',
  { submissionId: string; attempt: number; error: string; failedAt: string; nextAttemptAt: string }
>;

export type VerifactuSubmissionEvent =
  | VerifactuSubmissionPrepared
  | VerifactuSubmissionSent
  | VerifactuSubmissionAnswered
  | VerifactuSubmissionFailed;

const VERIFACTU_SUBMISSION_EVENT_TYPE_SET: Record<VerifactuSubmissionEvent['type'], true> = {
  VerifactuSubmissionPrepared: true,
  VerifactuSubmissionSent: true,
  VerifactuSubmissionAnswered: true,
  VerifactuSubmissionFailed: true,
};

export const VERIFACTU_SUBMISSION_EVENT_TYPES = Object.keys(
  VERIFACTU_SUBMISSION_EVENT_TYPE_SET,
) as VerifactuSubmissionEvent['type'][];

export const isVerifactuSubmissionEvent = (event: {
  type: string;
}): event is VerifactuSubmissionEvent =>
  Object.prototype.hasOwnProperty.call(VERIFACTU_SUBMISSION_EVENT_TYPE_SET, event.type);
