import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 21: an invoice keeps the issuer it was issued by (null on invoices issued before issuer
 * entities existed: the configured default issuer's). Dates follow numbers: a credit note bears
 * the date its series gave it (null on those granted before: the day they were granted).
 */
export class InvoiceIssuerAndDates1765000300000 implements MigrationInterface {
  name = 'InvoiceIssuerAndDates1765000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE invoices ADD COLUMN issuer jsonb');
    await queryRunner.query('ALTER TABLE invoice_credit_notes ADD COLUMN issue_date text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE invoice_credit_notes DROP COLUMN issue_date');
    await queryRunner.query('ALTER TABLE invoices DROP COLUMN issuer');
  }
}
