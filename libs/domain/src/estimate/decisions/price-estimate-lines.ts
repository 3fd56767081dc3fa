import { withVat } from '../../billing/billing.lines';
import { chooseCatalogEntry } from '../../catalog/catalog.choice';
import { DomainError, RefusalReason } from '../../shared/domain-error';
import { aboveMaximum, inputChecks, optionalText } from '../../shared/input-checks';
import { isCents, isWithinMaximum } from '../../values/money';
import { EstimateLineInput, EstimateTariffFacts } from '../estimate.commands';
import { EstimateRefusal } from '../estimate.errors';
import {
  EstimateLine,
  MAX_ESTIMATE_DESCRIPTION_LENGTH,
  MAX_ESTIMATE_LINES,
  MAX_ESTIMATE_QUANTITY,
  MAX_ESTIMATE_TARIFF_QUANTITY,
} from '../estimate.values';

const checks = inputChecks(EstimateRefusal.invalidInput);

const isVatRate = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value >= 0 &&
  value <= 100 &&
  Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/** The catalog tariff a line names, if a new record may choose it (rule 28), else its refusal. */
export function tariffOfLine(
  tariffs: EstimateTariffFacts,
  tariffId: string,
  field: string,
  problems: RefusalReason[],
) {
  try {
    return chooseCatalogEntry(tariffs[tariffId] ?? { status: 'none' }, 'tariff', tariffId, field);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...(error.details ?? [{ code: error.code, field, message: error.message }]));
    return null;
  }
}

function quantityOf(value: unknown, field: string, max: number, problems: RefusalReason[]) {
  if (value === undefined || value === null) return 1;
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= max)
    return value as number;
  problems.push(checks.invalid(field, `${field} must be a whole number from 1 to ${max}.`));
  return 1;
}

function tariffLine(
  input: EstimateLineInput,
  at: string,
  tariffs: EstimateTariffFacts,
  problems: RefusalReason[],
): Omit<EstimateLine, 'vatCents' | 'totalCents'> | null {
  for (const field of ['description', 'unitPriceCents', 'vatRatePercent'] as const)
    if (input[field] !== undefined && input[field] !== null)
      problems.push(
        checks.invalid(
          `${at}.${field}`,
          `A catalog line takes the tariff's name, price and VAT rate: leave ${field} out, or write a free line.`,
        ),
      );
  const quantity = quantityOf(
    input.quantity,
    `${at}.quantity`,
    MAX_ESTIMATE_TARIFF_QUANTITY,
    problems,
  );
  const tariff = tariffOfLine(tariffs, input.tariffId!, `${at}.tariffId`, problems);
  if (tariff === null || tariff.terms === null) return null;
  const { monthlyPriceCents, vatRatePercent, billingMode } = tariff.terms;
  return {
    kind: 'tariff',
    tariffId: tariff.entryId,
    description: tariff.name,
    quantity,
    unitPriceCents: monthlyPriceCents,
    billingMode,
    amountCents: quantity * monthlyPriceCents,
    vatRatePercent,
  };
}

function freeLine(
  input: EstimateLineInput,
  at: string,
  defaultVatRatePercent: number,
  problems: RefusalReason[],
): Omit<EstimateLine, 'vatCents' | 'totalCents'> | null {
  const before = problems.length;
  const description = optionalText(
    typeof input.description === 'string' ? input.description : null,
  );
  if (description === null)
    problems.push(checks.invalid(`${at}.description`, 'Describe the line, or give a tariffId.'));
  else if (description.length > MAX_ESTIMATE_DESCRIPTION_LENGTH)
    problems.push(
      checks.invalid(
        `${at}.description`,
        `A line's description takes at most ${MAX_ESTIMATE_DESCRIPTION_LENGTH} characters.`,
      ),
    );
  const quantity = quantityOf(input.quantity, `${at}.quantity`, MAX_ESTIMATE_QUANTITY, problems);
  const unit = input.unitPriceCents;
  if (isCents(unit) && unit >= 0 && !isWithinMaximum(unit))
    problems.push(aboveMaximum(`${at}.unitPriceCents`, unit));
  else if (!isCents(unit) || unit < 0)
    problems.push(
      checks.invalid(
        `${at}.unitPriceCents`,
        `unitPriceCents must be a whole number of cents, zero or more, got ${String(unit)}.`,
      ),
    );
  const vatRatePercent = input.vatRatePercent ?? defaultVatRatePercent;
  if (!isVatRate(vatRatePercent))
    problems.push(
      checks.invalid(
        `${at}.vatRatePercent`,
        'vatRatePercent is a percentage from 0 to 100 with at most two decimals.',
      ),
    );
  if (problems.length > before) return null;
  return {
    kind: 'free',
    tariffId: null,
    description: description!,
    quantity,
    unitPriceCents: unit as number,
    billingMode: null,
    amountCents: quantity * (unit as number),
    vatRatePercent,
  };
}

/**
 * Rule 29: the lines priced like an invoice's — each net `quantity × unit price`, its own VAT
 * rounded on the line by billing's `withVat` — or every problem, each naming its line's field.
 */
export function priceEstimateLines(
  inputs: readonly EstimateLineInput[],
  tariffs: EstimateTariffFacts,
  defaultVatRatePercent: number,
  problems: RefusalReason[],
): EstimateLine[] {
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_ESTIMATE_LINES) {
    problems.push(
      checks.invalid('lines', `An estimate has from 1 to ${MAX_ESTIMATE_LINES} lines.`),
    );
    return [];
  }
  const lines: EstimateLine[] = [];
  inputs.forEach((input, index) => {
    const at = `lines[${index}]`;
    const hasTariff = typeof input?.tariffId === 'string' && input.tariffId.trim() !== '';
    const line = hasTariff
      ? tariffLine(input, at, tariffs, problems)
      : freeLine(input ?? {}, at, defaultVatRatePercent, problems);
    if (line === null) return;
    if (!isWithinMaximum(line.amountCents)) {
      problems.push(aboveMaximum(`${at}.amountCents`, line.amountCents));
      return;
    }
    lines.push(withVat(line, line.vatRatePercent));
  });
  return lines;
}
