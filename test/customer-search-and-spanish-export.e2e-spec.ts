import request from 'supertest';
import { parseCsv } from '../libs/read-models/src/customers/testing/parse-csv';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const BOM = '\uFEFF';

/*
 * The customer list as a Spanish operator uses it: a search that ignores case and accents (ñ
 * typed as n too), and the export a Spanish Excel opens as it is.
 */
describe('Customer search and export for a Spanish operator over HTTP', () => {
  let testApp: TestApp;
  let position = 0;
  const http = () => request(testApp.app.getHttpServer());
  const reading = () => ({ ...operator, 'X-Min-Position': String(position) });
  const zone = `es-${Date.now()}`;

  async function register(body: object): Promise<string> {
    const res = await http()
      .post('/api/customers')
      .set(operator)
      .send({ zone, ...body })
      .expect(201);
    position = Math.max(position, res.body.position);
    return res.body.id as string;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    await register({
      personType: 'other',
      name: 'José Pérez',
      observations: 'Portal "B"; 2º izq.\nllamar antes',
      address: { street: 'Calle de la Peña 3', city: 'Ávila', postalCode: '05001' },
    });
    await register({ personType: 'legal', name: '=HYPERLINK("http://evil","x")' });
    await register({ personType: 'legal', name: 'PEÑA Hermanos SL', address: { city: 'Málaga' } });
  });

  const namesFound = async (q: string) =>
    (
      await http().get('/api/customers').query({ zone, q }).set(reading()).expect(200)
    ).body.items.map((item: { displayName: string }) => item.displayName);

  it.each([
    ['perez', ['José Pérez']],
    ['JOSÉ PÉREZ', ['José Pérez']],
    ['jose perez', ['José Pérez']],
    ['pena', ['José Pérez', 'PEÑA Hermanos SL']],
    ['PEÑA', ['José Pérez', 'PEÑA Hermanos SL']],
    ['peña hermanos', ['PEÑA Hermanos SL']],
    ['avila', ['José Pérez']],
    ['MALAGA', ['PEÑA Hermanos SL']],
    ['calle de la pena', ['José Pérez']],
    ['pérez%', []],
  ])(
    'GET /customers?q=%j finds %j (name, street or city; case and accents aside)',
    async (q, names) => {
      expect(await namesFound(q)).toEqual(names);
    },
  );

  it('the export takes the same search', async () => {
    const text = await exported({ zone, q: 'pena', format: 'excel-es' });
    const [, ...records] = parseCsv(text.slice(BOM.length), ';');
    expect(records.map((record) => record[1])).toEqual(['José Pérez', 'PEÑA Hermanos SL']);
    const plain = parseCsv(await exported({ zone, q: 'AVILA' }), ',');
    expect(plain.slice(1).map((record) => record[1])).toEqual(['José Pérez']);
  });
  afterAll(() => testApp.close());

  /** GET /customers/export.csv with `query`: the body as text, BOM included. */
  async function exported(query: object) {
    const res = await http()
      .get('/api/customers/export.csv')
      .query(query)
      .set(reading())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    return res.body as string;
  }

  it('format=excel-es: BOM, semicolons, Spanish headers, quoted and guarded cells, Spanish dates', async () => {
    const text = await exported({ zone, format: 'excel-es' });
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...records] = parseCsv(text.slice(BOM.length), ';');
    expect(header).toEqual([
      'ID cliente',
      'Nombre',
      'Observaciones',
      'E-mail',
      'Teléfono',
      'Teléfono celular',
      'Dirección',
      'Barrio',
      'Zona',
      'Documento/cédula',
      'Ciudad',
      'Provincia/estado/región',
      'Facturación habilitada',
      'Tipo de factura',
      'Condición impositiva',
      'Número de identificación tributaria',
      'Número de facturas impagas',
      'Balance de facturas impagas',
      'Información de Pasarelas de Pago',
      'Creado el',
      'Última modificación',
    ]);
    expect(records).toHaveLength(3);
    const [injected, jose] = records;
    expect(injected[1]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(jose[1]).toBe('José Pérez');
    expect(jose[2]).toBe('Portal "B"; 2º izq.\nllamar antes');
    expect(jose[6]).toBe('Calle de la Peña 3, 05001');
    expect(jose[10]).toBe('Ávila');
    expect(jose[17]).toBe('0,00');
    expect(jose[19]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('the default format is unchanged: no BOM, commas, English headers, ISO dates', async () => {
    const text = await exported({ zone });
    expect(text.startsWith(BOM)).toBe(false);
    const [header, ...records] = parseCsv(text, ',');
    expect(header.slice(0, 3)).toEqual(['id', 'name', 'observations']);
    expect(records).toHaveLength(3);
    expect(records[1][17]).toBe('0.00');
    expect(records[1][19]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses an unknown format', async () => {
    await http()
      .get('/api/customers/export.csv')
      .query({ format: 'xlsx' })
      .set(operator)
      .expect(400);
  });
});
