import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cycle simulation view (rule R12): the folded state of every customer, contract and
 * subscription stream. Internal to billing: the states hold full IBANs and no query returns
 * them; they only feed the billing snapshots.
 */
export class CycleSimulationView1764400000000 implements MigrationInterface {
  name = 'CycleSimulationView1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE billing_aggregate_states (
        stream text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('customer', 'contract', 'subscription')),
        customer_id uuid NOT NULL,
        contract_id uuid,
        state jsonb NOT NULL,
        last_revision bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX billing_aggregate_states_by_customer ON billing_aggregate_states (customer_id)',
    );
    await queryRunner.query(
      'CREATE INDEX billing_aggregate_states_by_contract ON billing_aggregate_states (contract_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE billing_aggregate_states');
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name = 'cycle-simulation-view'",
    );
  }
}
