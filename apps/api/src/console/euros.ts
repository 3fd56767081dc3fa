/** The most an amount typed in the console may be: a hundred million euros, in cents. */
const MAX_CENTS = 10_000_000_000;

/** Spanish thousands (`1.234,56`), or a plain decimal with a comma or a point (`12,5`, `12.50`). */
const SPANISH_THOUSANDS = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;
const PLAIN = /^(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Euros as an operator types them — `12,50`, `12.50`, `1.234,56`, `12 €`, `1 234,56` — in
 * integer cents, computed on the digits (no floating point); `null` for anything else:
 * negative, more than two decimals, letters, empty, or more than a hundred million euros.
 */
export function centsOfEuros(typed: unknown): number | null {
  if (typeof typed !== 'string') return null;
  const text = typed.replace(/[\s\u00a0\u202f]|€/g, '');
  const match = SPANISH_THOUSANDS.exec(text) ?? PLAIN.exec(text);
  if (!match) return null;
  const euros = match[1].replace(/\./g, '');
  if (euros.length > 9) return null;
  const cents = Number(euros) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}
