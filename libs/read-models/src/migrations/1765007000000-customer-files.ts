import { MigrationInterface, QueryRunner } from 'typeorm';

/** Seeds 003 and 004: the customer's attachments (metadata only) and its image. */
export class CustomerFiles1765007000000 implements MigrationInterface {
  name = 'CustomerFiles1765007000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_attachments (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        description text,
        email_subject text,
        email_from text,
        uploaded_by text NOT NULL,
        uploaded_at text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_attachments_by_customer ON customer_attachments (customer_id, uploaded_at)',
    );
    await queryRunner.query(
      'CREATE INDEX customer_attachments_by_sha256 ON customer_attachments (sha256)',
    );
    await queryRunner.query(`
      CREATE TABLE customer_images (
        customer_id text PRIMARY KEY,
        sha256 text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        thumbnail_sha256 text NOT NULL,
        thumbnail_content_type text NOT NULL,
        thumbnail_size bigint NOT NULL,
        thumbnail_width integer NOT NULL,
        thumbnail_height integer NOT NULL,
        changed_at text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_images');
    await queryRunner.query('DROP TABLE customer_attachments');
  }
}
