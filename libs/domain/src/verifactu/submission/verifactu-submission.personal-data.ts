import { NO_PERSONAL_DATA, PersonalDataMap } from '../../shared/personal-data';
import { VerifactuSubmissionEvent } from './verifactu-submission.events';

/**
 * A submission names records by id and their invoices by issuer NIF, number and date, and
 * carries AEAT's verdicts: no customer's personal data (the records themselves are in the chain).
 */
export const VERIFACTU_SUBMISSION_PERSONAL_FIELDS = {
  VerifactuSubmissionPrepared: NO_PERSONAL_DATA,
  VerifactuSubmissionSent: NO_PERSONAL_DATA,
  VerifactuSubmissionAnswered: NO_PERSONAL_DATA,
  VerifactuSubmissionFailed: NO_PERSONAL_DATA,
} satisfies PersonalDataMap<VerifactuSubmissionEvent>;
