import { randomUUID } from 'node:crypto';
import { allReadModelProjections } from '../contracts';
import {
  draftContract,
  requestSubscription,
  runContract,
  signedContract,
} from '../contracts/testing/contract-log';
import { findCustomerFile } from './customer-file.queries';
import { customerFileReadViewByView } from './testing/customer-file-view-by-view';
import { CustomerLog, databaseName, IBAN, OTHER_IBAN } from './testing/customer-log';

describe(`The customer file in one statement, on ${databaseName}`, () => {
  let log: CustomerLog;
  beforeEach(async () => {
    log = await CustomerLog.open('customer_file_statement');
  });
  afterEach(() => log.close());

  const sql = (text: string, params: unknown[]) => log.dataSource.query(text, params);
  let position = 1_000_000;
  const historyLine = (customerId: string, eventType: string, occurredAt: string, changes = []) =>
    sql(
      `INSERT INTO customer_history (event_id, customer_id, stream, position, occurred_at, actor,
         correlation_id, event_type, summary, changes)
       VALUES ($1, $2, 'test', $3, $4, 'tester', 'c', $5, 's', $6)`,
      [randomUUID(), customerId, position++, occurredAt, eventType, JSON.stringify(changes)],
    );
  const effect = (customerId: string, status: string, extra: Record<string, string> = {}) =>
    sql(
      `INSERT INTO pending_effects (id, invoice_id, customer_id, amount_cents, due_date, status,
         masked_iban, created_at, returned_at, return_code, return_reason)
       VALUES ($1, $2, $3, 1234, '2026-01-05', $4, 'ES91 ****', '2026-01-01', $5, $6, $7)`,
      [
        randomUUID(),
        randomUUID(),
        customerId,
        status,
        extra.returnedAt ?? null,
        extra.code ?? null,
        extra.reason ?? null,
      ],
    );
  const invoice = (customerId: string, outstanding: number, credit: number) =>
    sql(
      `INSERT INTO invoices (id, customer_id, contract_id, series, number, formatted, period_from,
         period_to, cycle_period, issue_date, due_date, customer_snapshot, payment_method, lines,
         net_cents, vat_cents, total_cents, credited_cents, paid_cents, outstanding_cents,
         available_credit_cents, pending_effects_cents, last_revision, issued_at, updated_at)
       VALUES ($1, $2, $3, 'F', $4, 'F-1', '2026-01-01', '2026-01-31', '2026-01', '2026-01-01',
         '2026-01-10', '{}', 'direct-debit', '[]', 1000, 210, 1210, 0, 0, $5, $6, 0, 0, now(), now())`,
      [randomUUID(), customerId, randomUUID(), position++, outstanding, credit],
    );

  it('equals the file read view by view, for customers with and without each part', async () => {
    // A customer with every part: IBAN on file differing from a signed contract's, a deleted
    // draft holding a subscription, a terminated contract with a mandate, invoices, effects,
    // returns (the last one MS02, no interaction since), a dunning step, an image, attachments.
    const full = await log.register(1);
    await log.run('ChangeBillingSettings', { customerId: full, iban: IBAN });
    const signed = await signedContract(log, full, OTHER_IBAN);
    const terminated = await signedContract(log, full, IBAN);
    await runContract(log, 'TerminateContract', { contractId: terminated, reason: 'moved' });
    const draft = await draftContract(log, full, 'cash');
    await requestSubscription(log, signed, full, { tariff: 'Fibra 300' });
    await requestSubscription(log, draft, full, { tariff: 'TV' });
    await runContract(log, 'DeleteContractDraft', { contractId: draft });
    // Contacted after an older return, not after the last one.
    const contacted = await log.register(2);
    const plain = await log.register(3);
    await log.project(allReadModelProjections());

    for (const [id, outstanding] of [
      [full, 5000],
      [full, 0],
      [contacted, 700],
    ] as const)
      await invoice(id, outstanding, id === full ? 300 : 0);
    await effect(full, 'pending');
    await effect(full, 'pending');
    await effect(full, 'returned', { returnedAt: '2026-02-01', code: 'AM04', reason: 'AM04' });
    await effect(full, 'returned', { returnedAt: '2026-03-01', code: 'MS02', reason: 'refused' });
    await effect(contacted, 'returned', { returnedAt: '2026-03-01', code: 'MD06', reason: 'x' });
    await historyLine(contacted, 'InteractionRecorded', '2026-03-02T10:00:00Z');
    await historyLine(full, 'InteractionRecorded', '2026-02-15T10:00:00Z');
    await historyLine(full, 'DunningStepApplied', '2026-03-05T00:00:00Z', [
      { field: 'dunningStep', before: null, after: 'reminder' },
    ] as never);
    await historyLine(contacted, 'DunningStepApplied', '2026-03-05T00:00:00Z', [
      { field: 'dunningStep', before: null, after: 'reminder' },
    ] as never);
    await historyLine(contacted, 'DunningCleared', '2026-03-06T00:00:00Z');
    await sql(
      `INSERT INTO customer_images (customer_id, sha256, content_type, size, width, height,
         thumbnail_sha256, thumbnail_content_type, thumbnail_size, thumbnail_width,
         thumbnail_height, changed_at)
       VALUES ($1, 'a', 'image/jpeg', 10, 640, 480, 'b', 'image/webp', 5, 128, 96, '2026-03-01')`,
      [full],
    );
    for (const name of ['contrato.pdf', 'queja.eml'])
      await sql(
        `INSERT INTO customer_attachments (id, customer_id, file_name, content_type, size, sha256,
           uploaded_by, uploaded_at) VALUES ($1, $2, $3, 'application/pdf', 1, 'c', 'op', 'now')`,
        [randomUUID(), full, name],
      );

    for (const id of [full, contacted, plain, randomUUID()]) {
      const expected = await customerFileReadViewByView(log.dataSource, id);
      expect(await findCustomerFile(log.dataSource, id)).toEqual(expected);
    }
    // The parts were there to be compared: the full customer shows each of them.
    const file = (await findCustomerFile(log.dataSource, full))!;
    expect(file.counts).toMatchObject({ contracts: 2, subscriptions: 1 });
    expect(file.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['R4.IBAN_MISMATCH', 'R19.CONTACT_CUSTOMER']),
    );
    expect(file.collections).toMatchObject({
      dunningStage: 'reminder',
      lastReturn: { reasonCode: 'MS02', amountCents: 1234 },
    });
    expect(file.collections.mandates).toHaveLength(2);
    expect([file.image?.width, file.attachmentCount]).toEqual([640, 2]);
    expect(file.account).toMatchObject({ unpaidInvoices: 1, unpaidBalanceCents: 5000 });
    const other = (await findCustomerFile(log.dataSource, contacted))!;
    expect(other.warnings).toEqual([]);
    expect(other.collections.dunningStage).toBeNull();
  });
});
