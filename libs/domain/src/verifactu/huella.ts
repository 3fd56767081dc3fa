import { createHash } from 'node:crypto';
import { PlainDate } from '../billing/billing.calendar';
import { Cents } from '../values/money';
import {
  CancellationRecord,
  ChainLink,
  ChainRecord,
  RegistrationRecord,
  TipoFactura,
} from './verifactu.events';

/**
 * Rule 22: a record's fingerprint (`Huella`) is the SHA-256, in 64 upper-case hex characters, of
 * the UTF-8 text `name=value&name=value…` of its fields in AEAT's order, each value trimmed and
 * an empty value written `name=`. Hashing is computation, not I/O: this file stays pure.
 */
export type HuellaField = readonly [name: string, value: string];

/** The text hashed: `name=value` pairs joined with `&`, values trimmed. */
export const huellaText = (fields: readonly HuellaField[]): string =>
  fields.map(([name, value]) => `${name}=${value.trim()}`).join('&');

/** SHA-256 of the text's UTF-8 bytes, as 64 upper-case hex characters. */
export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();

export const huellaOfFields = (fields: readonly HuellaField[]): string =>
  sha256Hex(huellaText(fields));

/** What a `RegistroAlta`'s fingerprint is computed from, values as AEAT writes them. */
export interface RegistroAltaHuellaInput {
  IDEmisorFactura: string;
  NumSerieFactura: string;
  /** `DD-MM-YYYY`. */
  FechaExpedicionFactura: string;
  TipoFactura: string;
  CuotaTotal: string;
  ImporteTotal: string;
  /** The previous record's fingerprint; empty for the first. */
  Huella: string;
  FechaHoraHusoGenRegistro: string;
}

/** What a `RegistroAnulacion`'s fingerprint is computed from. */
export interface RegistroAnulacionHuellaInput {
  IDEmisorFacturaAnulada: string;
  NumSerieFacturaAnulada: string;
  /** `DD-MM-YYYY`. */
  FechaExpedicionFacturaAnulada: string;
  Huella: string;
  FechaHoraHusoGenRegistro: string;
}

export const REGISTRO_ALTA_HUELLA_FIELDS = [
  'IDEmisorFactura',
  'NumSerieFactura',
  'FechaExpedicionFactura',
  'TipoFactura',
  'CuotaTotal',
  'ImporteTotal',
  'Huella',
  'FechaHoraHusoGenRegistro',
] as const satisfies readonly (keyof RegistroAltaHuellaInput)[];

export const REGISTRO_ANULACION_HUELLA_FIELDS = [
  'IDEmisorFacturaAnulada',
  'NumSerieFacturaAnulada',
  'FechaExpedicionFacturaAnulada',
  'Huella',
  'FechaHoraHusoGenRegistro',
] as const satisfies readonly (keyof RegistroAnulacionHuellaInput)[];

export const registroAltaHuellaFields = (input: RegistroAltaHuellaInput): HuellaField[] =>
  REGISTRO_ALTA_HUELLA_FIELDS.map((name) => [name, input[name]] as const);

export const registroAnulacionHuellaFields = (input: RegistroAnulacionHuellaInput): HuellaField[] =>
  REGISTRO_ANULACION_HUELLA_FIELDS.map((name) => [name, input[name]] as const);

export const huellaOfRegistroAlta = (input: RegistroAltaHuellaInput): string =>
  huellaOfFields(registroAltaHuellaFields(input));

export const huellaOfRegistroAnulacion = (input: RegistroAnulacionHuellaInput): string =>
  huellaOfFields(registroAnulacionHuellaFields(input));

/** An ISO date `YYYY-MM-DD` as AEAT writes it: `DD-MM-YYYY`. */
export function aeatDate(date: PlainDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** Signed cents as decimal euros with exactly two decimals: 12345 → `123.45`, -5 → `-0.05`. */
export function aeatAmount(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const euros = Math.floor(magnitude / 100);
  const rest = magnitude % 100;
  return `${sign}${euros}.${rest.toString().padStart(2, '0')}`;
}

/** The fields a chain record's fingerprint is computed from, in AEAT's order. */
export function huellaFieldsOfRecord(record: ChainRecord): HuellaField[] {
  const previousHuella = record.previous?.huella ?? '';
  if (record.kind === 'cancellation') {
    return registroAnulacionHuellaFields({
      IDEmisorFacturaAnulada: record.invoice.issuerNif,
      NumSerieFacturaAnulada: record.invoice.numSerie,
      FechaExpedicionFacturaAnulada: aeatDate(record.invoice.issueDate),
      Huella: previousHuella,
      FechaHoraHusoGenRegistro: record.generatedAt,
    });
  }
  return registroAltaHuellaFields({
    IDEmisorFactura: record.invoice.issuerNif,
    NumSerieFactura: record.invoice.numSerie,
    FechaExpedicionFactura: aeatDate(record.invoice.issueDate),
    TipoFactura: record.tipoFactura satisfies TipoFactura,
    CuotaTotal: aeatAmount(record.cuotaTotalCents),
    ImporteTotal: aeatAmount(record.importeTotalCents),
    Huella: previousHuella,
    FechaHoraHusoGenRegistro: record.generatedAt,
  });
}

/** The fingerprint the record should carry (its own `huella` field is not read). */
export const huellaOfRecord = (record: ChainRecord): string =>
  huellaOfFields(huellaFieldsOfRecord(record));

/** The record as the next one names it (`RegistroAnterior`): its invoice id and fingerprint. */
export const chainLinkOf = (record: ChainRecord): ChainLink => ({
  issuerNif: record.invoice.issuerNif,
  numSerie: record.invoice.numSerie,
  issueDate: record.invoice.issueDate,
  huella: record.huella,
});

/** A record's content before it is chained: everything but `previous` and `huella`. */
export type ChainRecordContent<R extends ChainRecord = ChainRecord> = R extends ChainRecord
  ? Omit<R, 'previous' | 'huella'>
  : never;

/**
 * The next record of a chain: `content` linked to the chain's last record (`null`: the chain
 * is empty, the record is its first) and fingerprinted. The caller appends it to
 * `verifactuChainStream(issuerId)` expecting the revision it read `last` at.
 */
export function chainRecord(
  last: ChainRecord | null,
  content: ChainRecordContent<RegistrationRecord>,
): RegistrationRecord;
export function chainRecord(
  last: ChainRecord | null,
  content: ChainRecordContent<CancellationRecord>,
): CancellationRecord;
export function chainRecord(last: ChainRecord | null, content: ChainRecordContent): ChainRecord;
export function chainRecord(last: ChainRecord | null, content: ChainRecordContent): ChainRecord {
  if (last !== null && last.issuerId !== content.issuerId)
    throw new RangeError(
      `Record ${content.recordId} of issuer ${content.issuerId} cannot follow ${last.recordId} of issuer ${last.issuerId}: one chain per issuer`,
    );
  const unsealed = {
    ...content,
    previous: last === null ? null : chainLinkOf(last),
    huella: '',
  } as ChainRecord;
  return { ...unsealed, huella: huellaOfRecord(unsealed) };
}
