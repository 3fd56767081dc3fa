import { remittanceFileOf } from '@app/application';
import { remittanceRow } from '@app/read-models';
import { DataSource } from 'typeorm';

/** A remittance's SEPA file as it is downloaded: its name and its bytes. */
export interface RemittanceDownload {
  fileName: string;
  xml: string;
}

/**
 * The pain.008 of a remittance, written from its row (full IBANs, read for this only), under
 * the name the bank's upload shows: `remesa-<collection date>-<id's first 8>.xml`. `null` when
 * no remittance has that id. The API and the console download through this.
 */
export async function remittanceDownloadOf(
  readModels: DataSource,
  remittanceId: string,
): Promise<RemittanceDownload | null> {
  const row = await remittanceRow(readModels, remittanceId);
  if (!row) return null;
  return {
    fileName: `remesa-${row.collectionDate}-${row.id.slice(0, 8)}.xml`,
    xml: remittanceFileOf(row),
  };
}

/** The `Content-Disposition` of the download. */
export const attachmentNamed = (fileName: string) => `attachment; filename="${fileName}"`;
