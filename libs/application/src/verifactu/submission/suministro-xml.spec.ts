import { XMLParser } from 'fast-xml-parser';
import { ChainRecord } from '@app/domain';
import {
  aeatAmount,
  aeatDate,
  DEFAULT_SOFTWARE,
  InvalidSubmissionError,
  MAX_RECORDS_PER_SUBMISSION,
  writeSuministroXml,
} from './suministro-xml';
import { ISSUER, registration, sampleChain } from './testing/chain-records';
import { validateAgainstAeatSchemas } from './testing/xsd-validation';

const requestOf = (records: ChainRecord[]) => ({
  issuer: { name: ISSUER.name, nif: ISSUER.nif },
  records,
  software: DEFAULT_SOFTWARE,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['RegistroFactura', 'DetalleDesglose'].includes(name),
});

type Parsed = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const registrosOf = (xml: string): Parsed[] =>
  (parser.parse(xml) as Parsed).Envelope.Body.RegFactuSistemaFacturacion.RegistroFactura;

describe('The SuministroLR request (rule 22)', () => {
  it('validates against AEAT’s schemas: F1, F2, R1 by difference, a cancellation, first and chained', async () => {
    const xml = writeSuministroXml(requestOf(sampleChain()));
    const verdict = await validateAgainstAeatSchemas(xml);
    expect(verdict.output).not.toContain('error');
    expect(verdict.valid).toBe(true);
  });

  it('is refused by the schemas when a required element is missing (the validation is real)', async () => {
    const xml = writeSuministroXml(requestOf(sampleChain())).replace(
      /<sum1:TipoHuella>01<\/sum1:TipoHuella>/,
      '',
    );
    const verdict = await validateAgainstAeatSchemas(xml);
    expect(verdict.valid).toBe(false);
    expect(verdict.output).toContain('Huella');
  });

  it('writes each record’s fields: ids, types, amounts with two decimals, dates DD-MM-YYYY, chain', () => {
    const chain = sampleChain();
    const xml = writeSuministroXml(requestOf(chain));
    const parsed = parser.parse(xml) as Parsed;
    const body = parsed.Envelope.Body.RegFactuSistemaFacturacion;
    expect(body.Cabecera.ObligadoEmision).toEqual({ NombreRazon: ISSUER.name, NIF: ISSUER.nif });
    const [f1, f2, r1, cancel] = registrosOf(xml);

    expect(f1.RegistroAlta).toMatchObject({
      IDVersion: '1.0',
      IDFactura: {
        IDEmisorFactura: ISSUER.nif,
        NumSerieFactura: 'FA-000001',
        FechaExpedicionFactura: '01-03-2026',
      },
      NombreRazonEmisor: ISSUER.name,
      TipoFactura: 'F1',
      Destinatarios: {
        IDDestinatario: { NombreRazon: 'Ana Muñoz & Hijos <SL>', NIF: '12345678Z' },
      },
      Desglose: {
        DetalleDesglose: [
          {
            Impuesto: '01',
            ClaveRegimen: '01',
            CalificacionOperacion: 'S1',
            TipoImpositivo: '21.00',
            BaseImponibleOimporteNoSujeto: '100.00',
            CuotaRepercutida: '21.00',
          },
        ],
      },
      CuotaTotal: '21.00',
      ImporteTotal: '121.00',
      Encadenamiento: { PrimerRegistro: 'S' },
      SistemaInformatico: { NombreSistemaInformatico: 'billing-core', IdSistemaInformatico: 'BC' },
      FechaHoraHusoGenRegistro: chain[0].generatedAt,
      TipoHuella: '01',
      Huella: chain[0].huella,
    });
    expect(f1.RegistroAlta.TipoRectificativa).toBeUndefined();

    expect(f2.RegistroAlta.Destinatarios).toBeUndefined();
    expect(f2.RegistroAlta.Desglose.DetalleDesglose).toHaveLength(2);
    expect(f2.RegistroAlta.Encadenamiento.RegistroAnterior).toEqual({
      IDEmisorFactura: ISSUER.nif,
      NumSerieFactura: 'FA-000001',
      FechaExpedicionFactura: '01-03-2026',
      Huella: chain[0].huella,
    });

    expect(r1.RegistroAlta).toMatchObject({
      TipoFactura: 'R1',
      TipoRectificativa: 'I',
      FacturasRectificadas: {
        IDFacturaRectificada: {
          NumSerieFactura: 'FA-000001',
          FechaExpedicionFactura: '01-03-2026',
        },
      },
      CuotaTotal: '-10.50',
      ImporteTotal: '-60.50',
    });

    expect(cancel.RegistroAnulacion).toMatchObject({
      IDVersion: '1.0',
      IDFactura: {
        IDEmisorFacturaAnulada: ISSUER.nif,
        NumSerieFacturaAnulada: 'FA-000002',
        FechaExpedicionFacturaAnulada: '01-03-2026',
      },
      Encadenamiento: {
        RegistroAnterior: { NumSerieFactura: 'AB-000001', Huella: chain[2].huella },
      },
      TipoHuella: '01',
      Huella: chain[3].huella,
    });
  });

  it('puts the namespaces of AEAT’s schemas on the envelope', () => {
    const xml = writeSuministroXml(requestOf(sampleChain()));
    expect(xml).toContain('xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"');
    expect(xml).toContain(
      'xmlns:sum="https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd"',
    );
    expect(xml).toContain(
      'xmlns:sum1="https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd"',
    );
  });

  it('takes up to 1000 records, and refuses more, none, or another issuer’s', async () => {
    const many: ChainRecord[] = [];
    for (let n = 1; n <= MAX_RECORDS_PER_SUBMISSION; n++)
      many.push(registration(n, many[many.length - 1] ?? null));
    const xml = writeSuministroXml(requestOf(many));
    expect(registrosOf(xml)).toHaveLength(1000);
    expect((await validateAgainstAeatSchemas(xml)).valid).toBe(true);
    expect(() => writeSuministroXml(requestOf([...many, registration(1001, many[999])]))).toThrow(
      InvalidSubmissionError,
    );
    expect(() => writeSuministroXml(requestOf([]))).toThrow(InvalidSubmissionError);
    expect(() =>
      writeSuministroXml({ ...requestOf(sampleChain()), issuer: { name: 'X', nif: 'B00000000' } }),
    ).toThrow(/not B00000000/);
  });

  it('writes amounts as signed euros with two decimals and dates as DD-MM-YYYY', () => {
    expect(aeatAmount(0)).toBe('0.00');
    expect(aeatAmount(5)).toBe('0.05');
    expect(aeatAmount(-1235)).toBe('-12.35');
    expect(aeatAmount(12345)).toBe('123.45');
    expect(aeatDate('2024-01-31')).toBe('31-01-2024');
    expect(() => aeatDate('31/01/2024')).toThrow(InvalidSubmissionError);
  });
});
