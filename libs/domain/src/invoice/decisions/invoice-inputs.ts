import { BillingLine, BillingTotals, assertVatRate, totalsOf } from '../../billing/billing.lines';
import { DomainError, RefusalReason } from '../../shared/domain-error';
import { aboveMaximum, inputChecks, optionalText } from '../../shared/input-checks';
import {
  MAX_INVOICE_LINES,
  describeCents,
  isCents,
  isWithinMaximum,
  percentOfCents,
} from '../../values/money';
import { InvoiceRefusal } from '../invoice.errors';

/* Checks of raw command input: the shared ones, with this aggregate's invalid-input code. */
export const { invalid, requireText, checkPositiveCents, checkDay, checkInstant } = inputChecks(
  InvoiceRefusal.invalidInput,
);
export { optionalText };

/** A refusal thrown by a library check (the billing library's, R8) becomes one more problem. */
export function collectRefusal<T>(check: () => T, problems: RefusalReason[]): T | null {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...(error.details ?? [{ code: error.code, message: error.message }]));
    return null;
  }
}

/**
 * The lines of an invoice or a credit note, as priced: at least one; each in whole cents, its
 * VAT its own net at its rate rounded half away from zero (R11), its total net plus VAT; and
 * the totals the sum of the lines, never recomputed from a grand net.
 */
export function checkLines(
  lines: readonly BillingLine[],
  totals: BillingTotals,
  problems: RefusalReason[],
): void {
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.push({
      code: InvoiceRefusal.noLines,
      field: 'lines',
      message: 'Nothing to charge: an invoice or credit note needs at least one line.',
    });
    return;
  }
  if (lines.length > MAX_INVOICE_LINES) {
    problems.push(
      invalid(
        'lines',
        `An invoice or credit note has at most ${MAX_INVOICE_LINES} lines, got ${lines.length}.`,
      ),
    );
    return;
  }
  const lineProblems = lines.flatMap((line, index) => problemsOfLine(line, `lines[${index}]`));
  problems.push(...lineProblems);
  if (lineProblems.length > 0) return;
  const expected = totalsOf(lines);
  const sameTotals =
    totals?.netCents === expected.netCents &&
    totals?.vatCents === expected.vatCents &&
    totals?.totalCents === expected.totalCents;
  if (!sameTotals)
    problems.push({
      code: InvoiceRefusal.totalsMismatch,
      field: 'totals',
      message: `The totals must be the sum of the lines: net ${describeCents(expected.netCents)}, VAT ${describeCents(expected.vatCents)}, total ${describeCents(expected.totalCents)}; got ${JSON.stringify(totals)}.`,
    });
}

function problemsOfLine(line: BillingLine, field: string): RefusalReason[] {
  const { amountCents, vatCents, totalCents, vatRatePercent } = line;
  if (![amountCents, vatCents, totalCents].every(isCents))
    return [invalid(field, `${field}: amounts must be whole numbers of cents.`)];
  if (!isWithinMaximum(amountCents)) return [aboveMaximum(`${field}.amountCents`, amountCents)];
  if (!isVatRate(vatRatePercent))
    return [invalid(`${field}.vatRatePercent`, `${field}: unusable VAT rate ${vatRatePercent}.`)];
  const problems: RefusalReason[] = [];
  const ownVat = percentOfCents(amountCents, vatRatePercent);
  if (vatCents !== ownVat)
    problems.push({
      code: InvoiceRefusal.lineVat,
      field: `${field}.vatCents`,
      message: `${field}: ${vatRatePercent} % VAT on ${describeCents(amountCents)} is ${describeCents(ownVat)}, rounded on the line; got ${describeCents(vatCents)}.`,
    });
  if (totalCents !== amountCents + vatCents)
    problems.push({
      code: InvoiceRefusal.totalsMismatch,
      field: `${field}.totalCents`,
      message: `${field}: the line total must be its net plus its VAT, ${describeCents(amountCents + vatCents)}; got ${describeCents(totalCents)}.`,
    });
  return problems;
}

function isVatRate(percent: number): boolean {
  try {
    assertVatRate(percent);
    return true;
  } catch {
    return false;
  }
}
