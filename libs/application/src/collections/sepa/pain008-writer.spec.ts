import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { MAX_AMOUNT_CENTS } from '@app/domain';
import { isCalendarDay } from '../../shared/calendar-values';
import {
  DirectDebitFile,
  DirectDebitTransaction,
  InvalidDirectDebitFileError,
  PAIN_VERSIONS,
  PainVersion,
} from './direct-debit-file';
import { PAIN_008_NAMESPACES, writePain008 } from './pain008-writer';

const runFile = promisify(execFile);
const XMLLINT = '/usr/bin/xmllint';
const schemaOf = (version: PainVersion) => join(__dirname, 'schemas', `pain.008.${version}.xsd`);

let workDirectory: string;
beforeAll(async () => {
  workDirectory = await mkdtemp(join(tmpdir(), 'pain008-'));
});
afterAll(async () => {
  await rm(workDirectory, { recursive: true, force: true });
});

let fileCount = 0;
/** xmllint's verdict on the document against the official XSD of its version. */
async function validateAgainstSchema(
  xml: string,
  version: PainVersion,
): Promise<{ valid: boolean; output: string }> {
  const path = join(workDirectory, `file-${++fileCount}.xml`);
  await writeFile(path, xml, 'utf8');
  try {
    const { stderr } = await runFile(XMLLINT, ['--noout', '--schema', schemaOf(version), path]);
    return { valid: true, output: stderr };
  } catch (error: unknown) {
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    return { valid: false, output: stderr };
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'PmtInf' || name === 'DrctDbtTxInf',
});

interface ParsedTransaction {
  PmtId: { EndToEndId: string };
  InstdAmt: { '#text': string; '@_Ccy': string };
  DrctDbtTx: { MndtRltdInf: { MndtId: string; DtOfSgntr: string } };
  DbtrAgt: { FinInstnId: { BICFI?: string; BIC?: string; Othr?: { Id: string } } };
  Dbtr: { Nm: string };
  DbtrAcct: { Id: { IBAN: string } };
  RmtInf?: { Ustrd: string };
}
interface ParsedPayment {
  PmtInfId: string;
  NbOfTxs: string;
  CtrlSum: string;
  PmtTpInf: { SvcLvl: { Cd: string }; LclInstrm: { Cd: string }; SeqTp: string };
  ReqdColltnDt: string;
  ChrgBr: string;
  CdtrAgt: { FinInstnId: { BICFI?: string; BIC?: string; Othr?: { Id: string } } };
  CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: string; SchmeNm: { Prtry: string } } } } };
  DrctDbtTxInf: ParsedTransaction[];
}
interface ParsedDocument {
  Document: {
    '@_xmlns': string;
    CstmrDrctDbtInitn: {
      GrpHdr: { MsgId: string; NbOfTxs: string; CtrlSum: string; InitgPty: { Nm: string } };
      PmtInf: ParsedPayment[];
    };
  };
}
const parse = (xml: string): ParsedDocument => parser.parse(xml) as ParsedDocument;

/**
 * The EPC SDD Core rule the ISO XSD does not enforce: every transaction names its mandate
 * (MndtId) and the mandate's signature date (DtOfSgntr), a real YYYY-MM-DD.
 */
function epcMandateProblems(xml: string): string[] {
  const relaxed = new XMLParser({
    parseTagValue: false,
    isArray: (name) => name === 'PmtInf' || name === 'DrctDbtTxInf',
  });
  const document = relaxed.parse(xml) as {
    Document: {
      CstmrDrctDbtInitn: {
        PmtInf: {
          DrctDbtTxInf: {
            PmtId: { EndToEndId: string };
            DrctDbtTx?: { MndtRltdInf?: { MndtId?: string; DtOfSgntr?: string } };
          }[];
        }[];
      };
    };
  };
  return document.Document.CstmrDrctDbtInitn.PmtInf.flatMap((payment) =>
    payment.DrctDbtTxInf.flatMap((transaction) => {
      const mandate = transaction.DrctDbtTx?.MndtRltdInf;
      const id = transaction.PmtId.EndToEndId;
      const problems: string[] = [];
      if (!mandate?.MndtId) problems.push(`${id}: MndtId missing`);
      if (mandate?.DtOfSgntr === undefined) problems.push(`${id}: DtOfSgntr missing`);
      else if (!isCalendarDay(mandate.DtOfSgntr)) problems.push(`${id}: DtOfSgntr not a date`);
      return problems;
    }),
  );
}

const creditor = {
  name: 'Telecomunicaciones Peñíscola, S.L.',
  iban: 'ES9121000418450200051332',
  bic: 'CAIXESBBXXX',
  creditorId: 'ES11ZZZB12345674',
};

const transaction = (overrides: Partial<DirectDebitTransaction>): DirectDebitTransaction => ({
  endToEndId: 'EFF-0001',
  amountCents: 1234,
  mandateId: 'MND-CTR-0001',
  mandateSignedOn: '2024-05-17',
  sequenceType: 'RCUR',
  debtorName: 'Muñoz Pérez, José',
  debtorIban: 'ES7620770024003102575766',
  debtorBic: 'BSCHESMMXXX',
  remittanceInformation: 'Factura F2026-000123',
  ...overrides,
});

const mixedFile = (version: PainVersion): DirectDebitFile => ({
  version,
  messageId: 'REM-2026-12-05-0001',
  createdAt: '2026-12-03T10:15:00Z',
  collectionDate: '2026-12-05',
  creditor,
  transactions: [
    transaction({ endToEndId: 'EFF-0001', amountCents: 1234, sequenceType: 'RCUR' }),
    transaction({
      endToEndId: 'EFF-0002',
      amountCents: 1,
      sequenceType: 'FRST',
      mandateId: 'MND-CTR-0002',
      mandateSignedOn: '2026-11-30',
      debtorName: 'ÁLVARO IBÁÑEZ ÚBEDA Y CÍA. — Çelik Straße',
      debtorIban: 'ES1000492352082414205416',
      debtorBic: null,
    }),
    transaction({
      endToEndId: 'EFF-0003',
      amountCents: MAX_AMOUNT_CENTS,
      sequenceType: 'RCUR',
      debtorName: `Ñandú ${'Larguísimo '.repeat(10)}`,
      debtorIban: 'DE89370400440532013000',
      debtorBic: undefined,
      remittanceInformation: '',
    }),
    transaction({
      endToEndId: 'EFF-0004',
      amountCents: 99,
      sequenceType: 'FRST',
      mandateId: 'MND-CTR-0004',
      debtorName: 'Gómez & Hijos',
      debtorIban: 'FR1420041010050500013M02606',
      debtorBic: 'BNPAFRPP',
    }),
  ],
});

describe.each(PAIN_VERSIONS)('writePain008, pain.008.%s', (version) => {
  const bicElement = version === '001.08' ? 'BICFI' : 'BIC';

  it('writes a file with FRST and RCUR, accents, 1 cent and the maximum that the official XSD accepts', async () => {
    const xml = writePain008(mixedFile(version));
    const verdict = await validateAgainstSchema(xml, version);
    expect(verdict.output).toContain('validates');
    expect(verdict.valid).toBe(true);
  });

  it('is checked by a validation that can fail: the XSD rejects a file missing a required element or with a negative amount', async () => {
    const xml = writePain008(mixedFile(version));
    const withoutCollectionDate = xml.replace(/\s*<ReqdColltnDt>[^<]*<\/ReqdColltnDt>/, '');
    const negativeAmount = xml.replace('>12.34</InstdAmt>', '>-12.34</InstdAmt>');
    const otherVersionsBic = xml.replace(
      /<(\/?)BIC(FI)?>/g,
      version === '001.08' ? '<$1BIC>' : '<$1BICFI>',
    );
    for (const tampered of [withoutCollectionDate, negativeAmount, otherVersionsBic]) {
      expect(tampered).not.toBe(xml);
      const verdict = await validateAgainstSchema(tampered, version);
      expect(verdict.valid).toBe(false);
      expect(verdict.output).toContain('fails to validate');
    }
  });

  // The ISO schemas declare MndtId and DtOfSgntr minOccurs="0"; the EPC SDD Core guidelines
  // make both mandatory. So a file missing DtOfSgntr passes xmllint against the ISO XSD, and
  // only the EPC-rule check below (and the writer's refusal of input without the date) catch it.
  it('writes a file the EPC mandate check accepts and that the check rejects once DtOfSgntr is removed', async () => {
    const xml = writePain008(mixedFile(version));
    expect(epcMandateProblems(xml)).toEqual([]);
    const tampered = xml.replace(/\s*<DtOfSgntr>[^<]*<\/DtOfSgntr>/, '');
    expect(tampered).not.toBe(xml);
    expect(epcMandateProblems(tampered)).toEqual(['EFF-0002: DtOfSgntr missing']);
    expect((await validateAgainstSchema(tampered, version)).valid).toBe(true);
  });

  it('counts and sums in the group header and in one block per sequence type', () => {
    const document = parse(writePain008(mixedFile(version))).Document;
    expect(document['@_xmlns']).toBe(PAIN_008_NAMESPACES[version]);
    const { GrpHdr, PmtInf } = document.CstmrDrctDbtInitn;
    expect(GrpHdr.MsgId).toBe('REM-2026-12-05-0001');
    expect(GrpHdr.NbOfTxs).toBe('4');
    expect(GrpHdr.CtrlSum).toBe('100000013.34');
    expect(GrpHdr.InitgPty.Nm).toBe('Telecomunicaciones Peniscola, S.L.');

    expect(PmtInf.map((p) => p.PmtTpInf.SeqTp)).toEqual(['FRST', 'RCUR']);
    const [first, recurrent] = PmtInf;
    expect(first).toMatchObject({
      PmtInfId: 'REM-2026-12-05-0001-FRST',
      NbOfTxs: '2',
      CtrlSum: '1.00',
      ReqdColltnDt: '2026-12-05',
      ChrgBr: 'SLEV',
      PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' } },
      CdtrAgt: { FinInstnId: { [bicElement]: 'CAIXESBBXXX' } },
      CdtrSchmeId: {
        Id: { PrvtId: { Othr: { Id: 'ES11ZZZB12345674', SchmeNm: { Prtry: 'SEPA' } } } },
      },
    });
    expect(recurrent).toMatchObject({ NbOfTxs: '2', CtrlSum: '100000012.34' });
    expect(first.DrctDbtTxInf.map((t) => t.PmtId.EndToEndId)).toEqual(['EFF-0002', 'EFF-0004']);
    expect(recurrent.DrctDbtTxInf.map((t) => t.PmtId.EndToEndId)).toEqual(['EFF-0001', 'EFF-0003']);
  });

  it('writes amounts, mandates, agents, names and remittance information per transaction', () => {
    const [first, recurrent] = parse(writePain008(mixedFile(version))).Document.CstmrDrctDbtInitn
      .PmtInf;
    const [oneCent, gomez] = first.DrctDbtTxInf;
    const [ordinary, maximum] = recurrent.DrctDbtTxInf;

    expect(ordinary.InstdAmt).toEqual({ '#text': '12.34', '@_Ccy': 'EUR' });
    expect(oneCent.InstdAmt['#text']).toBe('0.01');
    expect(gomez.InstdAmt['#text']).toBe('0.99');
    expect(maximum.InstdAmt['#text']).toBe('100000000.00');

    expect(ordinary.DrctDbtTx.MndtRltdInf).toEqual({
      MndtId: 'MND-CTR-0001',
      DtOfSgntr: '2024-05-17',
    });
    expect(oneCent.DrctDbtTx.MndtRltdInf).toEqual({
      MndtId: 'MND-CTR-0002',
      DtOfSgntr: '2026-11-30',
    });

    expect(ordinary.DbtrAgt.FinInstnId).toEqual({ [bicElement]: 'BSCHESMMXXX' });
    expect(oneCent.DbtrAgt.FinInstnId).toEqual({ Othr: { Id: 'NOTPROVIDED' } });
    expect(maximum.DbtrAgt.FinInstnId).toEqual({ Othr: { Id: 'NOTPROVIDED' } });

    expect(ordinary.Dbtr.Nm).toBe('Munoz Perez, Jose');
    expect(oneCent.Dbtr.Nm).toBe('ALVARO IBANEZ UBEDA Y CIA. - Celik Strasse');
    expect(gomez.Dbtr.Nm).toBe('Gomez + Hijos');
    expect(maximum.Dbtr.Nm).toHaveLength(70);
    expect(maximum.Dbtr.Nm.startsWith('Nandu Larguisimo')).toBe(true);

    expect(ordinary.DbtrAcct.Id.IBAN).toBe('ES7620770024003102575766');
    expect(ordinary.RmtInf).toEqual({ Ustrd: 'Factura F2026-000123' });
    expect(maximum.RmtInf).toBeUndefined();
  });

  it('writes one block only when all transactions share a sequence type', () => {
    const file = mixedFile(version);
    const onlyRecurrent = { ...file, transactions: [transaction({})] };
    const { PmtInf } = parse(writePain008(onlyRecurrent)).Document.CstmrDrctDbtInitn;
    expect(PmtInf.map((p) => p.PmtTpInf.SeqTp)).toEqual(['RCUR']);
  });
});

describe('writePain008 accounts', () => {
  it('writes IBANs in electronic format even when given with spaces or lower case', () => {
    const file = {
      ...mixedFile('001.08'),
      creditor: { ...creditor, iban: 'es91 2100 0418 4502 0005 1332' },
      transactions: [transaction({ debtorIban: 'ES76 2077 0024 0031 0257 5766' })],
    };
    const xml = writePain008(file);
    expect(xml).toContain('<IBAN>ES9121000418450200051332</IBAN>');
    expect(xml).toContain('<IBAN>ES7620770024003102575766</IBAN>');
  });
});

describe('writePain008 versions', () => {
  it('differs only where the versions differ: BICFI in .08, BIC in .02', () => {
    const modern = writePain008(mixedFile('001.08'));
    const legacy = writePain008(mixedFile('001.02'));
    expect(modern).toContain('<BICFI>CAIXESBBXXX</BICFI>');
    expect(modern).not.toContain('<BIC>');
    expect(legacy).toContain('<BIC>CAIXESBBXXX</BIC>');
    expect(legacy).not.toContain('<BICFI>');
    expect(legacy.replace(/BIC>/g, 'BICFI>').replace('pain.008.001.02', 'pain.008.001.08')).toBe(
      modern,
    );
  });

  it('is deterministic', () => {
    expect(writePain008(mixedFile('001.08'))).toBe(writePain008(mixedFile('001.08')));
  });
});

describe('writePain008 refuses bad input, naming the field', () => {
  const refusal = (file: DirectDebitFile): InvalidDirectDebitFileError => {
    try {
      writePain008(file);
    } catch (error: unknown) {
      if (error instanceof InvalidDirectDebitFileError) return error;
      throw error;
    }
    throw new Error('writePain008 accepted the file');
  };
  const withTransaction = (overrides: Partial<DirectDebitTransaction>): DirectDebitFile => ({
    ...mixedFile('001.08'),
    transactions: [transaction(overrides)],
  });

  it.each<[string, DirectDebitFile, string, RegExp]>([
    [
      'no transactions',
      { ...mixedFile('001.08'), transactions: [] },
      'transactions',
      /at least one/,
    ],
    [
      'a zero amount',
      withTransaction({ amountCents: 0 }),
      'transactions[0].amountCents',
      /positive/,
    ],
    [
      'a negative amount',
      withTransaction({ amountCents: -5 }),
      'transactions[0].amountCents',
      /positive/,
    ],
    [
      'a fractional amount',
      withTransaction({ amountCents: 12.5 }),
      'transactions[0].amountCents',
      /whole/,
    ],
    [
      'an amount over the maximum',
      withTransaction({ amountCents: MAX_AMOUNT_CENTS + 1 }),
      'transactions[0].amountCents',
      /at most/,
    ],
    [
      'NaN',
      withTransaction({ amountCents: Number.NaN }),
      'transactions[0].amountCents',
      /positive/,
    ],
    [
      'an impossible signature date',
      withTransaction({ mandateSignedOn: '2024-02-30' }),
      'transactions[0].mandateSignedOn',
      /exists/,
    ],
    [
      'a signature after the collection',
      withTransaction({ mandateSignedOn: '2026-12-06' }),
      'transactions[0].mandateSignedOn',
      /after the collection date/,
    ],
    [
      'a bad collection date',
      { ...mixedFile('001.08'), collectionDate: '05/12/2026' },
      'collectionDate',
      /YYYY-MM-DD/,
    ],
    [
      'a creation time without seconds',
      { ...mixedFile('001.08'), createdAt: '2026-12-03T10:15Z' },
      'createdAt',
      /seconds/,
    ],
    [
      'an over-long message id',
      { ...mixedFile('001.08'), messageId: 'M'.repeat(36) },
      'messageId',
      /at most 35/,
    ],
    [
      'an over-long end-to-end id',
      withTransaction({ endToEndId: 'E'.repeat(36) }),
      'transactions[0].endToEndId',
      /at most 35/,
    ],
    [
      'an over-long mandate id',
      withTransaction({ mandateId: 'M'.repeat(36) }),
      'transactions[0].mandateId',
      /at most 35/,
    ],
    [
      'a mandate id with a space',
      withTransaction({ mandateId: 'MND 1' }),
      'transactions[0].mandateId',
      /no spaces/,
    ],
    [
      'an over-long remittance text',
      withTransaction({ remittanceInformation: 'x'.repeat(141) }),
      'transactions[0].remittanceInformation',
      /at most 140/,
    ],
    [
      'an invalid IBAN',
      withTransaction({ debtorIban: 'ES7620770024003102575767' }),
      'transactions[0].debtorIban',
      /mod-97/,
    ],
    [
      'a malformed BIC',
      withTransaction({ debtorBic: 'caixesbb' }),
      'transactions[0].debtorBic',
      /BIC/,
    ],
    [
      'a name with no Latin letter',
      withTransaction({ debtorName: '李小龙' }),
      'transactions[0].debtorName',
      /Latin/,
    ],
    [
      'an unknown sequence type',
      withTransaction({ sequenceType: 'OOFF' as DirectDebitTransaction['sequenceType'] }),
      'transactions[0].sequenceType',
      /FRST or RCUR/,
    ],
    [
      'a creditor id with wrong check digits',
      { ...mixedFile('001.08'), creditor: { ...creditor, creditorId: 'ES12ZZZB12345674' } },
      'creditor.creditorId',
      /check digits/,
    ],
    [
      'an unknown version',
      { ...mixedFile('001.08'), version: '001.09' as PainVersion },
      'version',
      /001.08/,
    ],
  ])('%s', (_, file, field, message) => {
    const error = refusal(file);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.problems[0].message).toMatch(message);
  });

  it('refuses a repeated end-to-end id on the repeat', () => {
    const file = mixedFile('001.08');
    file.transactions[2] = { ...file.transactions[2], endToEndId: 'EFF-0001' };
    expect(refusal(file).field).toBe('transactions[2].endToEndId');
  });

  it('lists every problem at once', () => {
    const error = refusal({
      ...mixedFile('001.08'),
      messageId: '',
      transactions: [transaction({ amountCents: 0, mandateSignedOn: 'yesterday' })],
    });
    expect(error.problems.map((p) => p.field)).toEqual([
      'messageId',
      'transactions[0].amountCents',
      'transactions[0].mandateSignedOn',
    ]);
  });

  it('accepts the well-known example creditor identifier DE98ZZZ09999999999', () => {
    const file = {
      ...mixedFile('001.08'),
      creditor: { ...creditor, creditorId: 'DE98ZZZ09999999999' },
    };
    expect(() => writePain008(file)).not.toThrow();
  });
});

describe('writePain008 properties', () => {
  const ibans = [
    'ES9121000418450200051332',
    'ES7620770024003102575766',
    'ES6621000418401234567891',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'IT60X0542811101000000123456',
    'NL91ABNA0417164300',
  ];
  const name = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 90 }).map((s) => `N${s}`);
  const transactionsArbitrary = fc
    .array(
      fc.record({
        amountCents: fc.oneof(
          fc.integer({ min: 1, max: 10_000 }),
          fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }),
        ),
        sequenceType: fc.constantFrom<DirectDebitTransaction['sequenceType']>('FRST', 'RCUR'),
        debtorName: name,
        debtorIban: fc.constantFrom(...ibans),
        debtorBic: fc.constantFrom<string | null>(null, 'CAIXESBBXXX', 'BNPAFRPP'),
        remittanceInformation: fc.string({ unit: 'grapheme', maxLength: 140 }),
        mandateSignedOn: fc.constantFrom('2009-11-02', '2020-02-29', '2026-12-05'),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((generated) =>
      generated.map((t, index) =>
        transaction({ ...t, endToEndId: `EFF-${index}`, mandateId: `MND-${index}` }),
      ),
    );
  const fileArbitrary = fc.record({
    version: fc.constantFrom(...PAIN_VERSIONS),
    transactions: transactionsArbitrary,
  });

  it('writes control sums equal to the exact sum of the cents, in the header and per block', () => {
    fc.assert(
      fc.property(fileArbitrary, ({ version, transactions }) => {
        const file = { ...mixedFile(version), transactions };
        const { GrpHdr, PmtInf } = parse(writePain008(file)).Document.CstmrDrctDbtInitn;
        const euros = (cents: bigint) =>
          `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
        const sumOf = (list: DirectDebitTransaction[]) =>
          list.reduce((sum, t) => sum + BigInt(t.amountCents), 0n);
        expect(GrpHdr.CtrlSum).toBe(euros(sumOf(transactions)));
        expect(GrpHdr.NbOfTxs).toBe(String(transactions.length));
        for (const payment of PmtInf) {
          const ofType = transactions.filter((t) => t.sequenceType === payment.PmtTpInf.SeqTp);
          expect(payment.CtrlSum).toBe(euros(sumOf(ofType)));
          expect(payment.NbOfTxs).toBe(String(ofType.length));
          const amounts = payment.DrctDbtTxInf.map((t) => t.InstdAmt['#text']);
          expect(amounts).toEqual(ofType.map((t) => euros(BigInt(t.amountCents))));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes files the official XSD accepts, for random transactions and names', async () => {
    await fc.assert(
      fc.asyncProperty(fileArbitrary, async ({ version, transactions }) => {
        const verdict = await validateAgainstSchema(
          writePain008({ ...mixedFile(version), transactions }),
          version,
        );
        expect(verdict.output).toContain('validates');
      }),
      { numRuns: 25 },
    );
  });
});
