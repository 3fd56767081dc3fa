import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 23: one row per ticket, its comments in a JSON array; the customer's tab and the queue. */
export class Tickets1765000600000 implements MigrationInterface {
  name = 'Tickets1765000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tickets (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        contract_id text,
        state text NOT NULL,
        subject text NOT NULL,
        description text NOT NULL,
        category text NOT NULL,
        priority text NOT NULL,
        assignee text,
        comments jsonb NOT NULL DEFAULT '[]'::jsonb,
        comment_count integer NOT NULL CHECK (comment_count >= 0),
        version integer NOT NULL,
        opened_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX tickets_by_customer ON tickets (customer_id, opened_at)');
    await queryRunner.query('CREATE INDEX tickets_queue ON tickets (opened_at, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE tickets');
  }
}
