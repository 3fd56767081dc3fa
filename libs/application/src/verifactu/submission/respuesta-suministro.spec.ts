import { DEFAULT_SOFTWARE, writeSuministroXml } from './suministro-xml';
import {
  DUPLICATE_RECORD_ERROR,
  parseSuministroAnswer,
  UnreadableAnswerError,
} from './respuesta-suministro';
import { answerTo, soapFault } from './testing/aeat-answers';
import { ISSUER, sampleChain } from './testing/chain-records';
import { validateAgainstAeatSchemas } from './testing/xsd-validation';

const request = writeSuministroXml({
  issuer: { name: ISSUER.name, nif: ISSUER.nif },
  records: sampleChain(),
  software: DEFAULT_SOFTWARE,
});

describe('AEAT’s answer to a submission (RespuestaSuministro)', () => {
  it('the sample answers the specs parse are valid per RespuestaSuministro.xsd', async () => {
    const answer = answerTo(request, (record) =>
      record.numSerie === 'FA-000002'
        ? { state: 'Incorrecto', code: 1100, description: 'Valor o tipo incorrecto' }
        : { state: 'Correcto' },
    );
    const verdict = await validateAgainstAeatSchemas(answer);
    expect(verdict.output).not.toContain('error');
    expect(verdict.valid).toBe(true);
  });

  it('reads a submission accepted whole: Correcto, each record Correcto, the CSV and the wait', () => {
    const answer = parseSuministroAnswer(
      answerTo(request, () => ({ state: 'Correcto' }), { waitSeconds: 120 }),
    );
    expect(answer).toMatchObject({ kind: 'answer', state: 'Correcto', waitSeconds: 120 });
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    expect(answer.csv).toBe('A-YDSW8NLFLANWPM');
    expect(answer.records.map((r) => [r.numSerie, r.operation, r.state, r.accepted])).toEqual([
      ['FA-000001', 'Alta', 'Correcto', true],
      ['FA-000002', 'Alta', 'Correcto', true],
      ['AB-000001', 'Alta', 'Correcto', true],
      ['FA-000002', 'Anulacion', 'Correcto', true],
    ]);
    expect(answer.records[0]).toMatchObject({
      issuerNif: ISSUER.nif,
      issueDate: '01-03-2026',
      errorCode: null,
      errorDescription: null,
    });
  });

  it('reads a partly correct submission with each record’s error code and description', () => {
    const answer = parseSuministroAnswer(
      answerTo(request, (record) =>
        record.numSerie === 'AB-000001'
          ? { state: 'Incorrecto', code: 1100, description: 'Valor o tipo incorrecto del campo' }
          : record.operation === 'Anulacion'
            ? { state: 'AceptadoConErrores', code: 2000, description: 'Aviso' }
            : { state: 'Correcto' },
      ),
    );
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    expect(answer.state).toBe('ParcialmenteCorrecto');
    expect(answer.records[2]).toMatchObject({
      state: 'Incorrecto',
      errorCode: 1100,
      errorDescription: 'Valor o tipo incorrecto del campo',
      accepted: false,
    });
    expect(answer.records[3]).toMatchObject({
      state: 'AceptadoConErrores',
      errorCode: 2000,
      accepted: true,
    });
  });

  it('takes a record refused as duplicate (3000) as accepted: a resend after a lost answer', () => {
    const answer = parseSuministroAnswer(
      answerTo(request, () => ({
        state: 'Incorrecto',
        code: DUPLICATE_RECORD_ERROR,
        description: 'Registro de facturación duplicado.',
      })),
    );
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    expect(answer.state).toBe('Incorrecto');
    expect(answer.csv).toBeNull();
    expect(answer.records.every((record) => record.accepted && record.errorCode === 3000)).toBe(
      true,
    );
  });

  it('reads a SOAP Fault', () => {
    expect(parseSuministroAnswer(soapFault('env:Client', 'Codigo[4102].El XML no cumple'))).toEqual(
      { kind: 'fault', code: 'env:Client', message: 'Codigo[4102].El XML no cumple' },
    );
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(() => parseSuministroAnswer('<html>Bad gateway</html>')).toThrow(UnreadableAnswerError);
    expect(() => parseSuministroAnswer('not xml <')).toThrow(UnreadableAnswerError);
    expect(() =>
      parseSuministroAnswer(
        answerTo(request, () => ({ state: 'Correcto' })).replace(
          /<tikR:EstadoEnvio>Correcto/,
          '<tikR:EstadoEnvio>Quizas',
        ),
      ),
    ).toThrow(/EstadoEnvio/);
  });
});
