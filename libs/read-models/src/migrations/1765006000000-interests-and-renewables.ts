import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seed 003: the customer's interests (one row per interest, a removed one flagged) and the
 * renewables (one row each), with the to-do list's index: running renewables by next renewal.
 */
export class InterestsAndRenewables1765006000000 implements MigrationInterface {
  name = 'InterestsAndRenewables1765006000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_interests (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        product text NOT NULL,
        tariff_id text,
        contact_id text,
        contact_name text,
        shown_on text NOT NULL,
        notes text,
        removed boolean NOT NULL DEFAULT false,
        last_revision integer NOT NULL,
        recorded_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_interests_by_customer ON customer_interests (customer_id, shown_on)',
    );
    await queryRunner.query(`
      CREATE TABLE renewables (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        product_code text NOT NULL,
        description text,
        purchased_on text NOT NULL,
        period_every integer NOT NULL CHECK (period_every > 0),
        period_unit text NOT NULL CHECK (period_unit IN ('month', 'year')),
        next_renewal_on text NOT NULL,
        periods_renewed integer NOT NULL CHECK (periods_renewed >= 0),
        last_renewed_on text,
        status text NOT NULL CHECK (status IN ('active', 'renewed', 'lapsed')),
        lapsed_on text,
        version integer NOT NULL,
        registered_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX renewables_by_customer ON renewables (customer_id, next_renewal_on)',
    );
    await queryRunner.query(
      "CREATE INDEX renewables_due ON renewables (next_renewal_on, id) WHERE status <> 'lapsed'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE renewables');
    await queryRunner.query('DROP TABLE customer_interests');
  }
}
