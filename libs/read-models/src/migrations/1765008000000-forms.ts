import { MigrationInterface, QueryRunner } from 'typeorm';

/** Additional forms: the definitions with every version, and the forms filled per customer. */
export class Forms1765008000000 implements MigrationInterface {
  name = 'Forms1765008000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE forms (
        id text PRIMARY KEY,
        name text NOT NULL,
        status text NOT NULL,
        current_version integer NOT NULL,
        versions jsonb NOT NULL,
        version integer NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX forms_by_name ON forms (name, id)');
    await queryRunner.query(`
      CREATE TABLE filled_forms (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        form_id text NOT NULL,
        form_version integer NOT NULL,
        form_name text NOT NULL,
        answers jsonb NOT NULL,
        erased boolean NOT NULL,
        version integer NOT NULL,
        filled_position bigint NOT NULL,
        filled_at text NOT NULL,
        updated_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX filled_forms_by_customer ON filled_forms (customer_id, filled_position DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE filled_forms');
    await queryRunner.query('DROP TABLE forms');
  }
}
