import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import type { RecordState, SubmissionState } from '../respuesta-suministro';
import { AEAT_NAMESPACES } from '../suministro-xml';

/** Tests only: one record of a request, as AEAT's answer names it. */
export interface RequestedRecord {
  issuerNif: string;
  numSerie: string;
  issueDate: string;
  operation: 'Alta' | 'Anulacion';
  huella: string;
}

export interface RecordVerdict {
  state: RecordState;
  code?: number;
  description?: string;
}

const requestParser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'RegistroFactura',
});

type Parsed = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Tests only: the issuer and records of a `RegFactuSistemaFacturacion` request, as AEAT reads it. */
export function readRequest(xml: string): {
  issuer: { name: string; nif: string };
  records: RequestedRecord[];
} {
  const request = (requestParser.parse(xml) as Parsed).Envelope.Body.RegFactuSistemaFacturacion;
  return {
    issuer: {
      name: request.Cabecera.ObligadoEmision.NombreRazon,
      nif: request.Cabecera.ObligadoEmision.NIF,
    },
    records: (request.RegistroFactura as Parsed[]).map((registro) => {
      if (registro.RegistroAlta !== undefined) {
        const alta = registro.RegistroAlta;
        return {
          issuerNif: alta.IDFactura.IDEmisorFactura,
          numSerie: alta.IDFactura.NumSerieFactura,
          issueDate: alta.IDFactura.FechaExpedicionFactura,
          operation: 'Alta' as const,
          huella: alta.Huella,
        };
      }
      const anulacion = registro.RegistroAnulacion;
      return {
        issuerNif: anulacion.IDFactura.IDEmisorFacturaAnulada,
        numSerie: anulacion.IDFactura.NumSerieFacturaAnulada,
        issueDate: anulacion.IDFactura.FechaExpedicionFacturaAnulada,
        operation: 'Anulacion' as const,
        huella: anulacion.Huella,
      };
    }),
  };
}

/**
 * Tests only: the answer AEAT gives a request (RespuestaSuministro.xsd, in a SOAP envelope),
 * each record with the verdict `verdictOf` gives it; `EstadoEnvio` follows from them as AEAT
 * derives it.
 */
export function answerTo(
  requestXml: string,
  verdictOf: (record: RequestedRecord) => RecordVerdict,
  options: { waitSeconds?: number } = {},
): string {
  const { issuer, records } = readRequest(requestXml);
  const verdicts = records.map(verdictOf);
  const wrong = verdicts.filter((verdict) => verdict.state === 'Incorrecto').length;
  const state: SubmissionState =
    wrong === 0 ? 'Correcto' : wrong === verdicts.length ? 'Incorrecto' : 'ParcialmenteCorrecto';
  const tikR = AEAT_NAMESPACES.respuestaSuministro;
  const tik = AEAT_NAMESPACES.suministroInformacion;
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const body = document
    .ele(AEAT_NAMESPACES.soap, 'env:Envelope')
    .ele(AEAT_NAMESPACES.soap, 'env:Body')
    .ele(tikR, 'tikR:RespuestaRegFactuSistemaFacturacion');
  if (state !== 'Incorrecto') body.ele(tikR, 'tikR:CSV').txt('A-YDSW8NLFLANWPM');
  const obligado = body.ele(tikR, 'tikR:Cabecera').ele(tik, 'tik:ObligadoEmision');
  obligado.ele(tik, 'tik:NombreRazon').txt(issuer.name);
  obligado.ele(tik, 'tik:NIF').txt(issuer.nif);
  body.ele(tikR, 'tikR:TiempoEsperaEnvio').txt(String(options.waitSeconds ?? 60));
  body.ele(tikR, 'tikR:EstadoEnvio').txt(state);
  records.forEach((record, index) => {
    const verdict = verdicts[index];
    const line = body.ele(tikR, 'tikR:RespuestaLinea');
    const id = line.ele(tikR, 'tikR:IDFactura');
    id.ele(tik, 'tik:IDEmisorFactura').txt(record.issuerNif);
    id.ele(tik, 'tik:NumSerieFactura').txt(record.numSerie);
    id.ele(tik, 'tik:FechaExpedicionFactura').txt(record.issueDate);
    line.ele(tikR, 'tikR:Operacion').ele(tik, 'tik:TipoOperacion').txt(record.operation);
    line.ele(tikR, 'tikR:EstadoRegistro').txt(verdict.state);
    if (verdict.code !== undefined)
      line.ele(tikR, 'tikR:CodigoErrorRegistro').txt(String(verdict.code));
    if (verdict.description !== undefined)
      line.ele(tikR, 'tikR:DescripcionErrorRegistro').txt(verdict.description);
  });
  return document.end({ prettyPrint: true });
}

/** Tests only: a SOAP 1.1 Fault, as AEAT answers a request it cannot take at all. */
export function soapFault(code: string, message: string): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const fault = document
    .ele(AEAT_NAMESPACES.soap, 'env:Envelope')
    .ele(AEAT_NAMESPACES.soap, 'env:Body')
    .ele(AEAT_NAMESPACES.soap, 'env:Fault');
  fault.ele('faultcode').txt(code);
  fault.ele('faultstring').txt(message);
  return document.end({ prettyPrint: true });
}
