import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankFileError, type BankFileErrorReason } from './bank-file-error';
import { parseBankFile } from './parse-bank-file';
import { XMLParser } from 'fast-xml-parser';
import { BANK_FILE_PARSER_OPTIONS, MAX_BANK_FILE_CHARACTERS } from './xml-tree';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const CAMT_02 = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02';
const CAMT_04 = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.04';
const PAIN_03 = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.03';

/** A camt.054 around the given entries, with the namespace and prefix asked for. */
function camt054(entries: string, { namespace = CAMT_04, prefix = '', msgId = 'MSG-1' } = {}) {
  const tag = (name: string) => (prefix === '' ? name : `${prefix}:${name}`);
  const body = `<BkToCstmrDbtCdtNtfctn><GrpHdr>${msgId === '' ? '' : `<MsgId>${msgId}</MsgId>`}<CreDtTm>2026-11-09T07:00:00</CreDtTm></GrpHdr><Ntfctn><Id>N1</Id><CreDtTm>2026-11-08T23:00:00</CreDtTm>${entries}</Ntfctn></BkToCstmrDbtCdtNtfctn>`;
  const prefixed = prefix === '' ? body : body.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`);
  const xmlns = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  return `<?xml version="1.0" encoding="UTF-8"?><${tag('Document')} ${xmlns}="${namespace}">${prefixed}</${tag('Document')}>`;
}

/** One booked debit entry holding one returned transaction. */
function returnedEntry({
  endToEndId = 'EF-1',
  reason = '<Cd>AM04</Cd>',
  amount = '<Amt Ccy="EUR">10.00</Amt>',
  entryAmount = '10.00',
  booking = '<BookgDt><Dt>2026-11-09</Dt></BookgDt>',
  direction = 'DBIT',
} = {}) {
  return `<Ntry><Amt Ccy="EUR">${entryAmount}</Amt><CdtDbtInd>${direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>${booking}<NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs>${amount}<RtrInf><Rsn>${reason}</Rsn></RtrInf></TxDtls></NtryDtls></Ntry>`;
}

function pain002(
  transactions: string,
  { groupStatus = 'PART', originalMessage = 'pain.008.001.02', namespace = PAIN_03 } = {},
) {
  return `<?xml version="1.0"?><Document xmlns="${namespace}"><CstmrPmtStsRpt><GrpHdr><MsgId>PSR-1</MsgId><CreDtTm>2026-11-04T16:02:11</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>REM-1</OrgnlMsgId><OrgnlMsgNmId>${originalMessage}</OrgnlMsgNmId><GrpSts>${groupStatus}</GrpSts></OrgnlGrpInfAndSts>${transactions}</CstmrPmtStsRpt></Document>`;
}

function expectRefusal(xml: string, reason: BankFileErrorReason, message: RegExp) {
  let caught: unknown;
  try {
    parseBankFile(xml);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BankFileError);
  expect(caught).toMatchObject({ reason, message: expect.stringMatching(message) });
}

describe('parseBankFile', () => {
  describe('a camt.054.001.02 notification', () => {
    const parsed = parseBankFile(fixture('camt054-001-02-returns.xml'));

    it('reads the two returned direct debits and leaves the credit transfer out', () => {
      expect(parsed).toEqual({
        format: 'camt.054',
        messageId: 'CAMT054-20261109-0000417',
        returns: [
          {
            endToEndId: 'EF-2026-000117',
            reasonCode: 'AM04',
            amountCents: 3630,
            returnedAt: '2026-11-09',
            kind: 'return',
          },
          {
            endToEndId: 'EF-2026-000342',
            reasonCode: 'AC04',
            amountCents: 4599,
            returnedAt: '2026-11-09',
            kind: 'return',
          },
        ],
      });
    });

    it('gives the same message id, and the same returns, when the same file is read twice', () => {
      expect(parseBankFile(fixture('camt054-001-02-returns.xml'))).toEqual(parsed);
    });
  });

  describe('a camt.054.001.08 notification', () => {
    const parsed = parseBankFile(fixture('camt054-001-08-batch.xml'));

    it('reads every transaction of a batched entry, each with its own amount', () => {
      expect(parsed.format).toBe('camt.054');
      expect(parsed.messageId).toBe('N054-2026-12-01-000031');
      expect(parsed.returns).toEqual([
        {
          endToEndId: 'EF-2026-000508',
          reasonCode: 'MS02',
          amountCents: 3995,
          returnedAt: '2026-12-01',
          kind: 'return',
        },
        {
          endToEndId: 'EF-2026-000377',
          reasonCode: 'MD06',
          amountCents: 2150,
          returnedAt: '2026-12-01',
          kind: 'return',
        },
      ]);
    });

    it('leaves out a return that is still pending (Sts PDNG)', () => {
      expect(parsed.returns.map((r) => r.endToEndId)).not.toContain('EF-2026-000611');
    });
  });

  describe('a pain.002.001.03 status report', () => {
    it('reads the rejected transaction and not the accepted one', () => {
      expect(parseBankFile(fixture('pain002-001-03-reject.xml'))).toEqual({
        format: 'pain.002',
        messageId: 'PSR-20261104-0000092',
        returns: [
          {
            endToEndId: 'EF-2026-000209',
            reasonCode: 'MD01',
            amountCents: 3025,
            returnedAt: '2026-11-04',
            kind: 'reject',
          },
        ],
      });
    });

    it('takes the status and reason of the batch when the transaction states none', () => {
      const xml = pain002(
        '<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf><TxInfAndSts><OrgnlEndToEndId>EF-7</OrgnlEndToEndId><OrgnlTxRef><Amt><InstdAmt Ccy="EUR">5</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts></OrgnlPmtInfAndSts>',
        { groupStatus: 'RJCT' },
      );
      expect(parseBankFile(xml).returns).toEqual([
        {
          endToEndId: 'EF-7',
          reasonCode: 'FF01',
          amountCents: 500,
          returnedAt: '2026-11-04',
          kind: 'reject',
        },
      ]);
    });

    it('reads a later version (pain.002.001.10) and answers no returns when all were accepted', () => {
      const xml = pain002(
        '<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>EF-8</OrgnlEndToEndId><TxSts>ACSC</TxSts><OrgnlTxRef><Amt><InstdAmt Ccy="EUR">5.00</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts></OrgnlPmtInfAndSts>',
        { groupStatus: 'ACCP', namespace: 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10' },
      );
      expect(parseBankFile(xml)).toEqual({ format: 'pain.002', messageId: 'PSR-1', returns: [] });
    });

    it('refuses a whole remittance rejected without its transactions, rather than report none', () => {
      const xml = pain002('', { groupStatus: 'RJCT' });
      expectRefusal(xml, 'invalid-content', /rejected the whole remittance REM-1/);
    });

    it('refuses a report on credit transfers (pain.001), whose rejects are no effects', () => {
      const xml = pain002('', { originalMessage: 'pain.001.001.03' });
      expectRefusal(xml, 'unsupported-message', /credit transfer file \(pain\.001\.001\.03\)/);
    });

    it('refuses a reject without the original amount', () => {
      const xml = pain002(
        '<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>EF-9</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC01</Cd></Rsn></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>',
      );
      expectRefusal(xml, 'invalid-content', /reject of EF-9 has no OrgnlTxRef\/Amt\/InstdAmt/);
    });
  });

  describe('one entry and many', () => {
    it('reads a single entry with a single transaction', () => {
      const { returns } = parseBankFile(camt054(returnedEntry()));
      expect(returns).toEqual([
        {
          endToEndId: 'EF-1',
          reasonCode: 'AM04',
          amountCents: 1000,
          returnedAt: '2026-11-09',
          kind: 'return',
        },
      ]);
    });

    it('reads many entries in file order', () => {
      const entries = ['EF-1', 'EF-2', 'EF-3']
        .map((id) => returnedEntry({ endToEndId: id }))
        .join('');
      expect(parseBankFile(camt054(entries)).returns.map((r) => r.endToEndId)).toEqual([
        'EF-1',
        'EF-2',
        'EF-3',
      ]);
    });

    it('reads the entry amount when its only transaction has none of its own', () => {
      const { returns } = parseBankFile(camt054(returnedEntry({ amount: '', entryAmount: '7.5' })));
      expect(returns[0].amountCents).toBe(750);
    });

    it('refuses a transaction without an amount when its entry holds several', () => {
      const entry = returnedEntry({ amount: '' }).replace(
        '</NtryDtls>',
        '<TxDtls><Refs><EndToEndId>EF-X</EndToEndId></Refs></TxDtls></NtryDtls>',
      );
      expectRefusal(camt054(entry), 'invalid-content', /return of EF-1 has no amount of its own/);
    });

    it('answers no returns for a notification without entries', () => {
      expect(parseBankFile(camt054('')).returns).toEqual([]);
    });

    it('leaves out a returned credit transfer (CRDT with RtrInf): it is not a direct debit', () => {
      expect(parseBankFile(camt054(returnedEntry({ direction: 'CRDT' }))).returns).toEqual([]);
    });

    it('passes on an unknown or proprietary reason code as sent', () => {
      const { returns } = parseBankFile(camt054(returnedEntry({ reason: '<Prtry>X123</Prtry>' })));
      expect(returns[0].reasonCode).toBe('X123');
    });

    it('refuses a return without a reason code or without an end-to-end id', () => {
      expectRefusal(
        camt054(returnedEntry({ reason: '' })),
        'invalid-content',
        /EF-1 has no reason code/,
      );
      expectRefusal(
        camt054(returnedEntry().replace('<Refs><EndToEndId>EF-1</EndToEndId></Refs>', '')),
        'invalid-content',
        /Ntry 1, TxDtls 1: a return without Refs\/EndToEndId/,
      );
    });

    it('keeps ids as text: leading zeros and decoded predefined entities', () => {
      const { returns } = parseBankFile(camt054(returnedEntry({ endToEndId: '000123&amp;45' })));
      expect(returns[0].endToEndId).toBe('000123&45');
    });
  });

  describe('amounts', () => {
    it.each([
      ['36.30', 3630],
      ['0.1', 10],
      ['0.29', 29],
      ['1234567.89', 123456789],
      ['15', 1500],
    ])('reads %s as %d cents', (text, cents) => {
      const xml = camt054(returnedEntry({ amount: `<Amt Ccy="EUR">${text}</Amt>` }));
      expect(parseBankFile(xml).returns[0].amountCents).toBe(cents);
    });

    it.each([
      ['10.005', /has 3 decimals/],
      ['-10.00', /is negative/],
      ['1e3', /is not an amount/],
      ['10,00', /is not an amount/],
    ])('refuses %s', (text, message) => {
      expectRefusal(
        camt054(returnedEntry({ amount: `<Amt Ccy="EUR">${text}</Amt>` })),
        'invalid-content',
        message,
      );
    });

    it('refuses a return in another currency', () => {
      const xml = camt054(returnedEntry({ amount: '<Amt Ccy="SEK">10.00</Amt>' }));
      expectRefusal(xml, 'invalid-content', /amount is in SEK; direct debits are collected in EUR/);
    });
  });

  describe('dates', () => {
    it("takes the booking date, as a date-time on the bank's own calendar", () => {
      const booking =
        '<BookgDt><DtTm>2026-11-09T23:30:00-05:00</DtTm></BookgDt><ValDt><Dt>2026-11-05</Dt></ValDt>';
      expect(parseBankFile(camt054(returnedEntry({ booking }))).returns[0].returnedAt).toBe(
        '2026-11-09',
      );
    });

    it('falls back to the value date, then to the notification date', () => {
      const valueOnly = returnedEntry({ booking: '<ValDt><Dt>2026-11-05</Dt></ValDt>' });
      expect(parseBankFile(camt054(valueOnly)).returns[0].returnedAt).toBe('2026-11-05');
      const noDates = returnedEntry({ booking: '' });
      expect(parseBankFile(camt054(noDates)).returns[0].returnedAt).toBe('2026-11-08');
    });

    it('refuses a booking date that is no date', () => {
      const booking = '<BookgDt><Dt>2026-02-30</Dt></BookgDt>';
      expectRefusal(
        camt054(returnedEntry({ booking })),
        'invalid-content',
        /BookgDt: "2026-02-30" is not an ISO date/,
      );
    });

    it('does not refuse a file for an odd date on a line that is not a return', () => {
      const credit =
        '<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry>';
      expect(parseBankFile(camt054(credit + returnedEntry())).returns).toHaveLength(1);
    });
  });

  describe('namespaces', () => {
    it.each(['camt.054.001.02', 'camt.054.001.04', 'camt.054.001.08', 'camt.054.001.13'])(
      'reads the %s namespace',
      (version) => {
        const xml = camt054(returnedEntry(), {
          namespace: `urn:iso:std:iso:20022:tech:xsd:${version}`,
        });
        expect(parseBankFile(xml).returns).toHaveLength(1);
      },
    );

    it('reads a prefixed document (ns2:Document, ns2:Ntry…)', () => {
      const xml = camt054(returnedEntry(), { prefix: 'ns2', namespace: CAMT_02 });
      expect(xml).toContain('<ns2:Ntry>');
      expect(parseBankFile(xml)).toEqual(parseBankFile(camt054(returnedEntry())));
    });

    it('reads a document without a namespace by its element names', () => {
      const xml = camt054(returnedEntry()).replace(` xmlns="${CAMT_04}"`, '');
      expect(parseBankFile(xml).format).toBe('camt.054');
    });

    it('refuses a namespace of another message around camt.054 elements', () => {
      const xml = camt054(returnedEntry(), {
        namespace: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
      });
      expectRefusal(xml, 'unsupported-message', /does not declare a camt\.054 message/);
    });

    it('refuses versions older than the ones read', () => {
      const camt = camt054('', { namespace: 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.01' });
      expectRefusal(
        camt,
        'unsupported-message',
        /camt\.054\.001\.01 is not supported; versions from camt\.054\.001\.02/,
      );
      const pain = pain002('', { namespace: 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.02' });
      expectRefusal(pain, 'unsupported-message', /pain\.002\.001\.02 is not supported/);
    });
  });

  describe('files that are refused', () => {
    it.each([
      ['', /is empty/],
      ['   \n', /is empty/],
      [
        'Fecha;Importe;Concepto\n2026-11-09;36,30;DEVOLUCION',
        /not well-formed XML \(line 1, column 1\)/,
      ],
      ['<Document><BkToCstmrDbtCdtNtfctn></Document>', /not well-formed XML/],
    ])('refuses what is not XML: %j', (text, message) => expectRefusal(text, 'not-xml', message));

    it('refuses XML of another message type, naming it', () => {
      const statement = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>S1</MsgId></GrpHdr></BkToCstmrStmt></Document>`;
      expectRefusal(statement, 'unsupported-message', /camt\.053 \(account statement\)/);
      const remittance = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"><CstmrDrctDbtInitn/></Document>`;
      expectRefusal(
        remittance,
        'unsupported-message',
        /pain\.008 \(the direct debit remittance itself\)/,
      );
      expectRefusal(
        '<Invoice><Id>1</Id></Invoice>',
        'unsupported-message',
        /root element is Invoice/,
      );
    });

    it('refuses a file without GrpHdr/MsgId', () => {
      expectRefusal(
        camt054(returnedEntry(), { msgId: '' }),
        'missing-message-id',
        /no GrpHdr\/MsgId/,
      );
    });

    it('refuses an entity-expansion attempt (billion laughs) without expanding anything', () => {
      const laughs = `<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${camt054(returnedEntry({ endToEndId: '&lol2;' })).replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
      expectRefusal(laughs, 'doctype-not-allowed', /declares a DOCTYPE or entities/);
    });

    it('refuses an external entity (XXE)', () => {
      const xxe = `<?xml version="1.0"?><!doctype Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]><Document><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&secret;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>`;
      expectRefusal(xxe, 'doctype-not-allowed', /DOCTYPE/);
    });

    it('configures the parser itself to expand no entity, should a DOCTYPE get past the check', () => {
      const declared =
        '<!DOCTYPE a [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a><b>&lol2;</b><c>&lol;</c></a>';
      expect(new XMLParser(BANK_FILE_PARSER_OPTIONS).parse(declared)).toEqual({
        a: { b: '&lol2;', c: '&lol;' },
      });
    });

    it('leaves an undeclared entity reference as written', () => {
      expect(parseBankFile(camt054('', { msgId: 'M&lol;1' })).messageId).toBe('M&lol;1');
    });

    it(`refuses a file over ${MAX_BANK_FILE_CHARACTERS} characters before parsing it`, () => {
      const huge = camt054('').replace(
        '<Ntfctn>',
        `<Ntfctn><!--${'x'.repeat(MAX_BANK_FILE_CHARACTERS)}-->`,
      );
      expectRefusal(huge, 'too-large', /at most 20971520 \(20 MiB\)/);
    });
  });
});
