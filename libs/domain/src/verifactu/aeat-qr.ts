import { assertPlainDate, PlainDate } from '../billing/billing.calendar';
import { Cents, assertCents } from '../values/money';

/**
 * Rule 22: the AEAT's invoice-checking service the printed QR points to. `test` is the AEAT's
 * pre-production host, for invoices sent to its test environment.
 */
export const AEAT_QR_HOSTS = {
  production: 'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR',
  test: 'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR',
} as const;
export type AeatEnvironment = keyof typeof AEAT_QR_HOSTS;

/** What the QR identifies: the issuer's NIF, the series-number, the date, the total. */
export interface AeatQrInvoice {
  issuerNif: string;
  /** `NumSerieFactura`: the formatted number as printed, e.g. `FA-000123`. */
  numSerie: string;
  /** `FechaExpedicionFactura`, `YYYY-MM-DD`; the URL writes it `DD-MM-YYYY`. */
  issueDate: PlainDate;
  /** `ImporteTotal`, signed: a rectifying invoice by difference carries a negative total. */
  importeTotalCents: Cents;
}

/**
 * The URL the AEAT QR encodes (rule 22): exactly the parameters `nif`, `numserie`, `fecha`
 * (`DD-MM-YYYY`) and `importe` (two decimals, `.` as separator, `-` when negative), in that
 * order, each value percent-encoded (UTF-8; a space is `%20`, `/` is `%2F`, `&` is `%26`).
 * Values are trimmed as the record's `Huella` trims them, so the QR and the record agree.
 */
export function aeatQrUrl(
  invoice: AeatQrInvoice,
  options: { environment: AeatEnvironment },
): string {
  const nif = required(invoice.issuerNif, 'issuerNif');
  const numSerie = required(invoice.numSerie, 'numSerie');
  const parameters: [string, string][] = [
    ['nif', nif],
    ['numserie', numSerie],
    ['fecha', aeatDate(invoice.issueDate)],
    ['importe', aeatAmount(invoice.importeTotalCents)],
  ];
  const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${AEAT_QR_HOSTS[options.environment]}?${query}`;
}

function required(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new RangeError(`The AEAT QR needs a ${what}, got an empty one`);
  return trimmed;
}

/** `2024-01-31` → `31-01-2024`. */
function aeatDate(date: PlainDate): string {
  const [year, month, day] = assertPlainDate(date, 'issueDate').split('-');
  return `${day}-${month}-${year}`;
}

/** `12345` → `123.45`, `-5` → `-0.05`: integer arithmetic, no floating point. */
function aeatAmount(cents: Cents): string {
  const amount = assertCents(cents, 'importeTotalCents');
  const absolute = Math.abs(amount);
  const units = Math.floor(absolute / 100);
  const fraction = String(absolute % 100).padStart(2, '0');
  return `${amount < 0 ? '-' : ''}${units}.${fraction}`;
}
