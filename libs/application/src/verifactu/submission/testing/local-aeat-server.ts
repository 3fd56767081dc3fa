import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Tests only: files of a throwaway PKI made with the `openssl` CLI. */
export interface TestCertificates {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** The client certificate and key as PKCS#12, under `clientPfxPassword`. */
  clientPfx: string;
  clientPfxPassword: string;
  /** A client certificate signed by another authority: the server must refuse it. */
  strangerCertPem: string;
  strangerKeyPem: string;
}

/**
 * Tests only: a certificate authority, a server certificate for localhost/127.0.0.1 and a
 * client certificate it signed (PEM and PKCS#12), plus a client certificate of another
 * authority, generated with the `openssl` CLI into `directory`.
 */
export async function generateTestCertificates(directory: string): Promise<TestCertificates> {
  const path = (name: string) => join(directory, name);
  const openssl = (...args: string[]) => run('openssl', args);
  const selfSigned = (name: string, subject: string) =>
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      path(`${name}.key`),
      '-out',
      path(`${name}.crt`),
      '-subj',
      subject,
    );
  const signed = async (name: string, subject: string, ca: string, extensions: string) => {
    await openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path(`${name}.key`),
      '-out',
      path(`${name}.csr`),
      '-subj',
      subject,
    );
    await writeFile(path(`${name}.ext`), extensions);
    await openssl(
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path(`${ca}.crt`),
      '-CAkey',
      path(`${ca}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      path(`${name}.crt`),
      '-extfile',
      path(`${name}.ext`),
    );
  };
  await selfSigned('ca', '/CN=Test AEAT CA');
  await selfSigned('stranger-ca', '/CN=Stranger CA');
  await signed(
    'server',
    '/CN=localhost',
    'ca',
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  await signed('client', '/CN=89890001K Fibra Norte SL', 'ca', 'extendedKeyUsage=clientAuth\n');
  await signed('stranger', '/CN=Stranger', 'stranger-ca', 'extendedKeyUsage=clientAuth\n');
  const clientPfxPassword = 'test-pfx-password';
  await openssl(
    'pkcs12',
    '-export',
    '-in',
    path('client.crt'),
    '-inkey',
    path('client.key'),
    '-out',
    path('client.p12'),
    '-passout',
    `pass:${clientPfxPassword}`,
  );
  return {
    caPem: path('ca.crt'),
    serverCertPem: path('server.crt'),
    serverKeyPem: path('server.key'),
    clientCertPem: path('client.crt'),
    clientKeyPem: path('client.key'),
    clientPfx: path('client.p12'),
    clientPfxPassword,
    strangerCertPem: path('stranger.crt'),
    strangerKeyPem: path('stranger.key'),
  };
}

/** What the fake AEAT does with one request: answer it, or hold it unanswered (a timeout). */
export type FakeAeatReply = { status: number; body: string } | 'no answer';

export interface LocalAeatServer {
  url: string;
  /** Every request body received, in order, with the client certificate's subject. */
  received: { body: string; clientSubject: string }[];
  close(): Promise<void>;
}

/**
 * Tests only: an HTTPS server on 127.0.0.1 that requires a client certificate signed by the
 * test authority (mutual TLS, as AEAT does) and answers each request with `reply`.
 */
export async function startLocalAeatServer(
  certificates: TestCertificates,
  reply: (body: string, index: number) => FakeAeatReply | Promise<FakeAeatReply>,
): Promise<LocalAeatServer> {
  const received: LocalAeatServer['received'] = [];
  const held: import('node:http').ServerResponse[] = [];
  const server: Server = createServer(
    {
      key: await readFile(certificates.serverKeyPem),
      cert: await readFile(certificates.serverCertPem),
      ca: await readFile(certificates.caPem),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const peer = (incoming.socket as TLSSocket).getPeerCertificate();
        received.push({ body, clientSubject: String(peer.subject?.CN ?? '') });
        void Promise.resolve(reply(body, received.length - 1)).then((answer) => {
          if (answer === 'no answer') {
            held.push(response);
            return;
          }
          response.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8' });
          response.end(answer.body);
        });
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
