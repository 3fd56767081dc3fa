import { XMLParser } from 'fast-xml-parser';
import { AEAT_DUPLICATE_RECORD } from '@app/domain';

/** `EstadoEnvio`: the submission as a whole. */
export type SubmissionState = 'Correcto' | 'ParcialmenteCorrecto' | 'Incorrecto';
/** `EstadoRegistro`: one record. */
export type RecordState = 'Correcto' | 'AceptadoConErrores' | 'Incorrecto';

/** AEAT's code for a record it already holds: a resend after a lost answer, so accepted. */
export const DUPLICATE_RECORD_ERROR = AEAT_DUPLICATE_RECORD;

/** One `RespuestaLinea`: which invoice and operation, and what AEAT made of it. */
export interface RecordAnswer {
  issuerNif: string;
  numSerie: string;
  /** `FechaExpedicionFactura` as AEAT wrote it (`DD-MM-YYYY`). */
  issueDate: string;
  operation: 'Alta' | 'Anulacion';
  state: RecordState;
  errorCode: number | null;
  errorDescription: string | null;
  /** Correcto, AceptadoConErrores, or Incorrecto with code 3000 (already registered). */
  accepted: boolean;
}

export type SuministroAnswer =
  | {
      kind: 'answer';
      state: SubmissionState;
      /** `CSV`, when AEAT did not refuse the whole submission. */
      csv: string | null;
      /** `TiempoEsperaEnvio`: seconds AEAT asks to wait before the next submission. */
      waitSeconds: number;
      records: RecordAnswer[];
    }
  | { kind: 'fault'; code: string; message: string };

export class UnreadableAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableAnswerError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'RespuestaLinea',
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const SUBMISSION_STATES: readonly SubmissionState[] = [
  'Correcto',
  'ParcialmenteCorrecto',
  'Incorrecto',
];
const RECORD_STATES: readonly RecordState[] = ['Correcto', 'AceptadoConErrores', 'Incorrecto'];

/**
 * What AEAT answered a `RegFactuSistemaFacturacion` (RespuestaSuministro.xsd) inside its SOAP
 * envelope: the state of the whole submission and of each record (with its error code and
 * description), or a SOAP Fault (the request itself refused: malformed, bad certificate…).
 * Anything else is an `UnreadableAnswerError`: the caller cannot tell what AEAT holds.
 */
export function parseSuministroAnswer(xml: string): SuministroAnswer {
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new UnreadableAnswerError(`not XML: ${(error as Error).message}`);
  }
  const body = isNode(document) && isNode(document.Envelope) ? document.Envelope.Body : undefined;
  if (!isNode(body)) throw new UnreadableAnswerError('no SOAP envelope with a body');
  if (isNode(body.Fault)) {
    return {
      kind: 'fault',
      code: text(body.Fault.faultcode) ?? '',
      message: text(body.Fault.faultstring) ?? '',
    };
  }
  const answer = body.RespuestaRegFactuSistemaFacturacion;
  if (!isNode(answer)) throw new UnreadableAnswerError('no RespuestaRegFactuSistemaFacturacion');
  const state = text(answer.EstadoEnvio);
  if (!SUBMISSION_STATES.includes(state as SubmissionState))
    throw new UnreadableAnswerError(`unknown EstadoEnvio ${String(state)}`);
  const lines = Array.isArray(answer.RespuestaLinea) ? answer.RespuestaLinea : [];
  return {
    kind: 'answer',
    state: state as SubmissionState,
    csv: text(answer.CSV),
    waitSeconds: Number(text(answer.TiempoEsperaEnvio) ?? '0') || 0,
    records: lines.map(recordAnswerOf),
  };
}

function recordAnswerOf(line: unknown): RecordAnswer {
  if (!isNode(line) || !isNode(line.IDFactura) || !isNode(line.Operacion))
    throw new UnreadableAnswerError('a RespuestaLinea without IDFactura or Operacion');
  const state = text(line.EstadoRegistro);
  if (!RECORD_STATES.includes(state as RecordState))
    throw new UnreadableAnswerError(`unknown EstadoRegistro ${String(state)}`);
  const operation = text(line.Operacion.TipoOperacion);
  if (operation !== 'Alta' && operation !== 'Anulacion')
    throw new UnreadableAnswerError(`unknown TipoOperacion ${String(operation)}`);
  const code = text(line.CodigoErrorRegistro);
  const errorCode = code === null ? null : Number(code);
  return {
    issuerNif: text(line.IDFactura.IDEmisorFactura) ?? '',
    numSerie: text(line.IDFactura.NumSerieFactura) ?? '',
    issueDate: text(line.IDFactura.FechaExpedicionFactura) ?? '',
    operation,
    state: state as RecordState,
    errorCode,
    errorDescription: text(line.DescripcionErrorRegistro),
    accepted: state !== 'Incorrecto' || errorCode === DUPLICATE_RECORD_ERROR,
  };
}
