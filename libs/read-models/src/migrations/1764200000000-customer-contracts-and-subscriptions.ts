import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contracts/subscriptions tab (one row per contract, one per subscription) and the customer
 * file's IBAN fingerprint, which rule R4's warning compares with the signatures'.
 */
export class CustomerContractsAndSubscriptions1764200000000 implements MigrationInterface {
  name = 'CustomerContractsAndSubscriptions1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Dates of the events' data are text, as recorded: a calendar day or a date-time (turning
    // `2025-03-01` into an instant would invent a time zone). `updated_at` is the log's instant.
    await queryRunner.query(`
      CREATE TABLE customer_contracts (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'signed', 'terminated', 'deleted')),
        payment_method text NOT NULL,
        masked_iban text,
        iban_fingerprint text,
        mandate_reference text,
        signatory text,
        drafted_at text NOT NULL,
        signed_at text,
        terminated_at text,
        termination_reason text,
        deleted_at text,
        last_revision bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        last_modified_by text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_contracts_by_customer ON customer_contracts (customer_id)',
    );
    await queryRunner.query(`
      CREATE TABLE customer_subscriptions (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending-activation', 'active',
          'active-not-billable', 'suspended', 'rejected', 'cancelled')),
        billable boolean NOT NULL CHECK (billable = (status = 'active')),
        service_active boolean NOT NULL
          CHECK (service_active = (status IN ('active', 'active-not-billable'))),
        tariff text NOT NULL,
        monthly_price_cents bigint NOT NULL,
        billing_mode text NOT NULL,
        tariff_timeline jsonb NOT NULL,
        discounts jsonb NOT NULL DEFAULT '[]',
        extra_charges jsonb NOT NULL DEFAULT '[]',
        requested_at text NOT NULL,
        activated_at text,
        status_since text NOT NULL,
        status_reason text,
        last_revision bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        last_modified_by text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_subscriptions_by_customer ON customer_subscriptions (customer_id)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_subscriptions_by_contract ON customer_subscriptions (contract_id)',
    );
    await queryRunner.query('ALTER TABLE customer_file ADD COLUMN iban_fingerprint text');
    // Files already projected have no fingerprint, and only the log has the IBANs: rebuild the
    // customer file from the log (its revisions guard would skip a mere replay). The history
    // replays from the start to take in contract and subscription events it did not read
    // before; it writes one row per event id, so lines it has are left as they are.
    await queryRunner.query('TRUNCATE customer_file');
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('customer-file', 'customer-history')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_file DROP COLUMN iban_fingerprint');
    await queryRunner.query('DROP TABLE customer_subscriptions');
    await queryRunner.query('DROP TABLE customer_contracts');
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('customer-contracts', 'customer-subscriptions')",
    );
  }
}
