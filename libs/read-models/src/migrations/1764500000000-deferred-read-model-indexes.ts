import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secondary indexes a rebuild dropped to fill its tables faster, with their definitions:
 * written in the transaction that drops them, deleted in the one that creates them again, so
 * an interrupted rebuild leaves the record that puts them back (`restoreDeferredIndexes`).
 */
export class DeferredReadModelIndexes1764500000000 implements MigrationInterface {
  name = 'DeferredReadModelIndexes1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE read_model_deferred_indexes (
        index_name text PRIMARY KEY,
        table_name text NOT NULL,
        definition text NOT NULL,
        deferred_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE read_model_deferred_indexes');
  }
}
