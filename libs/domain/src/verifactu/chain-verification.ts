import { chainLinkOf, huellaOfRecord } from './huella';
import { ChainLink, ChainRecord } from './verifactu.events';

/**
 * Rule 22's chain checked from its records: each record's `huella` is recomputed from its fields
 * and the previous record's fingerprint, and each `previous` must name the record before it
 * (the first: none). Pure; the records come in chain (stream) order.
 */
export type ChainBreakReason = 'fingerprint' | 'link';

export interface ChainBreak {
  /** 0-based place of the record in its chain. */
  index: number;
  recordId: string;
  numSerie: string;
  /** `fingerprint`: its `huella` is not the one its fields give; `link`: its `previous` is not the record before it. */
  reason: ChainBreakReason;
  /** The fingerprint its fields give, or the link to the record before it (`none` for the first). */
  expected: string;
  /** What the record holds. */
  found: string;
}

export interface ChainVerification {
  valid: boolean;
  /** Records read. */
  records: number;
  firstBroken?: ChainBreak;
}

const NO_LINK = 'none';

/** A link as one line: `NIF NumSerie YYYY-MM-DD HUELLA`. */
export const chainLinkText = (link: ChainLink | null | undefined): string =>
  link === null || link === undefined
    ? NO_LINK
    : `${link.issuerNif} ${link.numSerie} ${link.issueDate} ${link.huella}`;

const sameLink = (expected: ChainLink | null, found: ChainLink | null | undefined): boolean =>
  expected === null
    ? found === null
    : found !== null &&
      found !== undefined &&
      found.issuerNif === expected.issuerNif &&
      found.numSerie === expected.numSerie &&
      found.issueDate === expected.issueDate &&
      found.huella === expected.huella;

function recomputedHuella(record: ChainRecord): string {
  try {
    return huellaOfRecord(record);
  } catch (error) {
    // A record whose fields are no longer what a fingerprint is made of (an amount that is not
    // whole cents, a date that is no date) has been altered: a fingerprint break, not a crash.
    return `not computable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** What is wrong with `record` as the record after `prior` (null: the first), or null. */
export function breakOf(
  prior: ChainRecord | null,
  record: ChainRecord,
  index: number,
): ChainBreak | null {
  const at = { index, recordId: record.recordId, numSerie: record.invoice?.numSerie ?? '' };
  const expectedLink = prior === null ? null : chainLinkOf(prior);
  if (!sameLink(expectedLink, record.previous))
    return {
      ...at,
      reason: 'link',
      expected: chainLinkText(expectedLink),
      found: chainLinkText(record.previous),
    };
  const expected = recomputedHuella(record);
  if (expected !== record.huella)
    return { ...at, reason: 'fingerprint', expected, found: String(record.huella) };
  return null;
}

/**
 * The verification fed one record at a time, in chain order, so a chain of any length is
 * checked holding one record. After the first break it only counts.
 */
export class ChainVerifier {
  private prior: ChainRecord | null = null;
  private count = 0;
  private broken: ChainBreak | undefined;

  /** Checks the next record; answers the chain's first break so far, if any. */
  add(record: ChainRecord): ChainBreak | undefined {
    if (this.broken === undefined) {
      this.broken = breakOf(this.prior, record, this.count) ?? undefined;
      this.prior = record;
    }
    this.count += 1;
    return this.broken;
  }

  get records(): number {
    return this.count;
  }

  result(): ChainVerification {
    return this.broken === undefined
      ? { valid: true, records: this.count }
      : { valid: false, records: this.count, firstBroken: this.broken };
  }
}

/** A whole chain, in order, checked at once. */
export function verifyChain(records: Iterable<ChainRecord>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const record of records) verifier.add(record);
  return verifier.result();
}
