import {
  aeatAmount,
  aeatDate,
  chainLinkOf,
  chainRecord,
  huellaOfRecord,
  huellaOfRegistroAlta,
  huellaOfRegistroAnulacion,
  huellaText,
  registroAltaHuellaFields,
} from './huella';
import { generatedAtOf } from './generated-at';
import { cancellationContent, registrationContent } from './testing/chain-records';

const VECTOR_1 = '3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60';
const VECTOR_2 = 'F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97';
const VECTOR_3 = '177547C0D57AC74748561D054A9CEC14B4C4EA23D1BEFD6F2E69E3A388F90C68';

const alta1 = {
  IDEmisorFactura: '89890001K',
  NumSerieFactura: '12345678/G33',
  FechaExpedicionFactura: '01-01-2024',
  TipoFactura: 'F1',
  CuotaTotal: '12.35',
  ImporteTotal: '123.45',
  Huella: '',
  FechaHoraHusoGenRegistro: '2024-01-01T19:20:30+01:00',
};

describe('Huella (rule 22): AEAT test vectors from the field values', () => {
  it('vector 1: the first RegistroAlta, its text exactly as AEAT writes it', () => {
    expect(huellaText(registroAltaHuellaFields(alta1))).toBe(
      'IDEmisorFactura=89890001K&NumSerieFactura=12345678/G33&FechaExpedicionFactura=01-01-2024&TipoFactura=F1&CuotaTotal=12.35&ImporteTotal=123.45&Huella=&FechaHoraHusoGenRegistro=2024-01-01T19:20:30+01:00',
    );
    expect(huellaOfRegistroAlta(alta1)).toBe(VECTOR_1);
  });

  it('vector 2: the next RegistroAlta chained on vector 1', () => {
    expect(
      huellaOfRegistroAlta({
        ...alta1,
        NumSerieFactura: '12345679/G34',
        Huella: VECTOR_1,
        FechaHoraHusoGenRegistro: '2024-01-01T19:20:35+01:00',
      }),
    ).toBe(VECTOR_2);
  });

  it('vector 3: a RegistroAnulacion chained on vector 2', () => {
    expect(
      huellaOfRegistroAnulacion({
        IDEmisorFacturaAnulada: '89890001K',
        NumSerieFacturaAnulada: '12345679/G34',
        FechaExpedicionFacturaAnulada: '01-01-2024',
        Huella: VECTOR_2,
        FechaHoraHusoGenRegistro: '2024-01-01T19:20:40+01:00',
      }),
    ).toBe(VECTOR_3);
  });

  it('trims values before hashing', () => {
    expect(huellaOfRegistroAlta({ ...alta1, NumSerieFactura: '  12345678/G33 ' })).toBe(VECTOR_1);
  });

  it('any other value gives another fingerprint', () => {
    expect(huellaOfRegistroAlta({ ...alta1, ImporteTotal: '123.46' })).not.toBe(VECTOR_1);
  });
});

describe('Huella of chain records: the three vectors built with chainRecord', () => {
  const first = chainRecord(null, registrationContent());
  const second = chainRecord(
    first,
    registrationContent({
      recordId: 'record-2',
      invoiceId: 'invoice-2',
      documentId: 'invoice-2',
      invoice: { issuerNif: '89890001K', numSerie: '12345679/G34', issueDate: '2024-01-01' },
      generatedAt: '2024-01-01T19:20:35+01:00',
    }),
  );
  const third = chainRecord(
    second,
    cancellationContent({
      invoiceId: 'invoice-2',
      invoice: { issuerNif: '89890001K', numSerie: '12345679/G34', issueDate: '2024-01-01' },
    }),
  );

  it('the first record has no previous and vector 1 as its huella', () => {
    expect(first.previous).toBeNull();
    expect(first.huella).toBe(VECTOR_1);
    expect(huellaOfRecord(first)).toBe(VECTOR_1);
  });

  it('the second names the first as previous and has vector 2', () => {
    expect(second.previous).toEqual({
      issuerNif: '89890001K',
      numSerie: '12345678/G33',
      issueDate: '2024-01-01',
      huella: VECTOR_1,
    });
    expect(second.huella).toBe(VECTOR_2);
  });

  it('the cancellation uses the *Anulada fields and has vector 3', () => {
    expect(third.kind).toBe('cancellation');
    expect(third.previous).toEqual(chainLinkOf(second));
    expect(third.huella).toBe(VECTOR_3);
  });

  it('refuses to chain a record of another issuer', () => {
    expect(() => chainRecord(first, registrationContent({ issuerId: 'issuer-2' }))).toThrow(
      /one chain per issuer/,
    );
  });
});

describe('AEAT values', () => {
  it.each([
    [12345, '123.45'],
    [1235, '12.35'],
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-12345, '-123.45'],
    [123456789, '1234567.89'],
  ])('%d cents are %s', (cents, text) => expect(aeatAmount(cents)).toBe(text));

  it('refuses a fraction of a cent', () => expect(() => aeatAmount(1.5)).toThrow(RangeError));

  it('writes dates DD-MM-YYYY', () => {
    expect(aeatDate('2024-01-31')).toBe('31-01-2024');
    expect(() => aeatDate('31-01-2024')).toThrow(RangeError);
  });
});

describe('generatedAtOf', () => {
  it('writes a winter instant in Madrid at +01:00, whole seconds', () => {
    expect(generatedAtOf('2024-01-01T18:20:30.123Z')).toBe('2024-01-01T19:20:30+01:00');
  });

  it('writes a summer instant in Madrid at +02:00', () => {
    expect(generatedAtOf('2024-07-15T08:00:59.999Z')).toBe('2024-07-15T10:00:59+02:00');
  });

  it('follows the DST change (31 March 2024, 01:00 UTC)', () => {
    expect(generatedAtOf('2024-03-31T00:59:59Z')).toBe('2024-03-31T01:59:59+01:00');
    expect(generatedAtOf('2024-03-31T01:00:00Z')).toBe('2024-03-31T03:00:00+02:00');
  });

  it('crosses midnight into the local day', () => {
    expect(generatedAtOf('2024-12-31T23:30:00Z')).toBe('2025-01-01T00:30:00+01:00');
  });

  it('writes other zones, negative offsets included', () => {
    expect(generatedAtOf('2024-01-01T12:00:00Z', 'UTC')).toBe('2024-01-01T12:00:00+00:00');
    expect(generatedAtOf('2024-01-01T12:00:00Z', 'America/St_Johns')).toBe(
      '2024-01-01T08:30:00-03:30',
    );
    expect(generatedAtOf('2024-06-01T12:00:00Z', 'Atlantic/Canary')).toBe(
      '2024-06-01T13:00:00+01:00',
    );
  });

  it('refuses what is not an instant', () => {
    expect(() => generatedAtOf('yesterday')).toThrow(RangeError);
  });
});
