import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import ts from 'typescript';
import { portalPasswordSecretKey, SendsScheduler } from '@app/application';
import { BillingFixtures, recentMonths } from './support/billing-fixtures';
import { startTestApp, TEST_API_KEYS, TestApp } from './support/test-app';
import { TEST_CREDITOR, tomorrow } from './support/collections';

const operator = { Authorization: `Bearer ${TEST_API_KEYS.operator}` };
const CLIENT_FIXTURES = join(__dirname, 'openapi-client');
/** The generator's own command line, as a client project runs it (it is an ES module). */
const OPENAPI_TYPESCRIPT = join(__dirname, '../node_modules/openapi-typescript/bin/cli.js');

/** The part of an OpenAPI 3.0 schema this suite reads. */
interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}

interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'];

function operations(document: Document) {
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ method, path, operation })),
  );
}

/**
 * The status each route of the app answers on success, from the metadata Nest itself answers
 * by (not the OpenAPI decorators): `@HttpCode` if given, else 201 for POST and 200 otherwise.
 * Keyed `post /api/contracts/{id}/sign`, as the document names operations.
 */
function successStatusOfRoutes(container: ModulesContainer): Map<string, number> {
  const statuses = new Map<string, number>();
  const joined = (...parts: string[]) =>
    ('/' + parts.join('/'))
      .replace(/\/+/g, '/')
      .replace(/\/$/, '')
      .replace(/:(\w+)/g, '{$1}');
  for (const module of container.values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controllerPaths = [
        Reflect.getMetadata(PATH_METADATA, metatype) as string | string[],
      ].flat();
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
          RequestMethod | undefined;
        const routePaths = Reflect.getMetadata(PATH_METADATA, handler) as
          string | string[] | undefined;
        if (requestMethod === undefined || routePaths === undefined) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (requestMethod === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
        const method = RequestMethod[requestMethod].toLowerCase();
        for (const controllerPath of controllerPaths)
          for (const routePath of [routePaths].flat())
            statuses.set(`${method} ${joined('api', controllerPath, routePath)}`, status);
      }
    }
  }
  return statuses;
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

/** Where a schema says nothing of its shape: `object` with no properties, or no type at all. */
function untyped(schema: Schema): boolean {
  if (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf || schema.enum) return false;
  if (schema.type === 'array') return schema.items === undefined || untyped(schema.items);
  if (schema.type === undefined) return true;
  return (
    schema.type === 'object' &&
    schema.properties === undefined &&
    schema.additionalProperties === undefined
  );
}

/** A file a command takes as multipart/form-data (field `file`), not JSON. */
class MultipartFile {
  constructor(
    readonly bytes: Buffer,
    readonly name: string,
  ) {}
}

describe('the OpenAPI document clients generate from (/api/docs-json)', () => {
  let testApp: TestApp;
  let document: Document;
  let workDir: string;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp(TEST_CREDITOR);
    document = (await http().get('/api/docs-json').expect(200)).body as Document;
    workDir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await testApp.close();
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components.schemas[refName(schema.$ref)]) : schema;

  it('types every property and parameter: a nullable string is a string, not an object', () => {
    const properties = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {}).map(([property, s]) => ({
        where: `${name}.${property}`,
        schema: s,
      })),
    );
    const parameters = operations(document).flatMap(({ method, path, operation }) =>
      (operation.parameters ?? []).map((p) => ({
        where: `${method} ${path} ${p.in} ${p.name}`,
        schema: p.schema ?? {},
      })),
    );
    expect(properties.length).toBeGreaterThan(50);
    expect([...properties, ...parameters].filter(({ schema }) => untyped(schema))).toEqual([]);
    // The examples, each a string that may be null.
    for (const [name, property] of [
      ['CustomerFormDto', 'name'],
      ['CustomerFormDto', 'email'],
      ['BillingSettingsDto', 'iban'],
      ['DiscountDto', 'until'],
    ]) {
      expect(document.components.schemas[name].properties?.[property]).toMatchObject({
        type: 'string',
        nullable: true,
      });
    }
  });

  /** The one 2xx response an operation declares, if exactly one. */
  function declaredSuccess(operation: Operation) {
    const codes = Object.keys(operation.responses ?? {}).filter((code) => /^2\d\d$/.test(code));
    if (codes.length !== 1) return { codes };
    const [code] = codes;
    return {
      codes,
      code,
      schema: operation.responses?.[code].content?.['application/json']?.schema,
    };
  }

  /** A `$ref` to a component whose properties are named: what a generated client can type. */
  const typedAnswer = (schema: Schema | undefined) =>
    schema?.$ref !== undefined &&
    !untyped(resolve(schema)) &&
    resolve(schema).properties !== undefined;

  it('every command endpoint answers a typed success: one 2xx, JSON, the status Nest answers', () => {
    const answered = successStatusOfRoutes(testApp.app.get(ModulesContainer));
    const commands = operations(document).filter(({ method }) => COMMAND_METHODS.includes(method));
    expect(commands.length).toBeGreaterThan(35);
    const wrong = commands.flatMap(({ method, path, operation }) => {
      const where = `${method} ${path}`;
      const { codes, code, schema } = declaredSuccess(operation);
      if (code === undefined) return [`${where}: declares ${codes.length} success responses`];
      const status = answered.get(where);
      return [
        ...(typedAnswer(schema) ? [] : [`${where}: ${code} has no typed application/json schema`]),
        ...(status === Number(code) ? [] : [`${where}: declares ${code}, Nest answers ${status}`]),
      ];
    });
    expect(wrong).toEqual([]);
  });

  /** Where `value` strays from `schema`: a type, a null, a required or undocumented field. */
  function strays(value: unknown, schema: Schema, where: string): string[] {
    if (schema.$ref) return strays(value, resolve(schema), where);
    if (value === null) return schema.nullable ? [] : [`${where}: null, not nullable`];
    if (schema.allOf) return schema.allOf.flatMap((part) => strays(value, part, where));
    if (schema.enum && !schema.enum.includes(value))
      return [`${where}: ${String(value)} not in enum`];
    switch (schema.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return typeof value === schema.type
          ? []
          : [`${where}: ${typeof value}, not ${schema.type}`];
      case 'integer':
        return Number.isInteger(value) ? [] : [`${where}: ${String(value)}, not an integer`];
      case 'array':
        return Array.isArray(value)
          ? value.flatMap((item, i) => strays(item, schema.items ?? {}, `${where}[${i}]`))
          : [`${where}: not an array`];
      default: {
        if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: not an object`];
        const fields = value as Record<string, unknown>;
        const properties = schema.properties ?? {};
        return [
          ...(schema.required ?? [])
            .filter((name) => !(name in fields))
            .map((name) => `${where}.${name}: required, absent`),
          ...Object.keys(fields)
            .filter((name) => !(name in properties))
            .map((name) => `${where}.${name}: answered, not documented`),
          ...Object.entries(properties).flatMap(([name, property]) =>
            name in fields ? strays(fields[name], property, `${where}.${name}`) : [],
          ),
        ];
      }
    }
  }

  it('answers every command as documented: the status declared, a body its schema describes', async () => {
    const given = new BillingFixtures(testApp);
    const answered = new Set<string>();
    const wrong: string[] = [];
    /** Sends one command; notes where its answer strays from what the document declares. */
    async function command(
      method: 'post' | 'put' | 'patch' | 'delete',
      path: string,
      body?: object | string,
      ids: Record<string, string> = {},
    ) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
      // X-Min-Position: the simulation reads a view, which must have what was written before.
      // A string body is a file: a bank file (XML), as the returns import takes it, or a CSV.
      const headers =
        typeof body === 'string'
          ? {
              ...given.readAfterWrites(),
              'Content-Type': body.startsWith('<') ? 'application/xml' : 'text/csv',
            }
          : given.readAfterWrites();
      const sent = http()[method](url).set(headers);
      // A file upload (multipart/form-data): the attachments and the customer's image.
      const res = given.track(
        await (body instanceof MultipartFile
          ? sent.attach('file', body.bytes, body.name)
          : sent.send(body as object | string)),
      );
      const where = `${method} ${path}`;
      answered.add(where);
      const { code, schema } = declaredSuccess(document.paths[path]?.[method] ?? {});
      if (String(res.status) !== code)
        wrong.push(
          `${where}: answered ${res.status} ${JSON.stringify(res.body)}, declares ${code}`,
        );
      else wrong.push(...strays(res.body, schema ?? {}, where));
      return res.body;
    }
    const [period] = recentMonths(1);

    // A billed customer: simulated, invoiced, its tariff migrated and credited, paid, debited.
    const customerId = await given.customer('DOC');
    const contractId = await given.signedContract(customerId);
    const subscription = { id: await given.activeSubscription(contractId, 10000) };
    const customerIds = [customerId];
    const simulation = await command('post', '/api/billing/simulations', {
      cycles: 2,
      customerIds,
      from: `${period}-01`,
    });
    const run = await command('post', '/api/billing/runs', { period, customerIds });
    const invoice = { id: run.issued[0]?.invoiceId as string };
    // Rule 22: another customer's invoice, issued by mistake, annulled.
    const mistaken = await given.billedContract('DOCX');
    const mistakenRun = await command('post', '/api/billing/runs', {
      period,
      customerIds: [mistaken.customerId],
    });
    await command(
      'post',
      '/api/invoices/{id}/cancellation',
      { reason: 'Emitida por error' },
      { id: mistakenRun.issued[0]?.invoiceId as string },
    );
    await command(
      'post',
      '/api/subscriptions/{id}/tariff-migrations',
      { tariff: 'Fibra 1 Gb', monthlyPriceCents: 4500, effectiveDate: `${period}-16` },
      subscription,
    );
    const credits = await command('post', '/api/billing/migration-credits', {
      period,
      customerIds,
    });
    const detail = await http()
      .get(`/api/invoices/${invoice.id}`)
      .set(given.readAfterWrites())
      .expect(200);
    const effectOfTheRun = { ...invoice, effectId: detail.body.effects[0]?.id as string };
    const effectPath = '/api/invoices/{id}/direct-debit-effects/{effectId}';
    await command('post', `${effectPath}/collect`, {}, effectOfTheRun);
    await command('post', `${effectPath}/return`, { reason: 'MS02 refused' }, effectOfTheRun);
    const creditNote = { reason: 'Outage', amountCents: 1000 };
    await command('post', '/api/invoices/{id}/credit-notes', creditNote, invoice);
    const payment = { amountCents: 500, method: 'transfer', paidAt: `${period}-05` };
    await command('post', '/api/invoices/{id}/payments', payment, invoice);
    // Rule 17 by hand: one effect reduced and remitted (rule 18), another cancelled.
    const effect = { dueDate: `${period}-20` };
    const reducedEffect = await command(
      'post',
      effectPath.replace('/{effectId}', ''),
      { ...effect, amountCents: 100 },
      invoice,
    );
    await command(
      'post',
      `${effectPath}/reduce`,
      { amountCents: 50, reason: 'Instalments' },
      {
        ...invoice,
        effectId: reducedEffect.effectId as string,
      },
    );
    const cancelled = await command(
      'post',
      '/api/invoices/{id}/direct-debit-effects',
      effect,
      invoice,
    );
    await command(
      'post',
      `${effectPath}/cancel`,
      { reason: 'Paid at the office' },
      {
        ...invoice,
        effectId: cancelled.effectId as string,
      },
    );
    const remittance = { collectionDate: tomorrow(), dueUntil: '2099-12-31' };
    await command('post', '/api/collections/remittances', remittance);
    // Rule 19: the remitted effect returned by hand, then the bank's file saying so again.
    const remitted = { effectId: reducedEffect.effectId as string, reasonCode: 'MS02' };
    await command('post', '/api/collections/returns', remitted);
    const endToEndId = remitted.effectId.replace(/-/g, '');
    const camt = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>DOC-1</MsgId><CreDtTm>2026-11-09T07:00:00Z</CreDtTm></GrpHdr><Ntfctn><Id>N1</Id><CreDtTm>2026-11-09T07:00:00Z</CreDtTm><Acct><Id><IBAN>ES9121000418450200051332</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">0.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-09</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">0.50</Amt></TxAmt></AmtDtls><RtrInf><Rsn><Cd>MS02</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const imported = await command('post', '/api/collections/returns/import', camt);
    await command('post', '/api/customers/{id}/account/apply-credit', undefined, {
      id: customerId,
    });
    await command('post', '/api/collections/dunning-runs', { asOf: tomorrow() });
    expect(imported.duplicates).toEqual([remitted.effectId]);

    // Its subscriptions through rule R5's states, its contract's IBAN, then its end.
    const discount = { percent: 10, from: `${period}-01`, until: null };
    await command('post', '/api/subscriptions/{id}/discounts', discount, subscription);
    const charge = { amountCents: 1500, description: 'Router', recurring: false };
    await command('post', '/api/subscriptions/{id}/extra-charges', charge, subscription);
    await command('post', '/api/subscriptions/{id}/suspend', { reason: 'Unpaid' }, subscription);
    await command('post', '/api/subscriptions/{id}/resume', undefined, subscription);
    await command('post', '/api/subscriptions/{id}/active-not-billable', {}, subscription);
    await command('post', '/api/subscriptions/{id}/active-billable', undefined, subscription);
    await command('post', '/api/subscriptions/{id}/cancel', { reason: null }, subscription);
    const requested = {
      contractId,
      tariff: 'Fibra 300',
      monthlyPriceCents: 3000,
      billingMode: 'advance',
    };
    const pending = await command('post', '/api/subscriptions', requested);
    await command('post', '/api/subscriptions/{id}/reject', { reason: 'No coverage' }, pending);
    const later = await command('post', '/api/subscriptions', requested);
    await command('post', '/api/subscriptions/{id}/activate', {}, later);
    const contract = { id: contractId };
    const iban = { iban: 'ES79 2100 0813 6101 2345 6789', mandateReference: null };
    await command('put', '/api/contracts/{id}/iban', iban, contract);
    await command('post', '/api/contracts/{id}/terminate', { reason: 'Moved' }, contract);

    // Rule 23: a ticket on the customer's contract, through every step.
    const ticket = await command(
      'post',
      '/api/customers/{id}/tickets',
      { subject: 'No line', description: 'Red light', category: 'technical', priority: 'high' },
      { id: customerId },
    );
    await command('post', '/api/tickets/{id}/assign', { assignee: 'marta' }, ticket);
    await command('post', '/api/tickets/{id}/comments', { text: 'On it' }, ticket);
    for (const step of ['start', 'resolve', 'close', 'reopen'])
      await command('post', `/api/tickets/{id}/${step}`, undefined, ticket);

    // Rule 29: an estimate rejected, another accepted (its contract drafted).
    const quote = {
      lines: [{ description: 'Router installation', unitPriceCents: 4999 }],
      validUntil: '2099-12-31',
    };
    const declined = await command('post', '/api/customers/{id}/estimates', quote, {
      id: customerId,
    });
    await command('post', '/api/estimates/{id}/reject', { reason: 'Too dear' }, declined);
    const taken = await command('post', '/api/customers/{id}/estimates', quote, { id: customerId });
    await command('post', '/api/estimates/{id}/accept', {}, taken);

    // A customer's own tabs, its lifecycle, a draft contract deleted, erasure and deletion.
    const form = { personType: 'legal', name: 'Documentada SL', email: 'doc@example.com' };
    const customer = await command('post', '/api/customers', form);
    const id = { id: customer.id as string };
    const edited = await command('patch', '/api/customers/{id}', { zone: 'north' }, id);
    await command('put', '/api/customers/{id}/billing-settings', { billingDay: 5 }, id);
    const place = { label: 'Installation', address: { street: 'Calle Luna 2', city: 'Madrid' } };
    const address = await command('post', '/api/customers/{id}/addresses', place, id);
    const addressOf = { ...id, addressId: address.addressId as string };
    const addressPath = '/api/customers/{id}/addresses/{addressId}';
    await command('patch', addressPath, { label: null }, addressOf);
    await command('delete', addressPath, undefined, addressOf);
    const contact = await command('post', '/api/customers/{id}/contacts', { name: 'Marta' }, id);
    const contactOf = { ...id, contactId: contact.contactId as string };
    const contactPath = '/api/customers/{id}/contacts/{contactId}';
    await command('patch', contactPath, { role: 'CFO' }, contactOf);
    // Seed 003: an interest shown by the contact, edited, removed; a renewable renewed, lapsed.
    const shown = { product: 'Fibra 1 Gb', contactId: contactOf.contactId, shownOn: '2026-03-02' };
    const interest = await command('post', '/api/customers/{id}/interests', shown, id);
    const interestOf = { ...id, interestId: interest.interestId as string };
    const interestPath = '/api/customers/{id}/interests/{interestId}';
    await command('patch', interestPath, { notes: 'Call in June' }, interestOf);
    await command('delete', interestPath, undefined, interestOf);
    const bought = {
      productCode: 'DOM-ES',
      purchasedOn: '2026-01-31',
      period: { every: 1, unit: 'year' },
    };
    const renewable = await command('post', '/api/customers/{id}/renewables', bought, id);
    await command('post', '/api/renewables/{id}/renew', { renewedOn: '2026-02-25' }, renewable);
    await command('post', '/api/renewables/{id}/lapse', undefined, renewable);
    await command('delete', contactPath, undefined, contactOf);
    const call = { kind: 'call', text: 'Asked for the invoice' };
    await command('post', '/api/customers/{id}/interactions', call, id);
    const taskForm = {
      type: 'call',
      colour: '#FF8800',
      title: 'Call about the invoice',
      date: '2026-03-02',
      time: '09:30',
      assignee: 'Luis',
    };
    const task = { id: (await command('post', '/api/customers/{id}/tasks', taskForm, id)).id };
    await command('patch', '/api/tasks/{id}', { title: 'Visit instead' }, task);
    await command('post', '/api/tasks/{id}/start', undefined, task);
    await command('post', '/api/tasks/{id}/complete', undefined, task);
    const when = { date: '2026-03-09', time: '16:00' };
    const copy = { id: (await command('post', '/api/tasks/{id}/copy', when, task)).id };
    await command('post', '/api/tasks/{id}/not-attended', undefined, copy);
    // Additional forms: defined, a second version, filled with version 1, edited, retired.
    const checklist = {
      name: 'Checklist',
      fields: [{ key: 'router_on', label: '¿Router encendido?', type: 'yes_no', required: true }],
    };
    const definedForm = { id: (await command('post', '/api/forms', checklist)).id as string };
    const v2 = {
      ...checklist,
      fields: [...checklist.fields, { key: 'notes', label: 'Notas', type: 'text' }],
    };
    await command('post', '/api/forms/{id}/versions', v2, definedForm);
    const fillPath = '/api/customers/{id}/forms/{formId}';
    const fillBody = { answers: { router_on: true }, version: 1 };
    const filled = await command('post', fillPath, fillBody, { ...id, formId: definedForm.id });
    const filledOf = { ...id, filledId: filled.id as string };
    await command(
      'patch',
      '/api/customers/{id}/forms/{filledId}',
      { answers: { router_on: false } },
      filledOf,
    );
    await command('post', '/api/forms/{id}/retire', undefined, definedForm);
    // Rule 26: the portal password (held by the sends until its e-mail goes), and the login.
    const regeneration = await command(
      'post',
      '/api/customers/{id}/portal-password',
      undefined,
      id,
    );
    const secrets = await testApp.app.get(SendsScheduler).secrets();
    const held = await secrets.read(portalPasswordSecretKey(regeneration.regenerationId as string));
    const portalLogin = { email: form.email, password: held.password };
    await command('post', '/api/portal/sessions', portalLogin);
    const bulk = { customerIds: [id.id], changes: { seller: 'Lucía' } };
    const operation = await command('post', '/api/customers/bulk-update', bulk);
    await command('post', '/api/bulk-operations/{id}/revert', undefined, {
      id: operation.bulkOperationId as string,
    });
    const draft = await command('post', '/api/contracts', {
      customerId: id.id,
      paymentMethod: 'cash',
    });
    const signature = {
      iban: 'ES91 2100 0418 4502 0005 1332',
      signatory: 'Ana',
      mandateReference: 'M-DOC',
      signedAt: '2026-01-01T09:00:00Z',
    };
    await command('post', '/api/contracts/{id}/sign', signature, draft);
    const unsigned = await command('post', '/api/contracts', {
      customerId: id.id,
      paymentMethod: 'cash',
    });
    await command('delete', '/api/contracts/{id}', undefined, unsigned);
    const attachment = await command(
      'post',
      '/api/customers/{id}/attachments',
      new MultipartFile(Buffer.from('%PDF-1.7\n%%EOF\n'), 'contrato.pdf'),
      id,
    );
    await command('delete', '/api/attachments/{id}', undefined, attachment);
    await command(
      'put',
      '/api/customers/{id}/image',
      new MultipartFile(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c50' } })
          .png()
          .toBuffer(),
        'logo.png',
      ),
      id,
    );
    await command('post', '/api/customers/{id}/deactivate', { reason: null }, id);
    await command('post', '/api/customers/{id}/reactivate', undefined, id);
    await command('post', '/api/customers/{id}/erase-personal-data', undefined, id);
    const issuer = await command('post', '/api/issuers', {
      legalName: 'Emisora SL',
      nif: 'B12345674',
      address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid' },
      series: ['ISS1'],
    });
    await command('patch', '/api/issuers/{id}', { legalName: 'Emisora SLU' }, issuer);
    const zone = await command(
      'post',
      '/api/catalogs/{kind}',
      { name: 'Zona Doc' },
      { kind: 'zones' },
    );
    await command(
      'patch',
      '/api/catalogs/{kind}/{id}',
      { name: 'Zona Doc 2' },
      { kind: 'zones', id: zone.id },
    );
    await command('post', '/api/catalogs/{kind}/{id}/retire', undefined, {
      kind: 'zones',
      id: zone.id,
    });
    const deletable = await command('post', '/api/customers', { name: 'Borrable SL' });
    await command('delete', '/api/customers/{id}', undefined, deletable);
    await command(
      'post',
      '/api/imports/customers',
      'name,email\r\nImportada SL,imp@example.com\r\n',
    );

    expect(wrong).toEqual([]);
    // The nested shapes were there to check: a previewed invoice, an issued one, a credit.
    expect(simulation.contracts[0].cycles[0].invoice.lines.length).toBeGreaterThan(0);
    expect(run.issued).toHaveLength(1);
    expect(credits.granted).toHaveLength(1);
    expect(edited.version).toBeGreaterThan(customer.version);
    const documented = operations(document)
      .filter(({ method }) => COMMAND_METHODS.includes(method))
      .map(({ method, path }) => `${method} ${path}`);
    expect([...answered].sort()).toEqual(documented.sort());
  });

  /** A body's example: the one the operation gives, else one built from its properties'. */
  function exampleOf(media: MediaType): unknown {
    if (media.example !== undefined) return media.example;
    const named = Object.values(media.examples ?? {});
    if (named.length > 0) return named[0].value;
    return media.schema ? exampleFromSchema(media.schema, '$') : undefined;
  }

  const missing: string[] = [];
  function exampleFromSchema(schema: Schema, where: string): unknown {
    if (schema.example !== undefined) return schema.example;
    const resolved = resolve(schema.allOf?.length === 1 ? schema.allOf[0] : schema);
    if (resolved.type === 'array' && resolved.items)
      return [exampleFromSchema(resolved.items, `${where}[]`)];
    if (resolved.properties) {
      return Object.fromEntries(
        Object.entries(resolved.properties).map(([name, property]) => [
          name,
          exampleFromSchema(property, `${where}.${name}`),
        ]),
      );
    }
    missing.push(where);
    return undefined;
  }

  const commandsWithBodies = () =>
    operations(document).flatMap(({ method, path, operation }) => {
      const media = operation.requestBody?.content?.['application/json'];
      return media ? [{ method, path, media }] : [];
    });

  it('gives no request body field a default: generated clients would make it required', () => {
    const bodySchemas = new Set(
      commandsWithBodies().flatMap(({ media }) =>
        media.schema?.$ref ? [refName(media.schema.$ref)] : [],
      ),
    );
    const withDefaults = [...bodySchemas].flatMap((name) =>
      Object.entries(document.components.schemas[name].properties ?? {})
        .filter(([, property]) => property.default !== undefined)
        .map(([property]) => `${name}.${property}`),
    );
    expect(bodySchemas.size).toBeGreaterThan(20);
    expect(withDefaults).toEqual([]);
  });

  it('gives every request body an example: each of its fields has one, or the body has', () => {
    const bodies = commandsWithBodies();
    expect(bodies.length).toBeGreaterThan(25);
    missing.length = 0;
    for (const { method, path, media } of bodies) {
      const before = missing.length;
      exampleOf(media);
      for (let i = before; i < missing.length; i++) missing[i] = `${method} ${path}: ${missing[i]}`;
    }
    expect(missing).toEqual([]);
  });

  it('has examples the API accepts: sending one is never a 400 (ids in the path are unknown)', async () => {
    const refused: string[] = [];
    for (const { method, path, media } of commandsWithBodies()) {
      const url = path.replace(/\{\w+\}/g, () => randomUUID());
      const res = await http()
        [method as 'post' | 'put' | 'patch' | 'delete'](url)
        .set(operator)
        .send(exampleOf(media) as object);
      if (res.status === 400 || res.status >= 500)
        refused.push(`${method} ${path}: ${res.status} ${JSON.stringify(res.body.details)}`);
    }
    expect(refused).toEqual([]);
  });

  /** Types generated by openapi-typescript, the client and `files` compiled: the errors. */
  let generated: Promise<unknown> | undefined;
  async function compileAgainstGeneratedTypes(files: Record<string, string>): Promise<string[]> {
    writeFileSync(join(workDir, 'docs.json'), JSON.stringify(document));
    generated ??= promisify(execFile)(process.execPath, [
      OPENAPI_TYPESCRIPT,
      join(workDir, 'docs.json'),
      '--output',
      join(workDir, 'api.d.ts'),
    ]);
    await generated;
    copyFileSync(join(CLIENT_FIXTURES, 'typed-call.ts'), join(workDir, 'typed-call.ts'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(workDir, name), text);
    const program = ts.createProgram(
      Object.keys(files).map((name) => join(workDir, name)),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
      },
    );
    return ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? d.file.fileName.replace(workDir, '') : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
  }

  it('generates a typed client (openapi-typescript) that compiles a call of every command', async () => {
    const calls = readFileSync(join(CLIENT_FIXTURES, 'command-calls.ts'), 'utf8');
    expect(await compileAgainstGeneratedTypes({ 'command-calls.ts': calls })).toEqual([]);
    // Every command the document has is called there, and nothing it lacks.
    const called = [...calls.matchAll(/call\(\s*'(\w+)',\s*'([^']+)'/g)].map(
      ([, method, path]) => `${method} ${path}`,
    );
    // A JSON client: the one command whose body is a bank file (XML) is not one of its calls.
    const documented = operations(document)
      .filter(({ method }) => COMMAND_METHODS.includes(method))
      .filter(
        ({ operation }) =>
          !operation.requestBody || operation.requestBody.content?.['application/json'],
      )
      .map(({ method, path }) => `${method} ${path}`);
    expect([...new Set(called)].sort()).toEqual(documented.sort());
  });

  it('refuses to compile a misspelled field, also beside every required one', async () => {
    const errors = await compileAgainstGeneratedTypes({
      'misspelled.ts': [
        "import { CommandClient } from './typed-call';",
        'export async function misspelled(call: CommandClient, customerId: string) {',
        "  await call('post', '/api/customers', { body: { personType: 'legal', nmae: 'Ana' } });",
        "  await call('post', '/api/contracts', {",
        "    body: { customerId, paymentMethod: 'cash', paymentMethd: 'card' },",
        '  });',
        "  await call('post', '/api/customers/{id}/deactivate', { path: { idd: customerId } });",
        '}',
      ].join('\n'),
    });
    expect(errors).toEqual([
      expect.stringMatching(/misspelled\.ts: .*'nmae' does not exist/),
      expect.stringMatching(/misspelled\.ts: .*'paymentMethd' does not exist/),
      expect.stringMatching(/misspelled\.ts: .*'idd' does not exist/),
    ]);
  });
});
