import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import {
  AeatInvoiceId,
  CancellationRecord,
  ChainLink,
  ChainRecord,
  MAX_RECORDS_PER_VERIFACTU_SUBMISSION,
  RegistrationRecord,
} from '@app/domain';

/** The namespaces of AEAT's schemas (`schemas/`), as their `targetNamespace`s spell them. */
export const AEAT_NAMESPACES = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  suministroLR:
    'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd',
  suministroInformacion:
    'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd',
  respuestaSuministro:
    'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/RespuestaSuministro.xsd',
} as const;

/** `RegFactuSistemaFacturacion` takes at most this many `RegistroFactura` (SuministroLR.xsd). */
export const MAX_RECORDS_PER_SUBMISSION = MAX_RECORDS_PER_VERIFACTU_SUBMISSION;

/**
 * The invoicing software that generated the records (`SistemaInformatico`): who produces it and
 * how it is installed. From configuration (`VERIFACTU_SOFTWARE_*`), with `DEFAULT_SOFTWARE`.
 */
export interface InvoicingSoftware {
  /** `NombreRazon` and `NIF` of the software's producer. */
  producerName: string;
  producerNif: string;
  /** `NombreSistemaInformatico` (≤ 30 characters). */
  name: string;
  /** `IdSistemaInformatico` (≤ 2 characters). */
  id: string;
  /** `Version` (≤ 50 characters). */
  version: string;
  /** `NumeroInstalacion` (≤ 100 characters). */
  installationNumber: string;
  /** `TipoUsoPosibleSoloVerifactu`, `TipoUsoPosibleMultiOT`, `IndicadorMultiplesOT`. */
  onlyVerifactu: boolean;
  multipleTaxpayers: boolean;
  hasMultipleTaxpayers: boolean;
}

export const DEFAULT_SOFTWARE: InvoicingSoftware = {
  producerName: 'Billing Core',
  producerNif: '00000000T',
  name: 'billing-core',
  id: 'BC',
  version: '1.0',
  installationNumber: '1',
  onlyVerifactu: true,
  multipleTaxpayers: false,
  hasMultipleTaxpayers: false,
};

/** One submission: the issuer (`ObligadoEmision`) and its chain records, in chain order. */
export interface SuministroRequest {
  issuer: { name: string; nif: string };
  records: readonly ChainRecord[];
  software: InvoicingSoftware;
}

export class InvalidSubmissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSubmissionError';
  }
}

/** `2024-01-31` → `31-01-2024` (the schemas' `fecha`). */
export function aeatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new InvalidSubmissionError(`not an ISO date: ${isoDate}`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** Signed integer cents → euros with two decimals: `-1235` → `-12.35` (ImporteSgn12.2Type). */
export function aeatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new InvalidSubmissionError(`not cents: ${cents}`);
  const value = BigInt(cents);
  const magnitude = value < 0n ? -value : value;
  const euros = magnitude / 100n;
  const remainder = (magnitude % 100n).toString().padStart(2, '0');
  return `${value < 0n ? '-' : ''}${euros}.${remainder}`;
}

/** A VAT rate in percent with two decimals: `21` → `21.00` (Tipo2.2Type). */
export function aeatRate(percent: number): string {
  if (!(percent >= 0 && percent < 1000)) throw new InvalidSubmissionError(`bad rate: ${percent}`);
  return percent.toFixed(2);
}

const yesNo = (value: boolean) => (value ? 'S' : 'N');

/**
 * The SOAP request AEAT's VERI*FACTU service takes (`SuministroLR.xsd`): an envelope whose body
 * is `sum:RegFactuSistemaFacturacion`, with the issuer as `ObligadoEmision` and one
 * `RegistroFactura` per record, each a `sum1:RegistroAlta` or `sum1:RegistroAnulacion` written
 * from the record as it was generated (its `Huella` is not computed here). Pure: the same
 * request gives the same document. Refuses an empty batch, more than 1000 records, or records
 * of another issuer.
 */
export function writeSuministroXml(request: SuministroRequest): string {
  // Loaded by the first record written, not at start-up (xmlbuilder2 takes a tenth of a second).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { create } = require('xmlbuilder2') as typeof import('xmlbuilder2');
  const { records } = request;
  if (records.length === 0) throw new InvalidSubmissionError('a submission needs records');
  if (records.length > MAX_RECORDS_PER_SUBMISSION)
    throw new InvalidSubmissionError(
      `a submission takes at most ${MAX_RECORDS_PER_SUBMISSION} records, got ${records.length}`,
    );
  const foreign = records.find((record) => record.invoice.issuerNif !== request.issuer.nif);
  if (foreign !== undefined)
    throw new InvalidSubmissionError(
      `record ${foreign.recordId} is of issuer ${foreign.invoice.issuerNif}, not ${request.issuer.nif}`,
    );

  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const envelope = document
    .ele(AEAT_NAMESPACES.soap, 'soapenv:Envelope')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:sum', AEAT_NAMESPACES.suministroLR)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:sum1', AEAT_NAMESPACES.suministroInformacion);
  envelope.ele(AEAT_NAMESPACES.soap, 'soapenv:Header');
  const body = envelope
    .ele(AEAT_NAMESPACES.soap, 'soapenv:Body')
    .ele(AEAT_NAMESPACES.suministroLR, 'sum:RegFactuSistemaFacturacion');
  const obligado = child(body.ele(AEAT_NAMESPACES.suministroLR, 'sum:Cabecera'), 'ObligadoEmision');
  child(obligado, 'NombreRazon', request.issuer.name);
  child(obligado, 'NIF', request.issuer.nif);

  for (const record of records) {
    const registro = body.ele(AEAT_NAMESPACES.suministroLR, 'sum:RegistroFactura');
    if (record.kind === 'registration') writeAlta(registro, record, request.software);
    else writeAnulacion(registro, record, request.software);
  }
  return document.end({ prettyPrint: true });
}

/** A `sum1:` element (SuministroInformacion.xsd), with its text when given. */
function child(parent: XMLBuilder, name: string, text?: string): XMLBuilder {
  const element = parent.ele(AEAT_NAMESPACES.suministroInformacion, `sum1:${name}`);
  if (text !== undefined) element.txt(text);
  return element;
}

function writeAlta(parent: XMLBuilder, record: RegistrationRecord, software: InvoicingSoftware) {
  const alta = child(parent, 'RegistroAlta');
  child(alta, 'IDVersion', '1.0');
  writeInvoiceId(child(alta, 'IDFactura'), record.invoice, '');
  child(alta, 'NombreRazonEmisor', record.issuerName);
  child(alta, 'TipoFactura', record.tipoFactura);
  if (record.tipoFactura.startsWith('R')) {
    child(alta, 'TipoRectificativa', 'I');
    if (record.rectified !== null)
      writeInvoiceId(
        child(child(alta, 'FacturasRectificadas'), 'IDFacturaRectificada'),
        record.rectified,
        '',
      );
  }
  child(alta, 'DescripcionOperacion', record.description);
  if (record.recipient !== null) {
    const recipient = child(child(alta, 'Destinatarios'), 'IDDestinatario');
    child(recipient, 'NombreRazon', record.recipient.name);
    child(recipient, 'NIF', record.recipient.nif);
  }
  const desglose = child(alta, 'Desglose');
  for (const line of record.breakdown) {
    const detalle = child(desglose, 'DetalleDesglose');
    child(detalle, 'Impuesto', '01');
    child(detalle, 'ClaveRegimen', '01');
    child(detalle, 'CalificacionOperacion', 'S1');
    child(detalle, 'TipoImpositivo', aeatRate(line.vatRatePercent));
    child(detalle, 'BaseImponibleOimporteNoSujeto', aeatAmount(line.baseCents));
    child(detalle, 'CuotaRepercutida', aeatAmount(line.vatCents));
  }
  child(alta, 'CuotaTotal', aeatAmount(record.cuotaTotalCents));
  child(alta, 'ImporteTotal', aeatAmount(record.importeTotalCents));
  writeTail(alta, record.previous, record, software);
}

function writeAnulacion(
  parent: XMLBuilder,
  record: CancellationRecord,
  software: InvoicingSoftware,
) {
  const anulacion = child(parent, 'RegistroAnulacion');
  child(anulacion, 'IDVersion', '1.0');
  writeInvoiceId(child(anulacion, 'IDFactura'), record.invoice, 'Anulada');
  writeTail(anulacion, record.previous, record, software);
}

/** `IDEmisorFactura…`, `NumSerieFactura…`, `FechaExpedicionFactura…` (+ `Anulada` on a cancel). */
function writeInvoiceId(parent: XMLBuilder, invoice: AeatInvoiceId, suffix: '' | 'Anulada') {
  child(parent, `IDEmisorFactura${suffix}`, invoice.issuerNif);
  child(parent, `NumSerieFactura${suffix}`, invoice.numSerie);
  child(parent, `FechaExpedicionFactura${suffix}`, aeatDate(invoice.issueDate));
}

/** What both kinds end with: the chain link, the software, the instant and the fingerprint. */
function writeTail(
  parent: XMLBuilder,
  previous: ChainLink | null,
  record: ChainRecord,
  software: InvoicingSoftware,
) {
  const chaining = child(parent, 'Encadenamiento');
  if (previous === null) child(chaining, 'PrimerRegistro', 'S');
  else {
    const anterior = child(chaining, 'RegistroAnterior');
    child(anterior, 'IDEmisorFactura', previous.issuerNif);
    child(anterior, 'NumSerieFactura', previous.numSerie);
    child(anterior, 'FechaExpedicionFactura', aeatDate(previous.issueDate));
    child(anterior, 'Huella', previous.huella);
  }
  const system = child(parent, 'SistemaInformatico');
  child(system, 'NombreRazon', software.producerName);
  child(system, 'NIF', software.producerNif);
  child(system, 'NombreSistemaInformatico', software.name);
  child(system, 'IdSistemaInformatico', software.id);
  child(system, 'Version', software.version);
  child(system, 'NumeroInstalacion', software.installationNumber);
  child(system, 'TipoUsoPosibleSoloVerifactu', yesNo(software.onlyVerifactu));
  child(system, 'TipoUsoPosibleMultiOT', yesNo(software.multipleTaxpayers));
  child(system, 'IndicadorMultiplesOT', yesNo(software.hasMultipleTaxpayers));
  child(parent, 'FechaHoraHusoGenRegistro', record.generatedAt);
  child(parent, 'TipoHuella', '01');
  child(parent, 'Huella', record.huella);
}
