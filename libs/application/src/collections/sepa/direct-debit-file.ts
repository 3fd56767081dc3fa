import { Iban, MAX_AMOUNT_CENTS } from '@app/domain';
import { isCalendarDay, isInstant } from '../../shared/calendar-values';
import { sepaIdentifierProblem, toSepaLatin } from './sepa-text';

/** The two ISO 20022 pain.008 versions banks take: `.08` (EPC 2019+) and the older `.02`. */
export type PainVersion = '001.08' | '001.02';

export type SequenceType = 'FRST' | 'RCUR';

/** One collection from one debtor, as a remittance puts it in the file (rule 18). */
export interface DirectDebitTransaction {
  /** ≤ 35 characters, built by the caller so it leads back to the effect. */
  endToEndId: string;
  /** Whole cents, > 0. */
  amountCents: number;
  /** The mandate reference of the contract signature (≤ 35). */
  mandateId: string;
  /** YYYY-MM-DD. */
  mandateSignedOn: string;
  sequenceType: SequenceType;
  /** May contain accents and ñ; written transliterated and cut to 70 characters. */
  debtorName: string;
  /** The IBAN of the contract signature (rule 4). */
  debtorIban: string;
  debtorBic?: string | null;
  /** Unstructured, ≤ 140 characters (e.g. the invoice number). */
  remittanceInformation: string;
}

export interface DirectDebitCreditor {
  name: string;
  iban: string;
  bic?: string | null;
  /** The SEPA creditor identifier, e.g. `ES11ZZZB12345674`. */
  creditorId: string;
}

export interface DirectDebitFile {
  version: PainVersion;
  /** ≤ 35 characters, unique per creditor. */
  messageId: string;
  /** ISO date-time with seconds, e.g. `2026-12-03T10:15:00Z`. */
  createdAt: string;
  /** YYYY-MM-DD: the requested collection date (ReqdColltnDt). */
  collectionDate: string;
  creditor: DirectDebitCreditor;
  /** At least one. */
  transactions: DirectDebitTransaction[];
}

export const PAIN_VERSIONS: readonly PainVersion[] = ['001.08', '001.02'];
export const SEQUENCE_TYPES: readonly SequenceType[] = ['FRST', 'RCUR'];

export const MAX_IDENTIFIER_LENGTH = 35;
export const MAX_NAME_LENGTH = 70;
export const MAX_REMITTANCE_INFORMATION_LENGTH = 140;

export interface DirectDebitFileProblem {
  /** The input path, e.g. `transactions[2].amountCents`. */
  field: string;
  message: string;
}

/** A direct-debit file input the writer refuses; `field` names the first bad field. */
export class InvalidDirectDebitFileError extends Error {
  readonly field: string;

  constructor(readonly problems: readonly [DirectDebitFileProblem, ...DirectDebitFileProblem[]]) {
    super(
      `Invalid SEPA direct-debit file: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    );
    this.name = 'InvalidDirectDebitFileError';
    this.field = problems[0].field;
  }
}

/** BIC shapes both schemas accept (the `.02` pattern is the stricter of the two). */
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
/** xs:dateTime needs seconds; a fraction and a zone are optional. */
const DATE_TIME_WITH_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** Country, check digits, creditor business code, national identifier (EPC262-08). */
const CREDITOR_ID = /^([A-Z]{2})(\d{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/;

/**
 * Every problem of the input at once, so a remittance screen can show them together; an empty
 * list means the file can be written.
 */
export function directDebitFileProblems(file: DirectDebitFile): DirectDebitFileProblem[] {
  const problems: DirectDebitFileProblem[] = [];
  const problem = (field: string, message: string | null) => {
    if (message !== null) problems.push({ field, message });
  };

  problem(
    'version',
    PAIN_VERSIONS.includes(file.version) ? null : `must be one of ${PAIN_VERSIONS.join(', ')}`,
  );
  problem('messageId', sepaIdentifierProblem(file.messageId, MAX_IDENTIFIER_LENGTH));
  problem(
    'createdAt',
    DATE_TIME_WITH_SECONDS.test(file.createdAt) && isInstant(file.createdAt)
      ? null
      : `must be an ISO date-time with seconds (YYYY-MM-DDThh:mm:ss[Z]), got "${file.createdAt}"`,
  );
  problem('collectionDate', calendarDayProblem(file.collectionDate));
  problem('creditor.name', nameProblem(file.creditor.name));
  problem('creditor.iban', ibanProblem(file.creditor.iban));
  problem('creditor.bic', bicProblem(file.creditor.bic));
  problem('creditor.creditorId', creditorIdProblem(file.creditor.creditorId));

  if (!Array.isArray(file.transactions) || file.transactions.length === 0) {
    problem('transactions', 'must contain at least one transaction');
    return problems;
  }
  const seenEndToEndIds = new Set<string>();
  file.transactions.forEach((transaction, index) => {
    const at = (field: string) => `transactions[${index}].${field}`;
    const endToEndIdProblem = sepaIdentifierProblem(transaction.endToEndId, MAX_IDENTIFIER_LENGTH);
    problem(
      at('endToEndId'),
      endToEndIdProblem ??
        (seenEndToEndIds.has(transaction.endToEndId)
          ? `repeats "${transaction.endToEndId}"; each transaction needs its own`
          : null),
    );
    seenEndToEndIds.add(transaction.endToEndId);
    problem(at('amountCents'), amountProblem(transaction.amountCents));
    problem(at('mandateId'), sepaIdentifierProblem(transaction.mandateId, MAX_IDENTIFIER_LENGTH));
    problem(
      at('mandateSignedOn'),
      calendarDayProblem(transaction.mandateSignedOn) ??
        (isCalendarDay(file.collectionDate) && transaction.mandateSignedOn > file.collectionDate
          ? `(${transaction.mandateSignedOn}) must not be after the collection date ${file.collectionDate}`
          : null),
    );
    problem(
      at('sequenceType'),
      SEQUENCE_TYPES.includes(transaction.sequenceType)
        ? null
        : `must be FRST or RCUR, got "${String(transaction.sequenceType)}"`,
    );
    problem(at('debtorName'), nameProblem(transaction.debtorName));
    problem(at('debtorIban'), ibanProblem(transaction.debtorIban));
    problem(at('debtorBic'), bicProblem(transaction.debtorBic));
    problem(at('remittanceInformation'), remittanceProblem(transaction.remittanceInformation));
  });
  return problems;
}

/** Refuses a file with any problem, naming every bad field. */
export function assertValidDirectDebitFile(file: DirectDebitFile): void {
  const [first, ...rest] = directDebitFileProblems(file);
  if (first !== undefined) throw new InvalidDirectDebitFileError([first, ...rest]);
}

function calendarDayProblem(value: string): string | null {
  return isCalendarDay(value) ? null : `must be a date YYYY-MM-DD that exists, got "${value}"`;
}

function amountProblem(cents: number): string | null {
  if (!Number.isSafeInteger(cents) || cents <= 0)
    return `must be a positive whole number of cents, got ${String(cents)}`;
  if (cents > MAX_AMOUNT_CENTS) return `must be at most ${MAX_AMOUNT_CENTS} cents, got ${cents}`;
  return null;
}

function nameProblem(name: string): string | null {
  if (typeof name !== 'string' || toSepaLatin(name) === '')
    return 'must contain at least one letter or digit of the SEPA Latin character set';
  return null;
}

function ibanProblem(iban: string): string | null {
  return typeof iban === 'string' && Iban.isValid(iban)
    ? null
    : `must be a valid IBAN (country format and mod-97), got "${String(iban)}"`;
}

function bicProblem(bic: string | null | undefined): string | null {
  if (bic === undefined || bic === null || bic === '') return null;
  return BIC.test(bic) ? null : `must be an 8- or 11-character BIC in capitals, got "${bic}"`;
}

function remittanceProblem(text: string): string | null {
  if (typeof text !== 'string') return 'must be text';
  return text.length > MAX_REMITTANCE_INFORMATION_LENGTH
    ? `must be at most ${MAX_REMITTANCE_INFORMATION_LENGTH} characters, got ${text.length}`
    : null;
}

/**
 * A SEPA creditor identifier: shape and its ISO 7064 mod-97 check digits, computed over the
 * national identifier followed by the country code and `00` (the business code is excluded).
 */
function creditorIdProblem(creditorId: string): string | null {
  const identifierProblem = sepaIdentifierProblem(creditorId, MAX_IDENTIFIER_LENGTH);
  if (identifierProblem !== null) return identifierProblem;
  const match = CREDITOR_ID.exec(creditorId);
  if (match === null)
    return `must be a SEPA creditor identifier (e.g. ES11ZZZB12345674), got "${creditorId}"`;
  const [, country, checkDigits, nationalId] = match;
  const digits = `${nationalId}${country}00`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  const expected = String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
  return expected === checkDigits
    ? null
    : `has check digits ${checkDigits} where ${expected} were expected: "${creditorId}"`;
}
