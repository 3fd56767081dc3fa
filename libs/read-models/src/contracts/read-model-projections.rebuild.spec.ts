import {
  CatalogCommand,
  catalogDecider,
  catalogStream,
  chainEventOf,
  customerFilesDecider,
  customerFilesStream,
  InvoiceRegistrationRecorded,
  RemittanceCreated,
  remittanceLedgerStream,
  EstimateCommand,
  estimateDecider,
  estimateStream,
  renewableDecider,
  renewableStream,
  TicketCommand,
  ticketDecider,
  ticketStream,
  taskDecider,
  taskStream,
  filledFormDecider,
  filledFormStream,
  formDecider,
  formStream,
  verifactuChainStream,
  verifactuSubmissionStream,
} from '@app/domain';
import { cancellationContent, chainOf, registrationContent } from '@app/domain/testing';
import { createTask, customerOnFile } from '@app/domain/task/testing/task.fixtures';
import {
  defineForm,
  editAnswers,
  fillForm,
  FORM_ID,
  formAfter,
  formDefined,
  publishVersion,
  versionPublished,
} from '@app/domain/form/testing/form.fixtures';
import { ProjectionRunner } from '../runner/projection-runner';
import { CustomerLog, databaseName, IBAN, OTHER_IBAN } from '../customers/testing/customer-log';
import { findCustomerFile } from '../customers/customer-file.queries';
import { allReadModelProjections } from '.';
import {
  draftContract,
  requestSubscription,
  runContract,
  runSubscription,
  signedContract,
} from './testing/contract-log';
import {
  grantCreditNote,
  issueInvoice,
  recordPayment,
  runInvoice,
} from '../invoices/testing/invoice-log';

const chainRecord = (recordId: string): InvoiceRegistrationRecorded => ({
  type: 'InvoiceRegistrationRecorded',
  data: {
    kind: 'registration',
    recordId,
    issuerId: 'other',
    issuerName: 'Fibra Norte SL',
    invoiceId: recordId,
    documentId: recordId,
    invoice: { issuerNif: '89890001K', numSerie: recordId, issueDate: '2026-12-03' },
    previous: null,
    generatedAt: '2026-12-03T10:00:00+01:00',
    huella: 'A'.repeat(64),
    tipoFactura: 'F1',
    rectified: null,
    description: 'Fibra',
    recipient: null,
    breakdown: [{ vatRatePercent: 21, baseCents: 100, vatCents: 21 }],
    cuotaTotalCents: 21,
    importeTotalCents: 121,
  },
});

describe(`Every read model rebuilt from the log on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('read_models_rebuild');
  });
  afterEach(() => log.close());

  const TABLES = [
    'customer_file',
    'customer_history',
    'customer_contracts',
    'customer_subscriptions',
    'invoices',
    'invoice_credit_notes',
    'invoice_transactions',
    'pending_effects',
    'billing_aggregate_states',
    'remittances',
    'sends',
    'issuers',
    'verifactu_chain_records',
    'verifactu_outbox',
    'tickets',
    'estimates',
    'tasks',
    'forms',
    'filled_forms',
    'portal_credentials',
    'catalog_entries',
    'customer_interests',
    'renewables',
    'customer_attachments',
    'customer_images',
  ];
  const ORDER: Record<string, string> = {
    customer_history: 'position',
    invoice_transactions: 'position',
    billing_aggregate_states: 'stream',
    verifactu_chain_records: 'record_id',
    verifactu_outbox: 'record_id',
    sends: 'message_id',
    portal_credentials: 'customer_id',
    customer_images: 'customer_id',
  };
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [
          table,
          await log.dataSource.query(`SELECT * FROM ${table} ORDER BY ${ORDER[table] ?? 'id'}`),
        ]),
      ),
    );

  /** Customers, contracts and subscriptions through most of their events. */
  async function busyDay(): Promise<void> {
    const ana = await log.register(1, { zone: 'Centro' });
    const bea = await log.register(2, { personType: 'legal', name: 'Bea SL' });
    await log.run('ChangeBillingSettings', { customerId: ana, iban: IBAN, billingEnabled: true });
    const signed = await signedContract(log, ana, IBAN);
    const draft = await draftContract(log, ana, 'transfer');
    const main = await requestSubscription(log, signed, ana);
    const run = (subscriptionId: string, type: Parameters<typeof runSubscription>[1], data = {}) =>
      runSubscription(log, type, { subscriptionId, ...data } as never);
    await run(main, 'ActivateSubscription', { activatedAt: '2025-01-01' });
    await run(main, 'GrantDiscount', { discountId: 'd-1', percent: 10, from: '2025-01-01' });
    await run(main, 'MoveSubscriptionToActiveNotBillable', { reason: 'own line' });
    await run(main, 'MoveSubscriptionToActiveBillable');
    await run(main, 'MigrateSubscriptionTariff', {
      tariff: 'Fibra 600',
      monthlyPriceCents: 3500,
      effectiveDate: '2025-02-01',
    });
    await run(main, 'SuspendSubscription', { reason: 'unpaid' });
    await run(main, 'ResumeSubscription');
    await run(main, 'AddExtraCharge', {
      chargeId: 'x-1',
      amountCents: 1500,
      description: 'Router',
      recurring: false,
    });
    const rejected = await requestSubscription(log, draft, ana);
    await run(rejected, 'RejectSubscription', { reason: 'no coverage' });
    const cancelled = await requestSubscription(log, draft, ana);
    await run(cancelled, 'CancelSubscription');
    await log.run('ChangeBillingSettings', { customerId: ana, iban: OTHER_IBAN });
    await runContract(log, 'ChangeSignatureIban', { contractId: signed, iban: OTHER_IBAN });
    const beas = await signedContract(log, bea, OTHER_IBAN);
    await runContract(log, 'TerminateContract', { contractId: beas, reason: 'moved' });
    const beasDraft = await draftContract(log, bea, 'cash');
    await runContract(log, 'DeleteContractDraft', { contractId: beasDraft });
    await log.bulkUpdate([ana, bea], { zone: 'Norte' });
    // Rule 24: a task on Ana's file started and edited, one on Bea's copied and completed.
    const task = (taskId: string, type: string, data: object) =>
      log.decideOn(taskDecider, taskStream(taskId), { type, data: { ...data, taskId } } as never);
    await task('task-a', 'CreateTask', { ...createTask().data, customerId: ana });
    await task('task-a', 'StartTask', {});
    await task('task-a', 'EditTask', { title: 'Visit instead', type: 'meeting' });
    await task('task-b', 'CreateTask', { ...createTask().data, customerId: bea });
    await task('task-b', 'CopyTask', {
      copyId: 'task-c',
      date: '2026-03-09',
      time: '16:00',
      customer: customerOnFile,
    });
    await task('task-c', 'CreateTask', {
      ...createTask().data,
      customerId: bea,
      date: '2026-03-09',
      copiedFrom: 'task-b',
    });
    await task('task-b', 'CompleteTask', {});
    // Seed 003: Ana's interests recorded, edited and one removed; renewables renewed and lapsed.
    const interest = (type: string, data: object) =>
      log.run(type as 'RecordInterest', { customerId: ana, ...data } as never);
    await interest('RecordInterest', { interestId: 'int-a', product: 'Fibra 1 Gb', notes: 'Soon' });
    await interest('RecordInterest', { interestId: 'int-b', product: 'TV', contactName: 'Luis' });
    await interest('EditInterest', {
      interestId: 'int-a',
      notes: 'In June',
      shownOn: '2024-12-01',
    });
    await interest('RemoveInterest', { interestId: 'int-b' });
    const renewable = (renewableId: string, type: string, data: object = {}) =>
      log.decideOn(renewableDecider, renewableStream(renewableId), {
        type,
        data: { ...data, renewableId },
      } as never);
    const bought = {
      productCode: 'DOM',
      purchasedOn: '2024-10-31',
      period: { every: 1, unit: 'month' },
    };
    await renewable('ren-a', 'RegisterRenewable', {
      ...bought,
      customerId: ana,
      customer: { status: 'active' },
    });
    await renewable('ren-a', 'RenewRenewable', { renewedOn: '2024-11-20' });
    await renewable('ren-b', 'RegisterRenewable', {
      ...bought,
      customerId: bea,
      customer: { status: 'active' },
    });
    await renewable('ren-b', 'LapseRenewable');
    // Additional forms: a form in two versions, filled for Ana with v1 (then edited), for Bea with v2.
    await log.decideOn(formDecider, formStream(FORM_ID), defineForm() as never);
    await log.decideOn(formDecider, formStream(FORM_ID), publishVersion() as never);
    const withV2 = formAfter(formDefined, versionPublished);
    const fillOf = (filledFormId: string, customerId: string, data: object) =>
      log.decideOn(
        filledFormDecider,
        filledFormStream(filledFormId),
        fillForm({ filledFormId, customerId, form: withV2, ...data }) as never,
      );
    await fillOf('filled-a', ana, { version: 1 });
    const edit = editAnswers({ lights: 'Verde' }, { filledFormId: 'filled-a', customerId: ana });
    await log.decideOn(filledFormDecider, filledFormStream('filled-a'), edit as never);
    await fillOf('filled-b', bea, {
      answers: { router_on: true, lights: 'Fija', visit_day: '2026-03-05' },
    });
    // Seeds 003 and 004: two files on Ana's, one removed; Bea's image, replaced.
    const files = (customerId: string, type: string, data: object) =>
      log.decideOn(customerFilesDecider, customerFilesStream(customerId), {
        type,
        data: { ...data, customerId, customer: { status: 'active' } },
      } as never);
    const file = (attachmentId: string, sha: string) => ({
      attachmentId,
      fileName: `${attachmentId}.pdf`,
      contentType: 'application/pdf',
      size: 100,
      sha256: sha.repeat(64),
      description: 'signed',
      uploadedBy: 'marta',
    });
    await files(ana, 'AddAttachment', file('att-1', 'a'));
    await files(ana, 'AddAttachment', file('att-2', 'b'));
    await files(ana, 'RemoveAttachment', { attachmentId: 'att-1', removedBy: 'marta' });
    const picture = (sha: string, width: number) => ({
      sha256: sha.repeat(64),
      contentType: 'image/webp',
      size: 10,
      width,
      height: width,
    });
    for (const sha of ['c', 'd'])
      await files(bea, 'ChangeCustomerImage', {
        image: picture(sha, 800),
        thumbnail: picture('e', 256),
        changedBy: 'marta',
      });
    // Rule 26: Ana's portal password, regenerated twice; Bea never had one.
    for (const regenerationId of ['portal-1', 'portal-2'])
      await log.run('RegeneratePortalPassword', {
        customerId: ana,
        regenerationId,
        passwordHash: `scrypt$16384$8$1$${'s'.repeat(22)}$${regenerationId}${'h'.repeat(40)}`,
      });
    const paid = await issueInvoice(log, ana);
    await grantCreditNote(log, paid, 500, 1);
    await recordPayment(log, paid, 1000);
    const debited = await issueInvoice(log, bea);
    await runInvoice(log, 'CreateDirectDebitEffect', { invoiceId: debited, effectId: 'eff-1' });
    await runInvoice(log, 'CollectEffect', { invoiceId: debited, effectId: 'eff-1' });
    await runInvoice(log, 'ReturnEffect', {
      invoiceId: debited,
      effectId: 'eff-1',
      reason: 'AM04',
    });
    await runInvoice(log, 'CreateDirectDebitEffect', { invoiceId: debited, effectId: 'eff-2' });
    // Rule 17 and 18: the effect lowered by hand, then remitted.
    await runInvoice(log, 'ReduceEffect', {
      invoiceId: debited,
      effectId: 'eff-2',
      amountCents: 100,
      reason: 'agreed',
    });
    await runInvoice(log, 'RemitEffect', {
      invoiceId: debited,
      effectId: 'eff-2',
      remittanceId: 'rem-1',
    });
    const remittance: RemittanceCreated = {
      type: 'RemittanceCreated',
      data: {
        remittanceId: 'rem-1',
        issuerId: 'default',
        collectionDate: '2026-12-10',
        dueUntil: '2026-12-10',
        painVersion: '001.08',
        messageId: 'REMrem1',
        createdAt: '2026-12-03T10:00:00.000Z',
        creditor: { name: 'Fibra Norte SL', iban: IBAN, bic: null, creditorId: 'ES10ZZZB76365789' },
        transactions: [
          {
            invoiceId: debited,
            invoiceNumber: 'B-000001',
            effectId: 'eff-2',
            customerId: bea,
            contractId: beas,
            endToEndId: 'eff2',
            amountCents: 100,
            dueDate: '2026-12-05',
            mandateReference: 'M-1',
            mandateSignedOn: '2026-01-10',
            sequenceType: 'FRST',
            debtorName: 'Bea SL',
            debtorIban: OTHER_IBAN,
          },
        ],
        excluded: [],
        totalCents: 100,
      },
    };
    await log.appendWith(log.store, remittanceLedgerStream('default'), [remittance]);
    // Rule 22: the issuer's record chain, an invoice registered and cancelled, another registered.
    const chain = chainOf([
      registrationContent({ issuerId: 'default' }),
      cancellationContent({ issuerId: 'default' }),
      registrationContent({ issuerId: 'default', recordId: 'record-2', tipoFactura: 'R1' }),
    ]);
    await log.appendWith(log.store, verifactuChainStream('default'), chain.map(chainEventOf));
    // Rule 22: another issuer's two chain records, one of them in a submission sent and answered.
    await log.appendWith(log.store, verifactuChainStream('other'), [
      chainRecord('rec-1'),
      chainRecord('rec-2'),
    ]);
    await log.appendWith(log.store, verifactuSubmissionStream('other'), [
      {
        type: 'VerifactuSubmissionPrepared',
        data: {
          submissionId: 'sub-1',
          issuerId: 'other',
          records: [
            {
              recordId: 'rec-1',
              kind: 'registration',
              issuerNif: '89890001K',
              numSerie: 'rec-1',
              issueDate: '2026-12-03',
            },
          ],
          xmlDigest: 'ab',
          preparedAt: '2026-12-03T10:00:00.000Z',
        },
      },
      {
        type: 'VerifactuSubmissionSent',
        data: { submissionId: 'sub-1', attempt: 1, sentAt: '2026-12-03T10:00:01.000Z' },
      },
      {
        type: 'VerifactuSubmissionAnswered',
        data: {
          submissionId: 'sub-1',
          attempt: 1,
          outcome: 'Incorrecto',
          csv: null,
          fault: null,
          records: [
            {
              recordId: 'rec-1',
              status: 'rejected',
              aeatState: 'Incorrecto',
              errorCode: 1100,
              errorDescription: 'Valor incorrecto',
            },
          ],
          answeredAt: '2026-12-03T10:00:02.000Z',
          nextSubmissionAt: '2026-12-03T10:01:02.000Z',
        },
      },
    ]);
    // Rule 23: a ticket through every step, another left open.
    const ticket = (ticketId: string, type: TicketCommand['type'], data: object = {}) =>
      log.decideOn(ticketDecider, ticketStream(ticketId), {
        type,
        data: { ticketId, ...data },
      } as TicketCommand);
    const opened = { customer: { status: 'active' }, subject: 'No line', description: 'Red light' };
    await ticket('t-1', 'OpenTicket', {
      ...opened,
      customerId: ana,
      category: 'technical',
      priority: 'high',
      contractId: signed,
      contract: { customerId: ana },
    });
    await ticket('t-1', 'AssignTicket', { assignee: 'marta' });
    await ticket('t-1', 'CommentOnTicket', { commentId: 'c-1', author: 'marta', text: 'On it' });
    for (const step of ['StartTicket', 'ResolveTicket', 'CloseTicket', 'ReopenTicket'] as const)
      await ticket('t-1', step);
    await ticket('t-2', 'OpenTicket', {
      ...opened,
      customerId: bea,
      category: 'billing',
      priority: 'low',
    });
    // Rule 28: a zone Ana is linked to, renamed (her file shows the new name); a tariff retired.
    const catalog = (entryId: string, type: CatalogCommand['type'], data: object = {}) =>
      log.decideOn(catalogDecider, catalogStream(entryId), {
        type,
        data: { entryId, ...data },
      } as CatalogCommand);
    await catalog('z-1', 'CreateCatalogEntry', { kind: 'zone', name: 'Zona Centro' });
    await log.run('LinkCustomerCatalogs', {
      customerId: ana,
      links: { zone: { entryId: 'z-1', name: 'Zona Centro' } },
    });
    await catalog('z-1', 'RenameCatalogEntry', { kind: 'zone', name: 'Centro Histórico' });
    await catalog('t-1', 'CreateCatalogEntry', {
      kind: 'tariff',
      name: 'Fibra 600',
      monthlyPriceCents: 3500,
      vatRatePercent: 21,
      billingMode: 'advance',
    });
    // Rule 29: an estimate quoting the tariff, accepted and fulfilled; another rejected.
    const estimate = (estimateId: string, type: EstimateCommand['type'], data: object = {}) =>
      log.decideOn(estimateDecider, estimateStream(estimateId), {
        type,
        data: { estimateId, ...data },
      } as EstimateCommand);
    const quote = {
      customer: { status: 'active' },
      lines: [{ tariffId: 't-1' }, { description: 'Router', unitPriceCents: 4999 }],
      validUntil: '2099-12-31',
      tariffs: {
        't-1': {
          status: 'active',
          entryId: 't-1',
          kind: 'tariff',
          name: 'Fibra 600',
          terms: { monthlyPriceCents: 3500, vatRatePercent: 21, billingMode: 'advance' },
          createdAt: '2026-01-01T00:00:00.000Z',
          retiredAt: null,
        },
      },
      today: '2026-01-01',
      defaultVatRatePercent: 21,
    };
    await estimate('e-1', 'CreateEstimate', { ...quote, customerId: ana });
    await estimate('e-1', 'AcceptEstimate', {
      customer: { status: 'active' },
      contractId: 'c-from-e-1',
      subscriptionIds: ['s-from-e-1'],
      paymentMethod: 'transfer',
      tariffs: quote.tariffs,
      today: '2026-01-02',
    });
    await estimate('e-1', 'FulfillEstimate');
    await estimate('e-2', 'CreateEstimate', { ...quote, customerId: bea, notes: 'Call first' });
    await estimate('e-2', 'RejectEstimate', { reason: 'Moving', today: '2026-01-02' });
    await catalog('t-1', 'RetireCatalogEntry', { kind: 'tariff' });
  }

  it('gives rows identical to the live ones after wiping the tables and checkpoints', async () => {
    const live = new ProjectionRunner(log.store, log.dataSource, allReadModelProjections(), {
      batchSize: 3,
    });
    live.start();
    await busyDay();
    const head = log.lastPosition;
    const deadline = Date.now() + 10_000;
    while (live.position < head && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await live.stop();
    const liveRows = await snapshot();
    expect(liveRows.invoices).toHaveLength(2);
    expect(liveRows.invoice_credit_notes).toHaveLength(1);
    expect(liveRows.invoice_transactions).toHaveLength(10);
    expect(liveRows.pending_effects).toHaveLength(2);
    expect(liveRows.customer_file).toHaveLength(2);
    expect(liveRows.customer_contracts).toHaveLength(4);
    expect(liveRows.customer_subscriptions).toHaveLength(3);
    expect(liveRows.customer_attachments).toMatchObject([{ id: 'att-2' }]);
    expect(liveRows.customer_images).toMatchObject([{ sha256: 'd'.repeat(64) }]);
    expect(liveRows.remittances).toHaveLength(1);
    expect(liveRows.verifactu_chain_records).toHaveLength(3 + 2);
    expect(liveRows.verifactu_outbox).toHaveLength(3 + 2);
    expect(liveRows.tickets).toHaveLength(2);
    expect(liveRows.estimates).toMatchObject([
      { id: 'e-1', state: 'accepted', fulfilled: true },
      { id: 'e-2', state: 'rejected' },
    ]);
    expect(liveRows.tasks).toHaveLength(3);
    expect(liveRows.forms).toMatchObject([{ current_version: 2, version: 2 }]);
    expect(liveRows.filled_forms).toHaveLength(2);
    expect(liveRows.portal_credentials).toMatchObject([{ regeneration_id: 'portal-2' }]);
    expect(liveRows.catalog_entries).toHaveLength(2);
    expect(liveRows.customer_interests).toMatchObject([
      { id: 'int-a', notes: 'In June', shown_on: '2024-12-01', removed: false },
      { id: 'int-b', contact_name: 'Luis', removed: true },
    ]);
    expect(liveRows.renewables).toMatchObject([
      {
        id: 'ren-a',
        status: 'renewed',
        next_renewal_on: '2024-12-31',
        last_renewed_on: '2024-11-20',
      },
      { id: 'ren-b', status: 'lapsed', next_renewal_on: '2024-11-30' },
    ]);
    expect(
      liveRows.customer_file.map((row: { zone: string; zone_id: string }) => [
        row.zone,
        row.zone_id,
      ]),
    ).toContainEqual(['Centro Histórico', 'z-1']);
    // Every event but the remittance, the 5 chain records and the 3 submission events, which
    // belong to an issuer, not one customer, the 4 catalog events and the link (no line), and
    // the form's 2 events (the operators' definitions).
    expect(liveRows.customer_history.length).toBe(
      (await log.allEvents()).length - 1 - 5 - 3 - 4 - 1 - 2,
    );

    const projections = allReadModelProjections();
    const tables = projections.flatMap((projection) => projection.tables);
    expect([...tables].sort()).toEqual([...TABLES].sort());
    await log.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    await log.dataSource.query('DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])', [
      projections.map((projection) => projection.name),
    ]);
    expect((await snapshot()).customer_contracts).toEqual([]);

    const reached = await log.rebuild(projections, 500);
    expect(reached).toBe(head);
    expect(await snapshot()).toEqual(liveRows);
  });

  it('fills the fingerprint of files projected before it existed, by rebuilding them in its migration', async () => {
    const customerId = await log.register(1);
    await log.run('ChangeBillingSettings', { customerId, iban: OTHER_IBAN });
    await signedContract(log, customerId, IBAN);
    await log.project(allReadModelProjections());
    const before = await snapshot();
    // The file as it was before the contracts' migration: the same row, without the column
    // (every newer migration goes first).
    const newest = async (): Promise<string> =>
      (
        await log.dataSource.query(
          'SELECT name FROM read_model_migrations ORDER BY id DESC LIMIT 1',
        )
      )[0].name;
    while ((await newest()) !== 'CustomerFileAndHistory1764100000000')
      await log.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await log.dataSource.query('SELECT * FROM customer_file')).toHaveLength(1);
    await log.dataSource.runMigrations({ transaction: 'each' });
    expect((await snapshot()).customer_file).toEqual([]);

    await log.project(allReadModelProjections());
    expect(await snapshot()).toEqual(before);
    expect((await findCustomerFile(log.dataSource, customerId))!.warnings).toHaveLength(1);
  });
});
