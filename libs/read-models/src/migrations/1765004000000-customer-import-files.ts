import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of the customer imports under way (CustomerImportFiles of @app/application): the
 * job reads its rows here after a restart; a file is deleted once its import completes.
 */
export class CustomerImportFiles1765004000000 implements MigrationInterface {
  name = 'CustomerImportFiles1765004000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_import_files (
        import_id uuid PRIMARY KEY,
        csv text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_import_files');
  }
}
