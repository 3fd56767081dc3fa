import { answerTo, RecordVerdict, readRequest, RequestedRecord } from './aeat-answers';

const keyOf = (record: RequestedRecord) =>
  `${record.operation}|${record.issuerNif}|${record.numSerie}|${record.issueDate}`;

/**
 * Tests only: AEAT's register of records as the tests need it. It answers a request record by
 * record: one it already holds as duplicate (3000, as AEAT does), one `refuse` names as
 * Incorrecto with that code, any other Correcto (and registered). `registered` counts how often
 * each record was taken: never more than once.
 */
export function fakeAeat(refuse: (record: RequestedRecord) => number | null = () => null) {
  const registered = new Map<string, number>();
  return {
    registered,
    answer(requestXml: string, waitSeconds = 0): string {
      return answerTo(
        requestXml,
        (record): RecordVerdict => {
          const key = keyOf(record);
          if (registered.has(key))
            return {
              state: 'Incorrecto',
              code: 3000,
              description: 'Registro de facturación duplicado.',
            };
          const code = refuse(record);
          if (code !== null)
            return { state: 'Incorrecto', code, description: `Error ${code} en el registro.` };
          registered.set(key, (registered.get(key) ?? 0) + 1);
          return { state: 'Correcto' };
        },
        { waitSeconds },
      );
    },
    /** The records of a request, as keys (for counting what was sent). */
    keysOf: (requestXml: string) => readRequest(requestXml).records.map(keyOf),
  };
}
