import { PlainDate } from '../billing/billing.calendar';
import { DomainEvent } from '../shared/decider';
import { Cents } from '../values/money';

/**
 * Rule 22 (VERI*FACTU, Real Decreto 1007/2023): every invoice issued, credit note granted and
 * invoice cancelled leaves one record in its issuer's chain, in the order the records were
 * generated. The chain of issuer `issuerId` is the stream `verifactu-chain-<issuerId>`; an
 * issuer's NIF is unique among issuers, so one stream per issuer is one chain per NIF.
 */
export const verifactuChainStream = (issuerId: string): string => `verifactu-chain-${issuerId}`;

/** `F1` invoice, `F2` simplified invoice, `R1`–`R5` rectifying invoices (AEAT's L2 list). */
export const TIPOS_FACTURA = ['F1', 'F2', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type TipoFactura = (typeof TIPOS_FACTURA)[number];

/** What identifies an invoice to the AEAT (`IDFactura`): issuer NIF, series-number, date. */
export interface AeatInvoiceId {
  issuerNif: string;
  /** `NumSerieFactura`: the formatted number, e.g. `FA-000123`. */
  numSerie: string;
  /** `FechaExpedicionFactura`, kept as an ISO date; written `DD-MM-YYYY`. */
  issueDate: PlainDate;
}

/** The previous record of the chain (`RegistroAnterior`), or none for the first. */
export interface ChainLink extends AeatInvoiceId {
  huella: string;
}

/** One line of `Desglose`: VAT charged at one rate (regime 01, operation S1). */
export interface VatBreakdownLine {
  vatRatePercent: number;
  baseCents: Cents;
  vatCents: Cents;
}

interface RecordCommon {
  /** uuid of the record, unique in all chains. */
  recordId: string;
  issuerId: string;
  /** `NombreRazon` of the issuer as it was when the record was generated. */
  issuerName: string;
  /** The invoice the record is about (a credit note's record names the credit note's invoice). */
  invoiceId: string;
  invoice: AeatInvoiceId;
  /** `RegistroAnterior`: the chain's last record when this one was generated; null: the first. */
  previous: ChainLink | null;
  /** `FechaHoraHusoGenRegistro`: ISO 8601 with the offset, e.g. `2024-01-01T19:20:30+01:00`. */
  generatedAt: string;
  /** `Huella`: SHA-256 (64 upper-case hex) of the record's fields and the previous `Huella`. */
  huella: string;
}

/** `RegistroAlta` of an invoice (`F1`/`F2`) or of a credit note (`R1`–`R5`, by difference `I`). */
export interface RegistrationRecord extends RecordCommon {
  kind: 'registration';
  /** The invoice's id, or the credit note's id for a rectifying record. */
  documentId: string;
  tipoFactura: TipoFactura;
  /** For a rectifying record: the invoice it rectifies (`FacturasRectificadas`), by difference. */
  rectified: AeatInvoiceId | null;
  /** `DescripcionOperacion`. */
  description: string;
  /** `Destinatarios`: absent on a simplified invoice (`F2`) to a customer without tax id. */
  recipient: { name: string; nif: string } | null;
  /** Signed: a credit note's amounts are negative (rectifying by difference). */
  breakdown: VatBreakdownLine[];
  cuotaTotalCents: Cents;
  importeTotalCents: Cents;
}

/** `RegistroAnulacion` of an invoice registered before. */
export interface CancellationRecord extends RecordCommon {
  kind: 'cancellation';
}

export type ChainRecord = RegistrationRecord | CancellationRecord;

export type InvoiceRegistrationRecorded = DomainEvent<
  'InvoiceRegistrationRecorded',
  RegistrationRecord
>;
export type InvoiceCancellationRecorded = DomainEvent<
  'InvoiceCancellationRecorded',
  CancellationRecord
>;
export type VerifactuChainEvent = InvoiceRegistrationRecorded | InvoiceCancellationRecorded;

const VERIFACTU_CHAIN_EVENT_TYPE_SET: Record<VerifactuChainEvent['type'], true> = {
  InvoiceRegistrationRecorded: true,
  InvoiceCancellationRecorded: true,
};

export const VERIFACTU_CHAIN_EVENT_TYPES = Object.keys(
  VERIFACTU_CHAIN_EVENT_TYPE_SET,
) as VerifactuChainEvent['type'][];

export const isVerifactuChainEvent = (event: { type: string }): event is VerifactuChainEvent =>
  Object.prototype.hasOwnProperty.call(VERIFACTU_CHAIN_EVENT_TYPE_SET, event.type);

export const recordOf = (event: VerifactuChainEvent): ChainRecord => event.data;
