import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';

/** One return: which effect, the bank's reason code and the day. */
export interface ReturnRequest {
  effectId: string;
  reasonCode: string;
  returnedAt?: string;
  /** A pain.002 reject (never settled) rather than a return after settlement (camt.054). */
  kind?: 'return' | 'reject';
}

/** What happened to one return. */
export interface ReturnApplied {
  effectId: string;
  invoiceId: string;
  reasonCode: string;
  /** The bank's reason, in Spanish and English. */
  reason: { es: string; en: string };
  /** Rule 19: the mandate it was collected under can no longer be used. */
  mandateInvalidated: boolean;
  /** The issuer's returned-debit fee charged on the next invoice (0: none configured). */
  feeCents: number;
  /** Rule 19: MS02 and MD06 — the customer should be contacted. */
  contactCustomer: boolean;
  /** A reject of a mandate's first collection: its next collection is FRST again. */
  firstCollectionAgain: boolean;
}

export interface ReturnsOutcome {
  applied: ReturnApplied[];
  /** Returns already recorded (the same file imported twice): nothing changed. */
  duplicates: string[];
  /** End-to-end ids or effect ids that lead to no effect. */
  unknown: string[];
  /** Returns that could not be applied, each with why; the others were. */
  failed: { effectId: string; code: string; message: string }[];
  position: number | null;
}

/** Rule 19: bank returns, by hand or from the bank's file. Handled by `RecordReturnsProcess`. */
export class RecordReturnsCommand extends Command<ReturnsOutcome> {
  constructor(
    readonly returns: readonly ReturnRequest[],
    readonly context: CommandContext,
    /** Returns named by an id the bank sent that leads to no effect (from a file). */
    readonly unknown: readonly string[] = [],
  ) {
    super();
  }
}
