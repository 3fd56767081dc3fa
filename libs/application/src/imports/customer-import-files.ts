import { Inject, Injectable } from '@nestjs/common';
import { SqlDatabase } from '@app/database';
import { SQL_DATABASE } from '../storage/tokens';

/**
 * The files of the imports under way (`customer_import_files`): the job reads its rows from
 * here after a restart. The file holds personal data the log never does, so it is deleted once
 * its import completes.
 */
@Injectable()
export class CustomerImportFiles {
  constructor(@Inject(SQL_DATABASE) private readonly database: SqlDatabase) {}

  async keep(importId: string, csv: string, at: string): Promise<void> {
    await this.database.query(
      `INSERT INTO customer_import_files (import_id, csv, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (import_id) DO NOTHING`,
      [importId, csv, at],
    );
  }

  async read(importId: string): Promise<string | null> {
    const { rows } = await this.database.query<{ csv: string }>(
      'SELECT csv FROM customer_import_files WHERE import_id = $1',
      [importId],
    );
    return rows[0]?.csv ?? null;
  }

  async forget(importId: string): Promise<void> {
    await this.database.query('DELETE FROM customer_import_files WHERE import_id = $1', [importId]);
  }
}
