import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAppConfig } from '../../config/app-config';
import { aeatTransportSettingsFrom, HttpsAeatTransport } from './aeat-transport';
import {
  generateTestCertificates,
  LocalAeatServer,
  startLocalAeatServer,
  TestCertificates,
} from './testing/local-aeat-server';

let directory: string;
let certificates: TestCertificates;
const servers: LocalAeatServer[] = [];
const transports: HttpsAeatTransport[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'aeat-transport-'));
  certificates = await generateTestCertificates(directory);
}, 60_000);
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function serve(reply: Parameters<typeof startLocalAeatServer>[1]) {
  const server = await startLocalAeatServer(certificates, reply);
  servers.push(server);
  return server;
}

function transportFor(env: Record<string, string>): HttpsAeatTransport {
  const settings = aeatTransportSettingsFrom(validateAppConfig(env));
  if (settings === null) throw new Error('expected the transport configured');
  const transport = new HttpsAeatTransport(settings);
  transports.push(transport);
  return transport;
}

describe('The AEAT transport (HTTPS with a client certificate)', () => {
  it('posts the request with the PKCS#12 certificate and answers AEAT’s body', async () => {
    const server = await serve(() => ({ status: 200, body: '<answer/>' }));
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PATH: certificates.clientPfx,
      VERIFACTU_CERT_PASSWORD: certificates.clientPfxPassword,
      VERIFACTU_CA_PATH: certificates.caPem,
    });
    expect(await transport.post('<request>ñ</request>')).toEqual({
      kind: 'answered',
      status: 200,
      body: '<answer/>',
    });
    expect(server.received).toEqual([
      { body: '<request>ñ</request>', clientSubject: '89890001K Fibra Norte SL' },
    ]);
  });

  it('posts with a PEM certificate and key as well', async () => {
    const server = await serve(() => ({ status: 200, body: '<ok/>' }));
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PEM_PATH: certificates.clientCertPem,
      VERIFACTU_KEY_PEM_PATH: certificates.clientKeyPem,
      VERIFACTU_CA_PATH: certificates.caPem,
    });
    expect(await transport.post('<r/>')).toMatchObject({ kind: 'answered', status: 200 });
  });

  it('a certificate the server does not trust fails the post (nothing reaches it)', async () => {
    const server = await serve(() => ({ status: 200, body: '<ok/>' }));
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PEM_PATH: certificates.strangerCertPem,
      VERIFACTU_KEY_PEM_PATH: certificates.strangerKeyPem,
      VERIFACTU_CA_PATH: certificates.caPem,
    });
    expect(await transport.post('<r/>')).toMatchObject({ kind: 'failed' });
    expect(server.received).toHaveLength(0);
  });

  it('a server certificate of an authority not trusted fails the post', async () => {
    const server = await serve(() => ({ status: 200, body: '<ok/>' }));
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PATH: certificates.clientPfx,
      VERIFACTU_CERT_PASSWORD: certificates.clientPfxPassword,
    });
    const outcome = await transport.post('<r/>');
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(server.received).toHaveLength(0);
  });

  it('no answer within the timeout, a 503, a 500 without a SOAP Fault: failed (to retry)', async () => {
    const replies = [
      'no answer' as const,
      { status: 503, body: 'busy' },
      { status: 500, body: '<html>oops</html>' },
      { status: 500, body: '<env:Envelope><env:Body><env:Fault/></env:Body></env:Envelope>' },
    ];
    const server = await serve((_body, index) => replies[index]);
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PATH: certificates.clientPfx,
      VERIFACTU_CERT_PASSWORD: certificates.clientPfxPassword,
      VERIFACTU_CA_PATH: certificates.caPem,
      VERIFACTU_TIMEOUT_MS: '300',
    });
    expect(await transport.post('<r/>')).toEqual({
      kind: 'failed',
      error: 'no answer within 300 ms',
    });
    expect(await transport.post('<r/>')).toEqual({ kind: 'failed', error: 'HTTP 503' });
    expect(await transport.post('<r/>')).toEqual({ kind: 'failed', error: 'HTTP 500' });
    expect(await transport.post('<r/>')).toMatchObject({ kind: 'answered', status: 500 });
  });

  it('a server that is not there: failed', async () => {
    const server = await serve(() => ({ status: 200, body: '' }));
    await server.close();
    servers.splice(0);
    const transport = transportFor({
      VERIFACTU_ENDPOINT: server.url,
      VERIFACTU_CERT_PATH: certificates.clientPfx,
      VERIFACTU_CERT_PASSWORD: certificates.clientPfxPassword,
      VERIFACTU_CA_PATH: certificates.caPem,
    });
    expect(await transport.post('<r/>')).toMatchObject({ kind: 'failed' });
  });
});

describe('The transport’s configuration', () => {
  it('is off without an endpoint or without a certificate: records wait as pending', () => {
    expect(aeatTransportSettingsFrom(validateAppConfig({}))).toBeNull();
    expect(
      aeatTransportSettingsFrom(validateAppConfig({ VERIFACTU_ENDPOINT: 'https://aeat.test/ws' })),
    ).toBeNull();
    expect(
      aeatTransportSettingsFrom(validateAppConfig({ VERIFACTU_CERT_PATH: certificates.clientPfx })),
    ).toBeNull();
  });

  it('reads the certificate files, and names a file it cannot read', async () => {
    const settings = aeatTransportSettingsFrom(
      validateAppConfig({
        VERIFACTU_ENDPOINT: 'https://aeat.test/ws',
        VERIFACTU_CERT_PATH: certificates.clientPfx,
        VERIFACTU_CERT_PASSWORD: 'secret',
        VERIFACTU_TIMEOUT_MS: '5000',
      }),
    );
    expect(settings).toEqual({
      endpoint: 'https://aeat.test/ws',
      certificate: { pfx: await readFile(certificates.clientPfx), passphrase: 'secret' },
      timeoutMs: 5000,
    });
    expect(() =>
      aeatTransportSettingsFrom(
        validateAppConfig({
          VERIFACTU_ENDPOINT: 'https://aeat.test/ws',
          VERIFACTU_CERT_PATH: join(directory, 'missing.p12'),
        }),
      ),
    ).toThrow(/VERIFACTU_CERT_PATH: .*missing\.p12/);
  });

  it('refuses a plain-HTTP endpoint, two certificates, or a PEM certificate without its key', () => {
    expect(() => validateAppConfig({ VERIFACTU_ENDPOINT: 'http://aeat.test/ws' })).toThrow(
      /VERIFACTU_ENDPOINT must be an https/,
    );
    expect(() =>
      validateAppConfig({ VERIFACTU_CERT_PATH: 'a.p12', VERIFACTU_CERT_PEM_PATH: 'a.pem' }),
    ).toThrow(/name one VERIFACTU certificate/);
    expect(() => validateAppConfig({ VERIFACTU_CERT_PEM_PATH: 'a.pem' })).toThrow(/go together/);
  });
});
