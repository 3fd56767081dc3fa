import { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer file / list (one row per customer) and the history tab (one row per event). */
export class CustomerFileAndHistory1764100000000 implements MigrationInterface {
  name = 'CustomerFileAndHistory1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One statement per call: `pg` answers a multi-statement query with an array of results.
    await queryRunner.query(`
      CREATE TABLE customer_file (
        id uuid PRIMARY KEY,
        code text,
        status text NOT NULL CHECK (status IN ('active', 'inactive', 'deleted')),
        person_type text NOT NULL,
        display_name text NOT NULL,
        name text,
        given_name text,
        middle_name text,
        first_surname text,
        second_surname text,
        document_type text,
        document_number text,
        email text,
        phone text,
        mobile text,
        street text,
        city text,
        neighbourhood text,
        province text,
        postal_code text,
        country text,
        zone text,
        seller text,
        collector text,
        observations text,
        billing_enabled boolean NOT NULL,
        payment_method text,
        invoice_series text,
        billing_day smallint NOT NULL,
        masked_iban text,
        tax_id text,
        vat_rate_percent numeric(5, 2) NOT NULL,
        notify_emails jsonb NOT NULL DEFAULT '[]',
        send_invoice_email boolean NOT NULL,
        send_payment_email boolean NOT NULL,
        addresses jsonb NOT NULL DEFAULT '[]',
        contacts jsonb NOT NULL DEFAULT '[]',
        interaction_count integer NOT NULL DEFAULT 0,
        address_count integer NOT NULL DEFAULT 0,
        contact_count integer NOT NULL DEFAULT 0,
        invoice_count integer NOT NULL DEFAULT 0,
        pending_effect_count integer NOT NULL DEFAULT 0,
        contract_count integer NOT NULL DEFAULT 0,
        subscription_count integer NOT NULL DEFAULT 0,
        unpaid_invoice_count integer NOT NULL DEFAULT 0,
        unpaid_balance_cents bigint NOT NULL DEFAULT 0,
        available_credit_cents bigint NOT NULL DEFAULT 0,
        warnings jsonb NOT NULL DEFAULT '[]',
        deactivated_at timestamptz,
        deactivation_reason text,
        deleted_at timestamptz,
        last_revision bigint NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_modified_by text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX customer_file_zone ON customer_file (zone)');
    await queryRunner.query('CREATE INDEX customer_file_status ON customer_file (status)');
    await queryRunner.query(
      'CREATE INDEX customer_file_payment_method ON customer_file (payment_method)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_file_billing_enabled ON customer_file (billing_enabled)',
    );
    await queryRunner.query('CREATE INDEX customer_file_email ON customer_file (lower(email))');
    await queryRunner.query(
      'CREATE INDEX customer_file_list_order ON customer_file (lower(display_name), id)',
    );
    await queryRunner.query(`
      CREATE TABLE customer_history (
        event_id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        stream text NOT NULL,
        position bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        event_type text NOT NULL,
        summary text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        bulk_operation_id text
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_history_by_customer ON customer_history (customer_id, position DESC)',
    );
    await queryRunner.query(`
      CREATE INDEX customer_history_by_bulk_operation ON customer_history (bulk_operation_id)
        WHERE bulk_operation_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_history');
    await queryRunner.query('DROP TABLE customer_file');
  }
}
