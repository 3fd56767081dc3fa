import { isInvoiceSeriesCode } from '../billing/billing.invoice-numbering';
import { ADDRESS_FIELDS, PostalAddress } from '../customer/customer.profile';
import {
  DEFAULT_DUNNING_POLICY,
  DunningPolicy,
  parseDunningPolicy,
} from '../dunning/dunning.policy';
import { RefusalReason } from '../shared/domain-error';
import { inputChecks, optionalText } from '../shared/input-checks';
import { Iban } from '../values/iban';
import { DocumentType, SpanishDocument } from '../values/spanish-document';
import { IssuerRefusal } from './issuer.errors';

/** The largest returned-debit fee an issuer may charge (as RETURNED_DEBIT_FEE_CENTS allows). */
export const MAX_RETURNED_DEBIT_FEE_CENTS = 100_000;

/** Everything an issuer ("razón social") is, as its events carry it (rule 21). */
export interface IssuerProfile {
  legalName: string;
  /** The tax id, checked: a company's CIF, or a self-employed issuer's DNI or NIE. */
  nif: string;
  address: PostalAddress;
  /** The SEPA creditor identifier (`ES..ZZZ<NIF>`), checked; `null`: it collects no direct debits. */
  creditorId: string | null;
  /** The account its remittances collect into, and its BIC; `null` when not given. */
  creditorIban: string | null;
  creditorBic: string | null;
  /** Rule 19: charged on the next invoice for each returned debit; 0: none. */
  returnedDebitFeeCents: number;
  /** Rule 20's policy in its text form, `reminder:7,warning:15,…` (parseDunningPolicy). */
  dunningPolicy: string;
  /** The invoice series it owns (each owned by at most one issuer). */
  series: string[];
}

/** What an edit may change: everything but the NIF (another NIF is another legal entity). */
export type EditableIssuerFields = Omit<IssuerProfile, 'nif'>;

export const EDITABLE_ISSUER_FIELDS = [
  'legalName',
  'address',
  'creditorId',
  'creditorIban',
  'creditorBic',
  'returnedDebitFeeCents',
  'dunningPolicy',
  'series',
] as const satisfies readonly (keyof EditableIssuerFields)[];

/** An issuer as a client writes it: optional parts take their defaults. */
export interface IssuerInput {
  legalName: string;
  nif: string;
  address: Partial<PostalAddress>;
  creditorId?: string | null;
  creditorIban?: string | null;
  creditorBic?: string | null;
  returnedDebitFeeCents?: number;
  dunningPolicy?: string;
  series?: string[];
}

/** A change to an issuer: the fields given are set (the address field by field). */
export type IssuerPatch = Partial<Omit<IssuerInput, 'address'>> & {
  address?: Partial<PostalAddress>;
};

const { invalid, requireText } = inputChecks(IssuerRefusal.invalidInput);

/** `reminder:7,warning:15,…`: the text form `parseDunningPolicy` reads. */
export const dunningPolicyText = (policy: DunningPolicy): string =>
  policy.steps.map((step) => `${step.step}:${step.afterDaysOverdue}`).join(',');

export const DEFAULT_DUNNING_POLICY_TEXT = dunningPolicyText(DEFAULT_DUNNING_POLICY);

/** The document type a NIF is read as: X/Y/Z a NIE, a leading digit a DNI, else a CIF. */
function nifType(nif: string): DocumentType {
  if (/^[XYZ]/.test(nif)) return 'nie';
  if (/^\d/.test(nif)) return 'dni';
  return 'cif';
}

/** The NIF normalised (`b-12.345.674` → `B12345674`) and checked (rule R3's check letters). */
export function checkNif(raw: unknown, problems: RefusalReason[], field = 'nif'): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    problems.push(invalid(field, 'Give the issuer its NIF (CIF of a company, DNI or NIE).'));
    return '';
  }
  const compact = raw.replace(/[\s.\-/]/g, '').toUpperCase();
  const checked = SpanishDocument.check({ type: nifType(compact), number: compact });
  if (checked.ok) return checked.value.number;
  problems.push(invalid(field, `NIF: ${checked.reason.message}`));
  return compact;
}

const letterDigits = (text: string) =>
  text.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));

function mod97(digits: string): number {
  return [...digits].reduce((rest, digit) => (rest * 10 + Number(digit)) % 97, 0);
}

/**
 * Whether `id` is a SEPA creditor identifier (EPC262-08): country, two check digits, a
 * three-character business code (ignored by the check, `ZZZ` in Spain) and the national id;
 * the check digits are ISO 7064 mod 97-10 over the national id followed by country and digits.
 */
export function isSepaCreditorId(id: string): boolean {
  const match = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/.exec(id);
  if (!match) return false;
  const [, country, check, , national] = match;
  return mod97(letterDigits(national + country + check)) === 1;
}

/** The check digits a creditor identifier of `country` and `nationalId` must carry. */
export function sepaCreditorCheckDigits(country: string, nationalId: string): string {
  return String(98 - mod97(letterDigits(nationalId + country + '00'))).padStart(2, '0');
}

const compactUpper = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

function checkCreditorId(raw: string | null | undefined, problems: RefusalReason[]) {
  const text = optionalText(raw);
  if (text === null) return null;
  const id = compactUpper(text);
  if (isSepaCreditorId(id)) return id;
  problems.push(
    invalid(
      'creditorId',
      `"${text}" is not a SEPA creditor identifier: country, 2 check digits, business code and national id (ES59ZZZB76365789 style) whose check digits match.`,
    ),
  );
  return id;
}

function checkIban(raw: string | null | undefined, problems: RefusalReason[]) {
  const text = optionalText(raw);
  if (text === null) return null;
  const checked = Iban.check(text, 'creditorIban');
  if (checked.ok) return checked.value.value;
  problems.push(invalid('creditorIban', checked.reason.message));
  return text;
}

function checkBic(raw: string | null | undefined, problems: RefusalReason[]) {
  const text = optionalText(raw);
  if (text === null) return null;
  const bic = compactUpper(text);
  if (/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(bic)) return bic;
  problems.push(invalid('creditorBic', `"${text}" is not a BIC (8 or 11 letters and digits).`));
  return bic;
}

function checkFee(raw: unknown, problems: RefusalReason[]): number {
  if (
    Number.isSafeInteger(raw) &&
    (raw as number) >= 0 &&
    (raw as number) <= MAX_RETURNED_DEBIT_FEE_CENTS
  )
    return raw as number;
  problems.push(
    invalid(
      'returnedDebitFeeCents',
      `returnedDebitFeeCents must be whole cents from 0 to ${MAX_RETURNED_DEBIT_FEE_CENTS}, got ${String(raw)}.`,
    ),
  );
  return 0;
}

function checkDunningPolicy(raw: unknown, problems: RefusalReason[]): string {
  if (typeof raw === 'string') {
    try {
      return dunningPolicyText(parseDunningPolicy(raw));
    } catch (error) {
      problems.push(invalid('dunningPolicy', (error as Error).message));
      return raw;
    }
  }
  problems.push(invalid('dunningPolicy', 'dunningPolicy is text, like reminder:7,warning:15.'));
  return DEFAULT_DUNNING_POLICY_TEXT;
}

function checkSeries(raw: unknown, problems: RefusalReason[]): string[] {
  if (!Array.isArray(raw)) {
    problems.push(invalid('series', 'series is a list of invoice series codes, like ["F2026"].'));
    return [];
  }
  const series: string[] = [];
  raw.forEach((code: unknown, index) => {
    const text = typeof code === 'string' ? code.trim() : code;
    if (!isInvoiceSeriesCode(text))
      problems.push(
        invalid(
          `series[${index}]`,
          `An invoice series is letters and digits (and _ or /), at most 20, like F2026; got ${JSON.stringify(code)}.`,
        ),
      );
    else if (!series.includes(text)) series.push(text);
  });
  return series;
}

function checkAddress(raw: Partial<PostalAddress> | undefined, problems: RefusalReason[]) {
  const given = raw && typeof raw === 'object' ? raw : {};
  const address = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, optionalText(given[field])]),
  ) as PostalAddress;
  for (const field of ['street', 'postalCode', 'city'] as const)
    if (address[field] === null)
      problems.push(
        invalid(`address.${field}`, `An invoice shows the issuer's ${field}: give it.`),
      );
  return address;
}

/** The issuer the input describes, checked; every problem is pushed on `problems`. */
export function issuerProfileOf(input: IssuerInput, problems: RefusalReason[]): IssuerProfile {
  return {
    legalName: requireText(
      input.legalName,
      'legalName',
      'Give the issuer its legal name.',
      problems,
    ),
    nif: checkNif(input.nif, problems),
    address: checkAddress(input.address, problems),
    creditorId: checkCreditorId(input.creditorId, problems),
    creditorIban: checkIban(input.creditorIban, problems),
    creditorBic: checkBic(input.creditorBic, problems),
    returnedDebitFeeCents: checkFee(input.returnedDebitFeeCents ?? 0, problems),
    dunningPolicy: checkDunningPolicy(input.dunningPolicy ?? DEFAULT_DUNNING_POLICY_TEXT, problems),
    series: checkSeries(input.series ?? [], problems),
  };
}

/** Only the fields given: a field left out (or `undefined`) is not a change. */
const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The issuer after `patch`: the fields it gives replace the current ones (the address per field). */
export function patchedIssuerInput(current: IssuerProfile, patch: IssuerPatch): IssuerInput {
  const defined = withoutUndefined(patch);
  return {
    ...current,
    ...defined,
    address: { ...current.address, ...withoutUndefined(defined.address ?? {}) },
  };
}
