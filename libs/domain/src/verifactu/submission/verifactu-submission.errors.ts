export const VerifactuSubmissionRefusal = {
  invalidInput: 'VERIFACTU_SUBMISSION.INVALID_INPUT',
  /** The issuer has a submission not yet answered: it is sent again before any other. */
  oneInFlight: 'VERIFACTU_SUBMISSION.ONE_IN_FLIGHT',
  /** A record is already in a submission that AEAT did not refuse whole. */
  recordAlreadySubmitted: 'VERIFACTU_SUBMISSION.RECORD_ALREADY_SUBMITTED',
  /** AEAT asked for a wait (`TiempoEsperaEnvio`) or a refused submission's backoff runs. */
  tooSoon: 'VERIFACTU_SUBMISSION.TOO_SOON',
  notFound: 'VERIFACTU_SUBMISSION.NOT_FOUND',
  /** The submission was answered: it is never sent again. */
  alreadyAnswered: 'VERIFACTU_SUBMISSION.ALREADY_ANSWERED',
  notSent: 'VERIFACTU_SUBMISSION.NOT_SENT',
} as const;

/** At most this many records per submission (SuministroLR.xsd's `RegistroFactura`). */
export const MAX_RECORDS_PER_VERIFACTU_SUBMISSION = 1000;

/** The longest wait between two attempts of a failed submission. */
export const MAX_VERIFACTU_RETRY_MS = 60 * 60 * 1000;
