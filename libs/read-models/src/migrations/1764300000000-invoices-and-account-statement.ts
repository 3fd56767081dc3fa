import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices with their credit notes (projection `invoices`) and the account statement: one
 * transaction per money event and the direct-debit effects (projection `account-statement`).
 * IBANs are stored masked only (rule R4). Ids are text: the domain only asks for non-empty ids.
 */
export class InvoicesAndAccountStatement1764300000000 implements MigrationInterface {
  name = 'InvoicesAndAccountStatement1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Calendar days and dates of the events' data are text, as recorded (see contracts).
    await queryRunner.query(`
      CREATE TABLE invoices (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        contract_id text NOT NULL,
        series text NOT NULL,
        number integer NOT NULL,
        formatted text NOT NULL,
        period_from text NOT NULL,
        period_to text NOT NULL,
        cycle_period text NOT NULL,
        issue_date text NOT NULL,
        due_date text NOT NULL,
        customer_snapshot jsonb NOT NULL,
        masked_iban text,
        payment_method text NOT NULL,
        lines jsonb NOT NULL,
        net_cents bigint NOT NULL,
        vat_cents bigint NOT NULL,
        total_cents bigint NOT NULL,
        credited_cents bigint NOT NULL,
        paid_cents bigint NOT NULL,
        outstanding_cents bigint NOT NULL CHECK (outstanding_cents >= 0),
        available_credit_cents bigint NOT NULL CHECK (available_credit_cents >= 0),
        pending_effects_cents bigint NOT NULL,
        payments jsonb NOT NULL DEFAULT '[]',
        last_revision bigint NOT NULL,
        issued_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX invoices_by_customer ON invoices (customer_id, issue_date DESC, number DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE invoice_credit_notes (
        id text PRIMARY KEY,
        invoice_id text NOT NULL,
        customer_id text NOT NULL,
        series text NOT NULL,
        number integer NOT NULL,
        formatted text NOT NULL,
        rectifies text NOT NULL,
        reason text NOT NULL,
        lines jsonb NOT NULL,
        net_cents bigint NOT NULL,
        vat_cents bigint NOT NULL,
        total_cents bigint NOT NULL,
        migration_id text,
        granted_at text NOT NULL,
        position bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX invoice_credit_notes_by_invoice ON invoice_credit_notes (invoice_id)',
    );
    await queryRunner.query(`
      CREATE TABLE invoice_transactions (
        event_id uuid PRIMARY KEY,
        customer_id text NOT NULL,
        invoice_id text NOT NULL,
        revision bigint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note', 'payment',
          'effect-created', 'effect-collected', 'effect-returned')),
        reference text NOT NULL,
        description text NOT NULL,
        document_cents bigint NOT NULL,
        amount_cents bigint NOT NULL,
        occurred_at text NOT NULL,
        recorded_at timestamptz NOT NULL,
        position bigint NOT NULL,
        UNIQUE (invoice_id, revision)
      )`);
    await queryRunner.query(
      'CREATE INDEX invoice_transactions_by_customer ON invoice_transactions (customer_id, position DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE pending_effects (
        id text PRIMARY KEY,
        invoice_id text NOT NULL,
        customer_id text NOT NULL,
        amount_cents bigint NOT NULL,
        due_date text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'collected', 'returned')),
        masked_iban text NOT NULL,
        created_at text NOT NULL,
        collected_at text,
        returned_at text,
        return_reason text
      )`);
    await queryRunner.query(
      'CREATE INDEX pending_effects_by_customer ON pending_effects (customer_id, status)',
    );
    // The history replays from the start to take in invoice events; one row per event id.
    await queryRunner.query("DELETE FROM projection_checkpoints WHERE name = 'customer-history'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'pending_effects',
      'invoice_transactions',
      'invoice_credit_notes',
      'invoices',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('invoices', 'account-statement')",
    );
  }
}
