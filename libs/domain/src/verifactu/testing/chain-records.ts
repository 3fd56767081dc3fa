import { ChainRecordContent, chainRecord } from '../huella';
import { CancellationRecord, ChainRecord, RegistrationRecord } from '../verifactu.events';

/** A registration record's content for tests: AEAT's first vector unless overridden. */
export const registrationContent = (
  overrides: Partial<ChainRecordContent<RegistrationRecord>> = {},
): ChainRecordContent<RegistrationRecord> => ({
  kind: 'registration',
  recordId: 'record-1',
  issuerId: 'issuer-1',
  issuerName: 'Emisor de pruebas SL',
  invoiceId: 'invoice-1',
  documentId: 'invoice-1',
  invoice: { issuerNif: '89890001K', numSerie: '12345678/G33', issueDate: '2024-01-01' },
  tipoFactura: 'F1',
  rectified: null,
  description: 'Servicio mensual',
  recipient: { name: 'Cliente de pruebas', nif: '12345678Z' },
  breakdown: [{ vatRatePercent: 21, baseCents: 11110, vatCents: 1235 }],
  cuotaTotalCents: 1235,
  importeTotalCents: 12345,
  generatedAt: '2024-01-01T19:20:30+01:00',
  ...overrides,
});

/** A cancellation record's content for tests. */
export const cancellationContent = (
  overrides: Partial<ChainRecordContent<CancellationRecord>> = {},
): ChainRecordContent<CancellationRecord> => ({
  kind: 'cancellation',
  recordId: 'record-cancel-1',
  issuerId: 'issuer-1',
  issuerName: 'Emisor de pruebas SL',
  invoiceId: 'invoice-1',
  invoice: { issuerNif: '89890001K', numSerie: '12345678/G33', issueDate: '2024-01-01' },
  generatedAt: '2024-01-01T19:20:40+01:00',
  ...overrides,
});

/** A chain of these contents, each linked to the one before. */
export function chainOf(contents: readonly ChainRecordContent[]): ChainRecord[] {
  const records: ChainRecord[] = [];
  for (const content of contents) records.push(chainRecord(records.at(-1) ?? null, content));
  return records;
}

/** `count` registrations of one issuer, numbered `FA-000001`…, one second apart. */
export function registrationChain(count: number, issuerId = 'issuer-1'): ChainRecord[] {
  return chainOf(
    Array.from({ length: count }, (_, index) =>
      registrationContent({
        recordId: `${issuerId}-record-${index + 1}`,
        issuerId,
        invoiceId: `${issuerId}-invoice-${index + 1}`,
        documentId: `${issuerId}-invoice-${index + 1}`,
        invoice: {
          issuerNif: '89890001K',
          numSerie: `FA-${String(index + 1).padStart(6, '0')}`,
          issueDate: '2026-12-01',
        },
        cuotaTotalCents: 210 + index,
        importeTotalCents: 1210 + index,
        generatedAt: `2026-12-01T10:${two(Math.floor(index / 60) % 60)}:${two(index % 60)}+01:00`,
      }),
    ),
  );
}

const two = (value: number) => value.toString().padStart(2, '0');
