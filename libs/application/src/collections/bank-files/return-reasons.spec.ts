import { describeReturnReason, RETURN_REASONS, returnReasonOf } from './return-reasons';

const REQUIRED = [
  'AC01',
  'AC04',
  'AC06',
  'AC13',
  'AG01',
  'AG02',
  'AM04',
  'AM05',
  'BE05',
  'CNOR',
  'DNOR',
  'FF01',
  'MD01',
  'MD02',
  'MD06',
  'MD07',
  'MS02',
  'MS03',
  'RC01',
  'RR01',
  'RR02',
  'RR03',
  'RR04',
  'SL01',
];

describe('RETURN_REASONS', () => {
  it.each(REQUIRED)('describes %s in Spanish and English', (code) => {
    const reason = RETURN_REASONS[code];
    expect(reason.es.trim()).not.toBe('');
    expect(reason.en.trim()).not.toBe('');
    expect(reason.es).not.toBe(reason.en);
  });

  it('invalidates the mandate for AC04, AC06, MD01, MD07 only (rule 19)', () => {
    const invalidating = Object.keys(RETURN_REASONS).filter(
      (code) => RETURN_REASONS[code].invalidatesMandate,
    );
    expect(invalidating.sort()).toEqual(['AC04', 'AC06', 'MD01', 'MD07']);
  });

  it('flags the customer for contact for MS02, MD06 only (rule 19)', () => {
    const flagging = Object.keys(RETURN_REASONS).filter(
      (code) => RETURN_REASONS[code].flagsForContact,
    );
    expect(flagging.sort()).toEqual(['MD06', 'MS02']);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(RETURN_REASONS)).toBe(true);
  });
});

describe('returnReasonOf', () => {
  it('finds a code however the bank spaced or cased it', () => {
    expect(returnReasonOf(' am04 ')).toBe(RETURN_REASONS.AM04);
  });

  it('knows nothing of unknown codes, nor of what every object inherits', () => {
    expect(returnReasonOf('ZZ99')).toBeUndefined();
    expect(returnReasonOf('constructor')).toBeUndefined();
    expect(returnReasonOf('__proto__')).toBeUndefined();
  });
});

describe('describeReturnReason', () => {
  it('answers the text of a known code in the language asked', () => {
    expect(describeReturnReason('AM04', 'es')).toBe('Saldo insuficiente');
    expect(describeReturnReason('AM04', 'en')).toBe('Insufficient funds');
  });

  it('answers a fallback that names an unknown code', () => {
    expect(describeReturnReason('ZZ99', 'es')).toBe(
      'Motivo de devolución no reconocido (código ZZ99)',
    );
    expect(describeReturnReason('ZZ99', 'en')).toBe('Unrecognised return reason (code ZZ99)');
    expect(describeReturnReason('  ', 'en')).toBe('Unrecognised return reason (code ?)');
  });
});
