import fc from 'fast-check';
import { ChainVerifier, chainLinkText, verifyChain } from './chain-verification';
import { ChainRecordContent, chainRecord } from './huella';
import {
  cancellationContent,
  chainOf,
  registrationChain,
  registrationContent,
} from './testing/chain-records';
import { ChainRecord, TIPOS_FACTURA } from './verifactu.events';

const day = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const numSerie = fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,6}$/);
const cents = fc.integer({ min: -10_000_000, max: 10_000_000 });

/** One record's content: a registration of any type and amount, or a cancellation. */
const content = (index: number) =>
  fc.oneof(
    fc
      .record({
        numSerie,
        issueDate: day,
        tipo: fc.constantFrom(...TIPOS_FACTURA),
        cuota: cents,
        importe: cents,
      })
      .map(({ numSerie, issueDate, tipo, cuota, importe }) =>
        registrationContent({
          recordId: `record-${index}`,
          invoice: { issuerNif: '89890001K', numSerie, issueDate },
          tipoFactura: tipo,
          cuotaTotalCents: cuota,
          importeTotalCents: importe,
          generatedAt: `2026-12-01T10:00:${String(index % 60).padStart(2, '0')}+01:00`,
        }),
      ),
    fc.record({ numSerie, issueDate: day }).map(({ numSerie, issueDate }) =>
      cancellationContent({
        recordId: `record-${index}`,
        invoice: { issuerNif: '89890001K', numSerie, issueDate },
      }),
    ),
  );

const contents = fc
  .integer({ min: 1, max: 25 })
  .chain((length) => fc.tuple(...Array.from({ length }, (_, index) => content(index))));

/** One field of one record changed to something else, as an edit of the stored log would. */
type Tamper = (record: ChainRecord) => ChainRecord;
const otherDay = (date: string) => (date === '2023-06-15' ? '2023-06-16' : '2023-06-15');
const tampers: Record<string, Tamper> = {
  amount: (record) =>
    record.kind === 'registration'
      ? { ...record, importeTotalCents: record.importeTotalCents + 1 }
      : { ...record, invoice: { ...record.invoice, numSerie: `${record.invoice.numSerie}X` } },
  cuota: (record) =>
    record.kind === 'registration'
      ? { ...record, cuotaTotalCents: record.cuotaTotalCents - 7 }
      : { ...record, generatedAt: '2020-01-01T00:00:00+01:00' },
  number: (record) => ({
    ...record,
    invoice: { ...record.invoice, numSerie: `${record.invoice.numSerie}9` },
  }),
  date: (record) => ({
    ...record,
    invoice: { ...record.invoice, issueDate: otherDay(record.invoice.issueDate) },
  }),
  huella: (record) => ({
    ...record,
    huella: record.huella.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
  }),
  previousHuella: (record) => ({
    ...record,
    previous:
      record.previous === null
        ? {
            issuerNif: '89890001K',
            numSerie: 'FAKE-1',
            issueDate: '2024-01-01',
            huella: 'F'.repeat(64),
          }
        : { ...record.previous, huella: '0'.repeat(64) },
  }),
  previousNumber: (record) => ({
    ...record,
    previous: record.previous === null ? null : { ...record.previous, numSerie: 'OTHER-1' },
  }),
  tipo: (record) =>
    record.kind === 'registration'
      ? { ...record, tipoFactura: record.tipoFactura === 'F1' ? 'F2' : 'F1' }
      : { ...record, invoice: { ...record.invoice, issuerNif: 'B00000000' } },
};

describe('verifyChain (rule 22)', () => {
  it('an empty chain is valid', () => {
    expect(verifyChain([])).toEqual({ valid: true, records: 0 });
  });

  it('a chain built with chainRecord always verifies', () => {
    fc.assert(
      fc.property(contents, (items) => {
        const chain = chainOf(items as ChainRecordContent[]);
        expect(verifyChain(chain)).toEqual({ valid: true, records: chain.length });
      }),
    );
  });

  it('changing any one field of any one record is reported at that record', () => {
    fc.assert(
      fc.property(
        contents,
        fc.nat(),
        fc.constantFrom(...Object.keys(tampers)),
        (items, at, field) => {
          const chain = chainOf(items as ChainRecordContent[]);
          const index = at % chain.length;
          const tampered = tampers[field](chain[index]);
          // previousNumber on the first record changes nothing (it has no previous).
          fc.pre(JSON.stringify(tampered) !== JSON.stringify(chain[index]));
          const altered = chain.map((record, i) => (i === index ? tampered : record));
          const outcome = verifyChain(altered);
          expect(outcome.valid).toBe(false);
          expect(outcome.records).toBe(chain.length);
          expect(outcome.firstBroken).toMatchObject({
            index,
            recordId: chain[index].recordId,
            numSerie: tampered.invoice.numSerie,
          });
        },
      ),
    );
  });

  it('names a changed amount a fingerprint break, with the fingerprint its fields give', () => {
    const chain = registrationChain(5);
    const altered = chain.map((record, i) =>
      i === 3 && record.kind === 'registration' ? { ...record, importeTotalCents: 1 } : record,
    );
    const recomputed = chainRecord(chain[2], {
      ...(altered[3] as ChainRecordContent),
    }).huella;
    expect(verifyChain(altered)).toEqual({
      valid: false,
      records: 5,
      firstBroken: {
        index: 3,
        recordId: chain[3].recordId,
        numSerie: 'FA-000004',
        reason: 'fingerprint',
        expected: recomputed,
        found: chain[3].huella,
      },
    });
  });

  it('names a record that does not follow the one before a link break', () => {
    const chain = registrationChain(4);
    const skipped = [chain[0], chain[2], chain[3]];
    expect(verifyChain(skipped).firstBroken).toEqual({
      index: 1,
      recordId: chain[2].recordId,
      numSerie: 'FA-000003',
      reason: 'link',
      expected: chainLinkText({ ...chain[0].invoice, huella: chain[0].huella }),
      found: chainLinkText(chain[2].previous),
    });
  });

  it('a first record naming a previous one is a link break', () => {
    const chain = registrationChain(3);
    expect(verifyChain(chain.slice(1)).firstBroken).toMatchObject({
      index: 0,
      reason: 'link',
      expected: 'none',
    });
  });

  it('a record whose amount is no longer whole cents is a fingerprint break, not a crash', () => {
    const chain = registrationChain(2);
    const altered = [chain[0], { ...chain[1], importeTotalCents: 'a lot' as unknown as number }];
    expect(verifyChain(altered).firstBroken).toMatchObject({
      index: 1,
      reason: 'fingerprint',
      expected: expect.stringMatching(/^not computable/),
    });
  });
});

describe('ChainVerifier (incremental)', () => {
  it('answers what verifyChain answers, fed one record at a time', () => {
    const chain = registrationChain(50);
    const altered = chain.map((record, i) => (i === 20 ? { ...record, huella: 'X' } : record));
    const verifier = new ChainVerifier();
    const seen = altered.map((record) => verifier.add(record));
    expect(seen.slice(0, 20).every((brokenSoFar) => brokenSoFar === undefined)).toBe(true);
    expect(seen[20]).toMatchObject({ index: 20, reason: 'fingerprint' });
    expect(verifier.records).toBe(50);
    expect(verifier.result()).toEqual(verifyChain(altered));
  });

  it('keeps the first break when later records are broken too', () => {
    const chain = registrationChain(10);
    const altered = chain.map((record, i) =>
      i === 2 || i === 7 ? { ...record, huella: 'X' } : record,
    );
    expect(verifyChain(altered).firstBroken?.index).toBe(2);
  });
});
