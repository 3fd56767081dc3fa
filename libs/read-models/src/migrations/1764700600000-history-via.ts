import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history tab names the API key a change came through (`via`) beside the actor it claims
 * to be. The tab is emptied and replayed from the log (its checkpoint dropped), so lines
 * already there get theirs too and a rebuild finds them equal.
 */
export class HistoryVia1764700600000 implements MigrationInterface {
  name = 'HistoryVia1764700600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_history ADD COLUMN via text');
    await queryRunner.query('TRUNCATE customer_history');
    await queryRunner.query("DELETE FROM projection_checkpoints WHERE name = 'customer-history'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customer_history DROP COLUMN via');
  }
}
