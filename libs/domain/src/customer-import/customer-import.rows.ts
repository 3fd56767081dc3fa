import { contractDecider } from '../contract/contract.decider';
import { ContractCommand } from '../contract';
import { PAYMENT_METHODS, PaymentMethod } from '../customer/customer.billing';
import { customerDecider } from '../customer/customer.decider';
import { CustomerProfileInput } from '../customer/customer.profile-patch';
import { DomainError } from '../shared/domain-error';
import { isCalendarDate } from '../shared/iso-dates';
import { subscriptionDecider } from '../subscription/subscription.decider';
import { SubscriptionCommand } from '../subscription/subscription.commands';
import { BILLING_MODES, BillingMode } from '../subscription/subscription.terms';
import { DOCUMENT_TYPES, DocumentType } from '../values/spanish-document';
import { MAX_AMOUNT_CENTS } from '../values/money';
import { CustomerImportFileError, ParsedCsv } from './customer-import.csv';

/** What one row of the file brings in: a customer, and optionally its contract and subscription. */
export interface CustomerImportRow {
  row: number;
  customer: CustomerProfileInput;
  contract: {
    paymentMethod: PaymentMethod;
    /** The day it was signed (`YYYY-MM-DD`), in the past. */
    signedOn: string;
    iban: string | null;
    mandateReference: string | null;
    signatory: string;
  } | null;
  subscription: {
    tariff: string;
    monthlyPriceCents: number;
    billingMode: BillingMode;
    /** The day it became active (`YYYY-MM-DD`): billing starts there. */
    activeSince: string;
  } | null;
}

/** A row refused, with each reason; the reasons name columns, never the values. */
export interface RejectedImportRow {
  row: number;
  reasons: string[];
}

type Field =
  | 'code'
  | 'name'
  | 'observations'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'address'
  | 'neighbourhood'
  | 'zone'
  | 'document'
  | 'city'
  | 'province'
  | 'seller'
  | 'collector'
  | 'paymentMethod'
  | 'signedOn'
  | 'iban'
  | 'mandateReference'
  | 'signatory'
  | 'tariff'
  | 'monthlyPrice'
  | 'billingMode'
  | 'activeSince'
  | 'ignored';

/**
 * The headers taken, in both exports' words (`GET /customers/export.csv`, default and
 * `excel-es`) and the extra columns of a migration. Columns the system computes (unpaid
 * invoices, created/modified) or sets elsewhere (billing settings) are read and ignored.
 */
const HEADERS: Record<string, Field> = {
  id: 'code',
  'id cliente': 'code',
  code: 'code',
  name: 'name',
  nombre: 'name',
  observations: 'observations',
  observaciones: 'observations',
  email: 'email',
  'e-mail': 'email',
  phone: 'phone',
  teléfono: 'phone',
  mobile: 'mobile',
  'teléfono celular': 'mobile',
  address: 'address',
  dirección: 'address',
  neighbourhood: 'neighbourhood',
  barrio: 'neighbourhood',
  zone: 'zone',
  zona: 'zone',
  document: 'document',
  'documento/cédula': 'document',
  city: 'city',
  ciudad: 'city',
  province: 'province',
  'provincia/estado/región': 'province',
  seller: 'seller',
  vendedor: 'seller',
  collector: 'collector',
  cobrador: 'collector',
  'payment method': 'paymentMethod',
  'información de pasarelas de pago': 'paymentMethod',
  'contract signed on': 'signedOn',
  'contrato firmado el': 'signedOn',
  iban: 'iban',
  'mandate reference': 'mandateReference',
  'referencia del mandato': 'mandateReference',
  signatory: 'signatory',
  firmante: 'signatory',
  tariff: 'tariff',
  tarifa: 'tariff',
  'monthly price': 'monthlyPrice',
  'precio mensual': 'monthlyPrice',
  'billing mode': 'billingMode',
  'modo de facturación': 'billingMode',
  'active since': 'activeSince',
  'activo desde': 'activeSince',
  'billing enabled': 'ignored',
  'facturación habilitada': 'ignored',
  'invoice type': 'ignored',
  'tipo de factura': 'ignored',
  'tax condition': 'ignored',
  'condición impositiva': 'ignored',
  'tax id': 'ignored',
  'número de identificación tributaria': 'ignored',
  'number of unpaid invoices': 'ignored',
  'número de facturas impagas': 'ignored',
  'unpaid balance': 'ignored',
  'balance de facturas impagas': 'ignored',
  'created at': 'ignored',
  'creado el': 'ignored',
  'last modified': 'ignored',
  'última modificación': 'ignored',
};

/** The column of each field taken, from the header row; an unknown header refuses the file. */
export function columnsOf(header: readonly string[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((title, index) => {
    const field = HEADERS[title.trim().toLowerCase()];
    if (field === undefined)
      throw new CustomerImportFileError(
        `Column ${index + 1} ("${title.slice(0, 60)}") is not a column of the customer export nor an import column (docs/imports.md).`,
      );
    if (field !== 'ignored') {
      if (columns[field] !== undefined)
        throw new CustomerImportFileError(`Column "${title.slice(0, 60)}" appears twice.`);
      columns[field] = index;
    }
  });
  if (columns.name === undefined)
    throw new CustomerImportFileError(
      'The header row has no "name" ("Nombre") column: this is not a customer export.',
    );
  return columns;
}

/** A cell as typed: the export's formula guard (a `'` before `=`, `+`, `-`, `@`) undone. */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

const blankToNull = (text: string | undefined): string | null => {
  const value = unguard(text ?? '').trim();
  return value === '' ? null : value;
};

/** `YYYY-MM-DD` or `dd/mm/yyyy` (Spanish spreadsheets), a real day; null when it is not. */
export function importDate(text: string): string | null {
  const spanish = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = spanish
    ? `${spanish[3]}-${spanish[2].padStart(2, '0')}-${spanish[1].padStart(2, '0')}`
    : text;
  return isCalendarDate(iso) ? iso : null;
}

/** `35`, `35.5`, `35,50` (the Spanish export's decimal comma) → cents; null when not an amount. */
export function importAmountCents(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s*€$/, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * One record read into a row, with the problems of its cells; the domain's own rules are
 * checked by `validateImportRows`. Pure: the same record always gives the same row.
 */
export function readImportRow(
  columns: Partial<Record<Field, number>>,
  record: { row: number; cells: string[] },
): { row: CustomerImportRow; problems: string[] } {
  const problems: string[] = [];
  const cell = (field: Field) =>
    columns[field] === undefined ? null : blankToNull(record.cells[columns[field]]);
  const name = cell('name');
  const document = readDocument(cell('document'), problems);
  const address = readAddress(cell('address'));
  const customer: CustomerProfileInput = {
    personType: 'other',
    name,
    code: cell('code'),
    email: cell('email'),
    phone: cell('phone'),
    mobile: cell('mobile'),
    document,
    address: {
      street: address.street,
      postalCode: address.postalCode,
      neighbourhood: cell('neighbourhood'),
      city: cell('city'),
      province: cell('province'),
    },
    zone: cell('zone'),
    seller: cell('seller'),
    collector: cell('collector'),
    observations: cell('observations'),
  };
  const contract = readContract(cell, name, problems);
  const subscription = readSubscription(cell, contract, problems);
  return { row: { row: record.row, customer, contract, subscription }, problems };
}

function readDocument(text: string | null, problems: string[]) {
  if (text === null) return null;
  const [type, ...rest] = text.split(/\s+/);
  const number = rest.join('');
  if (!DOCUMENT_TYPES.includes(type.toLowerCase() as DocumentType) || number === '') {
    problems.push(
      `document: expected a type (${DOCUMENT_TYPES.join(', ')}) and a number, as the export writes it ("DNI 12345678Z").`,
    );
    return null;
  }
  return { type: type.toLowerCase() as DocumentType, number };
}

/** The export joins street and postal code with ", ": a last part that is a postal code is one. */
function readAddress(text: string | null): { street: string | null; postalCode: string | null } {
  if (text === null) return { street: null, postalCode: null };
  if (/^\d{5}$/.test(text)) return { street: null, postalCode: text };
  const match = /^(.*), (\d{5})$/.exec(text);
  return match ? { street: match[1], postalCode: match[2] } : { street: text, postalCode: null };
}

function readContract(
  cell: (field: Field) => string | null,
  name: string | null,
  problems: string[],
): CustomerImportRow['contract'] {
  const signedText = cell('signedOn');
  const iban = cell('iban');
  const mandateReference = cell('mandateReference');
  if (signedText === null) {
    if (iban !== null || mandateReference !== null)
      problems.push('contract signed on: required when an IBAN or a mandate reference is given.');
    return null;
  }
  const signedOn = importDate(signedText);
  if (signedOn === null)
    problems.push('contract signed on: not a real day (YYYY-MM-DD or dd/mm/yyyy).');
  const methodText = cell('paymentMethod');
  const paymentMethod = (methodText?.toLowerCase().replace(/ /g, '_') ??
    (iban !== null ? 'direct_debit' : 'transfer')) as PaymentMethod;
  if (!PAYMENT_METHODS.includes(paymentMethod))
    problems.push(`payment method: one of ${PAYMENT_METHODS.join(', ')}.`);
  return {
    paymentMethod,
    signedOn: signedOn ?? signedText,
    iban,
    mandateReference,
    signatory: cell('signatory') ?? name ?? '',
  };
}

function readSubscription(
  cell: (field: Field) => string | null,
  contract: CustomerImportRow['contract'],
  problems: string[],
): CustomerImportRow['subscription'] {
  const tariff = cell('tariff');
  const priceText = cell('monthlyPrice');
  const activeText = cell('activeSince');
  const modeText = cell('billingMode');
  if (tariff === null && priceText === null && activeText === null && modeText === null)
    return null;
  if (tariff === null) problems.push('tariff: required for a subscription.');
  if (contract === null) problems.push('contract signed on: a subscription needs its contract.');
  const monthlyPriceCents = priceText === null ? null : importAmountCents(priceText);
  if (monthlyPriceCents === null || monthlyPriceCents > MAX_AMOUNT_CENTS)
    problems.push('monthly price: an amount in euros (35.00 or 35,00).');
  const billingMode = (modeText?.toLowerCase() ?? 'advance') as BillingMode;
  if (!BILLING_MODES.includes(billingMode))
    problems.push(`billing mode: one of ${BILLING_MODES.join(', ')}.`);
  const activeSince = activeText === null ? null : importDate(activeText);
  if (activeSince === null)
    problems.push('active since: required, a real day (YYYY-MM-DD or dd/mm/yyyy).');
  return {
    tariff: tariff ?? '',
    monthlyPriceCents: monthlyPriceCents ?? 0,
    billingMode,
    activeSince: activeSince ?? '',
  };
}

/** A domain refusal as reasons that name the field and the rule, never the value. */
function reasonsOf(error: unknown, part: string): string[] {
  if (!(error instanceof DomainError)) throw error;
  const details = error.details ?? [{ code: error.code, message: error.message }];
  return details.map(
    ({ code, field }) => `${field ? `${field}: ` : ''}refused by ${part} rule ${code}.`,
  );
}

/**
 * Every record read and checked before anything is written: the cells, the same rules as the
 * forms (the customer's, the contract's and the subscription's deciders run on the row), dates
 * real and not after `today`, a subscription active from no earlier than its contract's
 * signing, and e-mails and documents unique within the file. `at` is the instant the deciders
 * are given.
 */
export function validateImportRows(
  parsed: ParsedCsv,
  today: string,
  at: string,
): { rows: CustomerImportRow[]; rejected: RejectedImportRow[] } {
  const columns = columnsOf(parsed.header);
  const rows: CustomerImportRow[] = [];
  const rejected: RejectedImportRow[] = [];
  const emails = new Map<string, number>();
  const documents = new Map<string, number>();
  for (const record of parsed.records) {
    const { row, problems } = readImportRow(columns, record);
    if (record.cells.length !== parsed.header.length)
      problems.push(
        `row: ${record.cells.length} cells where the header has ${parsed.header.length}.`,
      );
    problems.push(...ruleProblems(row, today, at));
    const email = row.customer.email?.toLowerCase();
    if (email) {
      const first = emails.get(email);
      if (first !== undefined) problems.push(`email: the same e-mail as row ${first}.`);
      else emails.set(email, row.row);
    }
    const document = row.customer.document?.number.toUpperCase();
    if (document) {
      const first = documents.get(document);
      if (first !== undefined) problems.push(`document: the same document as row ${first}.`);
      else documents.set(document, row.row);
    }
    if (problems.length > 0) rejected.push({ row: row.row, reasons: problems });
    else rows.push(row);
  }
  return { rows, rejected };
}

/** The deciders run on the row, as the forms would; and the dates against today. */
function ruleProblems(row: CustomerImportRow, today: string, at: string): string[] {
  const problems: string[] = [];
  const metadata = { at };
  try {
    customerDecider.decide(
      { type: 'RegisterCustomer', data: { ...row.customer, customerId: 'import' }, metadata },
      customerDecider.initialState,
    );
  } catch (error) {
    problems.push(...reasonsOf(error, 'customer'));
  }
  const { contract, subscription } = row;
  if (contract && isCalendarDate(contract.signedOn)) {
    if (contract.signedOn > today) problems.push('contract signed on: in the future.');
    const commands: ContractCommand[] = [
      {
        type: 'DraftContract',
        data: {
          contractId: 'import',
          customerId: 'import',
          paymentMethod: contract.paymentMethod,
          customer: { status: 'active' },
        },
        metadata,
      },
      {
        type: 'SignContract',
        data: {
          contractId: 'import',
          iban: contract.iban,
          signatory: contract.signatory,
          mandateReference: contract.mandateReference,
          signedAt: contract.signedOn,
        },
        metadata,
      },
    ];
    try {
      commands.reduce(
        (state, command) =>
          contractDecider.decide(command, state).reduce(contractDecider.evolve, state),
        contractDecider.initialState,
      );
    } catch (error) {
      problems.push(...reasonsOf(error, 'contract'));
    }
  }
  if (subscription && contract && isCalendarDate(subscription.activeSince)) {
    // Named here in the file's words; the subscription's decider (rule R5) refuses the same.
    if (subscription.activeSince > today) problems.push('active since: in the future.');
    else if (isCalendarDate(contract.signedOn) && subscription.activeSince < contract.signedOn)
      problems.push('active since: before the contract was signed.');
    else problems.push(...subscriptionProblems(subscription, contract.signedOn, metadata));
  }
  return problems;
}

/** The subscription's decider run on the row: requested and activated on its active-since day. */
function subscriptionProblems(
  subscription: NonNullable<CustomerImportRow['subscription']>,
  signedOn: string,
  metadata: { at: string },
): string[] {
  const commands: SubscriptionCommand[] = [
    {
      type: 'RequestSubscription',
      data: {
        subscriptionId: 'import',
        contractId: 'import',
        customerId: 'import',
        tariff: subscription.tariff,
        monthlyPriceCents: subscription.monthlyPriceCents,
        billingMode: subscription.billingMode,
        requestedAt: subscription.activeSince,
        contract: { status: 'signed' },
        customer: { status: 'active' },
      },
      metadata,
    },
    {
      type: 'ActivateSubscription',
      data: {
        subscriptionId: 'import',
        activatedAt: subscription.activeSince,
        contract: { signedAt: signedOn },
      },
      metadata,
    },
  ];
  try {
    commands.reduce(
      (state, command) =>
        subscriptionDecider.decide(command, state).reduce(subscriptionDecider.evolve, state),
      subscriptionDecider.initialState,
    );
    return [];
  } catch (error) {
    return reasonsOf(error, 'subscription');
  }
}
