import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 24: one row per task, for the day and month calendars and the customer's tab. */
export class Tasks1765000700000 implements MigrationInterface {
  name = 'Tasks1765000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tasks (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        type text NOT NULL,
        colour text NOT NULL,
        title text NOT NULL,
        date text NOT NULL,
        time text NOT NULL,
        duration_minutes integer,
        assignee text NOT NULL,
        description text,
        status text NOT NULL,
        status_rank integer NOT NULL,
        customer_name text NOT NULL,
        customer_address jsonb NOT NULL,
        copied_from text,
        version integer NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX tasks_by_date ON tasks (date, status_rank, time, id)');
    await queryRunner.query('CREATE INDEX tasks_by_customer ON tasks (customer_id, date, time)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE tasks');
  }
}
