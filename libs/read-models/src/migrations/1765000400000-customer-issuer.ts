import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule 21: the customer file's billing tab names its issuer (null: the issuer of its series). */
export class CustomerIssuer1765000400000 implements MigrationInterface {
  name = 'CustomerIssuer1765000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_file ADD COLUMN issuer_id text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_file DROP COLUMN issuer_id');
  }
}
