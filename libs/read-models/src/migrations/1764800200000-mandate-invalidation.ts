import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 19: a contract shows the return code that invalidated its mandate, if one did. */
export class MandateInvalidation1764800200000 implements MigrationInterface {
  name = 'MandateInvalidation1764800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_contracts ADD COLUMN mandate_invalidated text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_contracts DROP COLUMN mandate_invalidated');
  }
}
