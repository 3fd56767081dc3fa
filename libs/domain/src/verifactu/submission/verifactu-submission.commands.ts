import { DomainCommand } from '../../shared/decider';
import { SubmittedRecord } from './verifactu-submission.events';

export type PrepareVerifactuSubmission = DomainCommand<
  'PrepareVerifactuSubmission',
  { submissionId: string; issuerId: string; records: SubmittedRecord[]; xmlDigest: string }
>;

export type RecordVerifactuSubmissionSent = DomainCommand<
  'RecordVerifactuSubmissionSent',
  { submissionId: string }
>;

/** One `RespuestaLinea` of AEAT's answer, as read. */
export interface AnswerLine {
  issuerNif: string;
  numSerie: string;
  /** As AEAT writes it, `DD-MM-YYYY`. */
  issueDate: string;
  operation: 'Alta' | 'Anulacion';
  state: 'Correcto' | 'AceptadoConErrores' | 'Incorrecto';
  errorCode: number | null;
  errorDescription: string | null;
}

export type RecordVerifactuSubmissionAnswer = DomainCommand<
  'RecordVerifactuSubmissionAnswer',
  {
    submissionId: string;
    answer:
      | {
          kind: 'answer';
          state: 'Correcto' | 'ParcialmenteCorrecto' | 'Incorrecto';
          csv: string | null;
          waitSeconds: number;
          lines: AnswerLine[];
        }
      | { kind: 'fault'; code: string; message: string };
    /** Wait before the issuer's next submission after a Fault. */
    faultBackoffMs: number;
  }
>;

export type RecordVerifactuSubmissionFailure = DomainCommand<
  'RecordVerifactuSubmissionFailure',
  { submissionId: string; error: string; retryInitialMs: number }
>;

export type VerifactuSubmissionCommand =
  | PrepareVerifactuSubmission
  | RecordVerifactuSubmissionSent
  | RecordVerifactuSubmissionAnswer
  | RecordVerifactuSubmissionFailure;
