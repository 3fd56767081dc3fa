import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 29: one row per estimate, its lines in a JSON array; the customer's tab and blocks. */
export class Estimates1765005000000 implements MigrationInterface {
  name = 'Estimates1765005000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE estimates (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        state text NOT NULL,
        lines jsonb NOT NULL DEFAULT '[]'::jsonb,
        line_count integer NOT NULL CHECK (line_count >= 0),
        net_cents bigint NOT NULL,
        vat_cents bigint NOT NULL,
        total_cents bigint NOT NULL,
        valid_until text NOT NULL,
        notes text,
        rejection_reason text,
        contract_id text,
        subscription_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        fulfilled boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        created_at text NOT NULL,
        answered_at text,
        updated_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX estimates_by_customer ON estimates (customer_id, created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE estimates');
  }
}
