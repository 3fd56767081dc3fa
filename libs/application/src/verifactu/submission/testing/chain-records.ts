import { createHash } from 'node:crypto';
import { CancellationRecord, ChainLink, ChainRecord, RegistrationRecord } from '@app/domain';

/** Tests only: a 64-hex stand-in for a fingerprint (the Huella is computed elsewhere). */
export const fakeHuella = (seed: string): string =>
  createHash('sha256').update(seed).digest('hex').toUpperCase();

export const ISSUER = { id: 'issuer-1', name: 'Fibra Norte SL', nif: '89890001K' };

const linkOf = (record: ChainRecord): ChainLink => ({ ...record.invoice, huella: record.huella });

/** Tests only: an `F1` registration record of ISSUER, chained after `previous`. */
export function registration(
  n: number,
  previous: ChainRecord | null,
  overrides: Partial<RegistrationRecord> = {},
): RegistrationRecord {
  const numSerie = overrides.invoice?.numSerie ?? `FA-${String(n).padStart(6, '0')}`;
  return {
    kind: 'registration',
    recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    issuerId: ISSUER.id,
    issuerName: ISSUER.name,
    invoiceId: `invoice-${n}`,
    documentId: `invoice-${n}`,
    invoice: { issuerNif: ISSUER.nif, numSerie, issueDate: '2026-03-01' },
    previous: previous === null ? null : linkOf(previous),
    generatedAt: `2026-03-01T10:00:${String(n % 60).padStart(2, '0')}+01:00`,
    huella: fakeHuella(`record-${n}`),
    tipoFactura: 'F1',
    rectified: null,
    description: 'Fibra 600 Mb, marzo 2026',
    recipient: { name: 'Ana Muñoz & Hijos <SL>', nif: '12345678Z' },
    breakdown: [{ vatRatePercent: 21, baseCents: 10000, vatCents: 2100 }],
    cuotaTotalCents: 2100,
    importeTotalCents: 12100,
    ...overrides,
  };
}

/** Tests only: a cancellation of `cancelled`'s invoice, chained after `previous`. */
export function cancellation(
  n: number,
  cancelled: RegistrationRecord,
  previous: ChainRecord,
): CancellationRecord {
  return {
    kind: 'cancellation',
    recordId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    issuerId: ISSUER.id,
    issuerName: ISSUER.name,
    invoiceId: cancelled.invoiceId,
    invoice: cancelled.invoice,
    previous: linkOf(previous),
    generatedAt: `2026-03-01T10:01:${String(n % 60).padStart(2, '0')}+01:00`,
    huella: fakeHuella(`record-${n}`),
  };
}

/** Tests only: a chain of F1, F2 (no recipient), R1 by difference and a cancellation. */
export function sampleChain(): ChainRecord[] {
  const f1 = registration(1, null);
  const f2 = registration(2, f1, {
    tipoFactura: 'F2',
    recipient: null,
    breakdown: [
      { vatRatePercent: 21, baseCents: 1000, vatCents: 210 },
      { vatRatePercent: 10, baseCents: 500, vatCents: 50 },
    ],
    cuotaTotalCents: 260,
    importeTotalCents: 1760,
  });
  const r1 = registration(3, f2, {
    tipoFactura: 'R1',
    invoice: { issuerNif: ISSUER.nif, numSerie: 'AB-000001', issueDate: '2026-03-02' },
    documentId: 'credit-note-1',
    invoiceId: 'invoice-1',
    rectified: f1.invoice,
    breakdown: [{ vatRatePercent: 21, baseCents: -5000, vatCents: -1050 }],
    cuotaTotalCents: -1050,
    importeTotalCents: -6050,
  });
  const cancel = cancellation(4, f2, r1);
  return [f1, f2, r1, cancel];
}
