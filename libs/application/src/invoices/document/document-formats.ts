import {
  addDays,
  assertCents,
  assertPlainDate,
  Cents,
  PlainDate,
  PlainDateRange,
} from '@app/domain';
import { DocumentLanguage } from './document-language';

/** Thousands grouped by `separator`: `1234567` → `1.234.567`. */
const grouped = (units: number, separator: string): string =>
  String(units).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/**
 * Money as each language writes it, in integer arithmetic: `1.234,56 €` in Spanish (the
 * thousands grouped from four digits on, which `Intl`'s es-ES does not do), `€1,234.56` in
 * English; negative amounts lead with `-`.
 */
export function formatMoney(cents: Cents, language: DocumentLanguage): string {
  const amount = assertCents(cents);
  const absolute = Math.abs(amount);
  const units = Math.floor(absolute / 100);
  const fraction = String(absolute % 100).padStart(2, '0');
  const sign = amount < 0 ? '-' : '';
  return language === 'es'
    ? `${sign}${grouped(units, '.')},${fraction} €`
    : `${sign}€${grouped(units, ',')}.${fraction}`;
}

/** `21` → `21 %` / `21%`; `10.5` → `10,5 %` / `10.5%`. */
export function formatRate(percent: number, language: DocumentLanguage): string {
  const text = String(Math.round(percent * 100) / 100);
  return language === 'es' ? `${text.replace('.', ',')} %` : `${text}%`;
}

const ENGLISH_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * `2026-12-01` → `01/12/2026` in Spanish; `1 Dec 2026` in English, which no reader on either
 * side of the Atlantic can take for 12 January.
 */
export function formatDate(date: PlainDate, language: DocumentLanguage): string {
  const [year, month, day] = assertPlainDate(date).split('-');
  return language === 'es'
    ? `${day}/${month}/${year}`
    : `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1]} ${year}`;
}

/** A half-open `[from, to)` printed with its first and last days: `01/12/2026 – 31/12/2026`. */
export function formatPeriod(period: PlainDateRange, language: DocumentLanguage): string {
  const last = period.to > period.from ? addDays(period.to, -1) : period.from;
  return `${formatDate(period.from, language)} – ${formatDate(last, language)}`;
}
