import { sumCents } from '../values/money';
import { VatBreakdownLine } from './verifactu.events';

/**
 * The VAT breakdown ("desglose") of a document: per rate, the sum of the lines' bases and the
 * sum of their VAT. VAT is rounded on each line (rule 11) and only ever summed here, never
 * recomputed from a base (that would round twice and could differ by a cent from the lines).
 * Ascending by rate.
 */
export function vatBreakdownOf(
  lines: readonly { amountCents: number; vatRatePercent: number; vatCents: number }[],
): VatBreakdownLine[] {
  const byRate = new Map<number, { base: number[]; vat: number[] }>();
  for (const line of lines) {
    const sums = byRate.get(line.vatRatePercent) ?? { base: [], vat: [] };
    sums.base.push(line.amountCents);
    sums.vat.push(line.vatCents);
    byRate.set(line.vatRatePercent, sums);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([vatRatePercent, sums]) => ({
      vatRatePercent,
      baseCents: sumCents(sums.base),
      vatCents: sumCents(sums.vat),
    }));
}
