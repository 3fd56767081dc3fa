/**
 * One call of every command endpoint, written as a client would against the types
 * `openapi-typescript` generates from /api/docs-json: test/openapi-contract.e2e-spec.ts
 * compiles it (a renamed or retyped field in a DTO breaks it) and checks it calls every
 * command the document has. Not run: it shows what compiles.
 */
import { CommandClient } from './typed-call';

/**
 * The ids no earlier call here answers: an invoice, when the billing run issued none (a real
 * client finds one with a query). Every other id is read from a typed answer.
 */
export interface Ids {
  invoice: string;
  /** An attachment: uploaded as multipart/form-data, which this JSON client does not send. */
  attachment: string;
}

/** What a client keeps from the answers no later call reads: typed, so each read compiles. */
export interface Kept {
  interactionId: string;
  problemCodes: string[];
  creditNoteNumber: string | undefined;
  paymentId: string;
  remittance: { id: string; effects: number; excluded: string[] };
  returnedFees: number[];
  creditMoved: number[];
  portalSession: { regenerationId: string; customerId: string; expiresAt: string };
}

export async function everyCommand(call: CommandClient, ids: Ids): Promise<Kept> {
  const customer = await call('post', '/api/customers', {
    body: {
      personType: 'natural',
      givenName: 'Ana',
      firstSurname: 'García',
      secondSurname: null,
      document: { type: 'dni', number: '12345678Z' },
      email: 'ana@example.com',
      address: { street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' },
      zone: 'north',
    },
    idempotencyKey: 'register-ana',
  });
  const id = customer.id;
  const { version } = await call('patch', '/api/customers/{id}', {
    path: { id },
    body: { email: null, observations: 'Prefers phone' },
    ifMatch: customer.version,
  });
  await call('put', '/api/customers/{id}/billing-settings', {
    path: { id },
    body: {
      billingEnabled: true,
      paymentMethod: 'direct_debit',
      invoiceSeries: 'A',
      billingDay: 5,
      iban: 'ES91 2100 0418 4502 0005 1332',
      notifyEmails: ['ana@example.com'],
    },
    ifMatch: version,
  });
  // Property reads, not destructuring: TypeScript lets `{ x } = never` (an untyped answer) pass.
  const addressAnswer = await call('post', '/api/customers/{id}/addresses', {
    path: { id },
    body: { label: 'Installation', address: { street: 'Calle Luna 2', city: 'Madrid' } },
  });
  await call('patch', '/api/customers/{id}/addresses/{addressId}', {
    path: { id, addressId: addressAnswer.addressId },
    body: { label: null, address: { city: 'Bilbao' } },
  });
  await call('delete', '/api/customers/{id}/addresses/{addressId}', {
    path: { id, addressId: addressAnswer.addressId },
  });
  const contactAnswer = await call('post', '/api/customers/{id}/contacts', {
    path: { id },
    body: { name: 'Marta', role: null, consents: { mailing: true, sms: false } },
  });
  await call('patch', '/api/customers/{id}/contacts/{contactId}', {
    path: { id, contactId: contactAnswer.contactId },
    body: { email: 'marta.ruiz@example.com', consents: { sms: true } },
  });
  // Seed 003: an interest shown by the contact, edited, removed; a renewable renewed and lapsed.
  const interest = await call('post', '/api/customers/{id}/interests', {
    path: { id },
    body: { product: 'Fibra 1 Gb', contactId: contactAnswer.contactId, shownOn: '2026-03-02' },
  });
  await call('patch', '/api/customers/{id}/interests/{interestId}', {
    path: { id, interestId: interest.interestId },
    body: { notes: 'Call back in June', contactName: null },
  });
  await call('delete', '/api/customers/{id}/interests/{interestId}', {
    path: { id, interestId: interest.interestId },
  });
  const renewable = await call('post', '/api/customers/{id}/renewables', {
    path: { id },
    body: {
      productCode: 'DOM-ES',
      description: 'Domain fibranorte.es',
      purchasedOn: '2026-01-31',
      period: { every: 1, unit: 'year' },
    },
  });
  await call('post', '/api/renewables/{id}/renew', {
    path: { id: renewable.id },
    body: { renewedOn: '2026-02-25' },
  });
  await call('post', '/api/renewables/{id}/lapse', { path: { id: renewable.id } });
  await call('delete', '/api/customers/{id}/contacts/{contactId}', {
    path: { id, contactId: contactAnswer.contactId },
  });
  const interaction = await call('post', '/api/customers/{id}/interactions', {
    path: { id },
    body: { kind: 'call', direction: 'inbound', text: 'Asked for the invoice' },
  });
  // Rule 26: the portal password regenerated (the sends e-mail it), and the customer's login.
  const regeneration = await call('post', '/api/customers/{id}/portal-password', { path: { id } });
  const portalSession = await call('post', '/api/portal/sessions', {
    body: { email: 'ana@example.com', password: 'Kx7pQ2mZr9WdAb' },
  });
  const bulk = await call('post', '/api/customers/bulk-update', {
    body: { customerIds: [id], changes: { zone: 'south', billingDay: 10 } },
  });
  await call('post', '/api/bulk-operations/{id}/revert', {
    path: { id: bulk.bulkOperationId ?? '' },
  });
  await call('post', '/api/customers/{id}/deactivate', { path: { id }, body: { reason: null } });
  await call('post', '/api/customers/{id}/reactivate', { path: { id } });

  const contract = await call('post', '/api/contracts', {
    body: { customerId: id, paymentMethod: 'direct_debit' },
  });
  const contractId = contract.id;
  await call('post', '/api/contracts/{id}/sign', {
    path: { id: contractId },
    body: {
      iban: 'ES91 2100 0418 4502 0005 1332',
      signatory: 'Ana García',
      mandateReference: 'M-1',
      signedAt: '2026-03-01T10:00:00Z',
    },
  });
  await call('put', '/api/contracts/{id}/iban', {
    path: { id: contractId },
    body: { iban: 'ES79 2100 0813 6101 2345 6789', mandateReference: null },
  });

  const subscription = await call('post', '/api/subscriptions', {
    body: { contractId, tariff: 'Fibra 600 Mb', monthlyPriceCents: 3500, billingMode: 'advance' },
  });
  const subscriptionId = { id: subscription.id };
  await call('post', '/api/subscriptions/{id}/activate', { path: subscriptionId, body: {} });
  await call('post', '/api/subscriptions/{id}/suspend', {
    path: subscriptionId,
    body: { reason: 'Unpaid' },
  });
  await call('post', '/api/subscriptions/{id}/resume', { path: subscriptionId });
  await call('post', '/api/subscriptions/{id}/active-not-billable', {
    path: subscriptionId,
    body: { reason: 'Trial month' },
  });
  await call('post', '/api/subscriptions/{id}/active-billable', { path: subscriptionId });
  await call('post', '/api/subscriptions/{id}/tariff-migrations', {
    path: subscriptionId,
    body: { tariff: 'Fibra 1 Gb', monthlyPriceCents: 4500, effectiveDate: '2026-04-01' },
  });
  await call('post', '/api/subscriptions/{id}/discounts', {
    path: subscriptionId,
    body: { percent: 10, from: '2026-04-01', until: null },
  });
  await call('post', '/api/subscriptions/{id}/extra-charges', {
    path: subscriptionId,
    body: { amountCents: 1500, description: 'Router', recurring: false, from: '2026-04-01' },
  });

  const simulation = await call('post', '/api/billing/simulations', {
    body: { cycles: 3, customerIds: [id], from: '2026-04-01' },
  });
  const run = await call('post', '/api/billing/runs', {
    body: { period: '2026-04', customerIds: [id] },
  });
  await call('post', '/api/billing/migration-credits', { body: { period: '2026-04' } });
  await call('post', '/api/collections/dunning-runs', { body: { asOf: '2026-05-10' } });

  const invoiceId = { id: run.issued[0]?.invoiceId ?? ids.invoice };
  const creditNote = await call('post', '/api/invoices/{id}/credit-notes', {
    path: invoiceId,
    body: { reason: 'Outage', lines: [{ description: 'Two days', amountCents: 250 }] },
  });
  await call('post', '/api/invoices/{id}/cancellation', {
    path: { id: ids.invoice },
    body: { reason: 'Issued by mistake' },
  });
  const payment = await call('post', '/api/invoices/{id}/payments', {
    path: invoiceId,
    body: { amountCents: 4235, method: 'transfer', paidAt: '2026-04-10' },
  });
  const effectAnswer = await call('post', '/api/invoices/{id}/direct-debit-effects', {
    path: invoiceId,
    body: { dueDate: '2026-04-20' },
  });
  const effect = { ...invoiceId, effectId: effectAnswer.effectId };
  await call('post', '/api/invoices/{id}/direct-debit-effects/{effectId}/collect', {
    path: effect,
    body: { collectedAt: '2026-04-20T08:00:00Z' },
  });
  await call('post', '/api/invoices/{id}/direct-debit-effects/{effectId}/return', {
    path: effect,
    body: { reason: 'MS02 refused by the debtor' },
  });
  await call('post', '/api/invoices/{id}/direct-debit-effects/{effectId}/reduce', {
    path: effect,
    body: { amountCents: 2000, reason: 'Agreed instalments' },
  });
  await call('post', '/api/invoices/{id}/direct-debit-effects/{effectId}/cancel', {
    path: effect,
    body: { reason: 'Paid at the office' },
  });
  const issuer = await call('post', '/api/issuers', {
    body: {
      legalName: 'Fibra Norte SL',
      nif: 'B12345674',
      address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid', country: 'ES' },
      creditorId: 'ES11ZZZB12345674',
      creditorIban: 'ES91 2100 0418 4502 0005 1332',
      returnedDebitFeeCents: 300,
      dunningPolicy: 'reminder:7,suspend:30',
      series: ['A'],
    },
    idempotencyKey: 'register-fibra-norte',
  });
  await call('patch', '/api/issuers/{id}', {
    path: { id: issuer.id },
    body: { legalName: 'Fibra Norte SLU', address: { city: 'Getafe' } },
    ifMatch: issuer.version,
  });
  // Rule 28: a catalog entry created, renamed (If-Match) and retired.
  const zone = await call('post', '/api/catalogs/{kind}', {
    path: { kind: 'zones' },
    body: { name: 'Zona Norte' },
  });
  await call('patch', '/api/catalogs/{kind}/{id}', {
    path: { kind: 'zones', id: zone.id },
    body: { name: 'Zona Norte (Getafe)' },
    ifMatch: zone.version,
  });
  await call('post', '/api/catalogs/{kind}/{id}/retire', { path: { kind: 'zones', id: zone.id } });
  // Seed 003: an attachment (uploaded as multipart/form-data) taken off the file.
  await call('delete', '/api/attachments/{id}', { path: { id: ids.attachment } });
  // Rule 23: a ticket on the customer's contract, through every step.
  const ticket = await call('post', '/api/customers/{id}/tickets', {
    path: { id },
    body: {
      subject: 'No connection since Monday',
      description: 'The router shows a red light.',
      category: 'technical',
      priority: 'high',
      contractId,
      assignee: null,
    },
  });
  const onTicket = { path: { id: ticket.id } };
  await call('post', '/api/tickets/{id}/assign', { ...onTicket, body: { assignee: 'marta' } });
  const ticketComment = await call('post', '/api/tickets/{id}/comments', {
    ...onTicket,
    body: { text: 'Replaced the router.' },
  });
  await call('post', '/api/tickets/{id}/start', onTicket);
  await call('post', '/api/tickets/{id}/resolve', onTicket);
  await call('post', '/api/tickets/{id}/close', onTicket);
  await call('post', '/api/tickets/{id}/reopen', {
    ...onTicket,
    ifMatch: ticketComment.version + 3,
  });
  // Rule 29: an estimate rejected, another accepted (its contract drafted).
  const quote = {
    lines: [{ description: 'Router installation', quantity: 1, unitPriceCents: 4999 }],
    validUntil: '2099-12-31',
    notes: null,
  };
  const declined = await call('post', '/api/customers/{id}/estimates', {
    path: { id },
    body: quote,
  });
  await call('post', '/api/estimates/{id}/reject', {
    path: { id: declined.id },
    body: { reason: 'Too dear' },
  });
  const taken = await call('post', '/api/customers/{id}/estimates', { path: { id }, body: quote });
  await call('post', '/api/estimates/{id}/accept', {
    path: { id: taken.id },
    body: { paymentMethod: 'transfer' },
  });
  const task = await call('post', '/api/customers/{id}/tasks', {
    path: { id },
    body: {
      type: 'call',
      colour: '#FF8800',
      title: 'Call about the router',
      date: '2026-03-02',
      time: '09:30',
      durationMinutes: 15,
      assignee: 'Luis',
      description: null,
    },
    idempotencyKey: 'task-call-ana',
  });
  const taskEdited = await call('patch', '/api/tasks/{id}', {
    path: { id: task.id },
    body: { title: 'Visit about the router', type: 'meeting' },
    ifMatch: task.version,
  });
  await call('post', '/api/tasks/{id}/start', {
    path: { id: task.id },
    ifMatch: taskEdited.version,
  });
  await call('post', '/api/tasks/{id}/complete', { path: { id: task.id } });
  const taskCopy = await call('post', '/api/tasks/{id}/copy', {
    path: { id: task.id },
    body: { date: '2026-03-09', time: '16:00' },
  });
  await call('post', '/api/tasks/{id}/not-attended', { path: { id: taskCopy.id } });
  const checklist = {
    name: 'Checklist antes de enviar técnico',
    description: null,
    fields: [
      { key: 'router_on', label: '¿Router encendido?', type: 'yes_no' as const, required: true },
      {
        key: 'lights',
        label: 'Luces del router',
        type: 'single_choice' as const,
        options: ['Verde', 'Rojo'],
      },
      { key: 'devices', label: 'Equipos', type: 'number' as const, min: 0, max: 50, integer: true },
    ],
  };
  const form = await call('post', '/api/forms', { body: checklist });
  const formV2 = await call('post', '/api/forms/{id}/versions', {
    path: { id: form.id },
    body: { ...checklist, fields: checklist.fields.slice(0, 2) },
    ifMatch: form.version,
  });
  const filled = await call('post', '/api/customers/{id}/forms/{formId}', {
    path: { id, formId: form.id },
    body: { answers: { router_on: true, lights: 'Rojo', devices: 3 }, version: 1 },
  });
  await call('patch', '/api/customers/{id}/forms/{filledId}', {
    path: { id, filledId: filled.id },
    body: { answers: { devices: null } },
    ifMatch: filled.version,
  });
  await call('post', '/api/forms/{id}/retire', { path: { id: form.id }, ifMatch: formV2.version });
  const remittance = await call('post', '/api/collections/remittances', {
    body: { collectionDate: '2026-05-05', dueUntil: '2026-05-01', painVersion: '001.08' },
  });
  const credit = await call('post', '/api/customers/{id}/account/apply-credit', { path: { id } });
  const returned = await call('post', '/api/collections/returns', {
    body: { effectId: effect.effectId, reasonCode: 'AM04', returnedAt: '2026-05-08T09:00:00Z' },
  });

  await call('post', '/api/subscriptions/{id}/reject', {
    path: subscriptionId,
    body: { reason: 'No coverage' },
  });
  await call('post', '/api/subscriptions/{id}/cancel', {
    path: subscriptionId,
    body: { reason: null, cancelledAt: '2026-06-30T12:00:00Z' },
  });
  await call('post', '/api/contracts/{id}/terminate', {
    path: { id: contractId },
    body: { reason: 'Moved abroad' },
  });
  await call('delete', '/api/contracts/{id}', { path: { id: contractId } });
  await call('post', '/api/customers/{id}/erase-personal-data', { path: { id } });
  await call('delete', '/api/customers/{id}', { path: { id } });
  return {
    interactionId: interaction.interactionId,
    problemCodes: simulation.problems.map((problem) => problem.code),
    creditNoteNumber: creditNote.number,
    paymentId: payment.paymentId,
    remittance: {
      id: remittance.id,
      effects: remittance.effects,
      excluded: remittance.excluded.map((effect) => effect.code),
    },
    returnedFees: returned.applied.map((applied) => applied.feeCents),
    creditMoved: credit.moved.map((move) => move.amountCents),
    portalSession: {
      regenerationId: regeneration.regenerationId,
      customerId: portalSession.customerId,
      expiresAt: portalSession.expiresAt,
    },
  };
}
