import type { ChainRecord } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { VerifactuChainRecordRow } from './verifactu-chain-record.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** A record of the chain as its page lists it: its place, what it registers, the record. */
export interface ChainRecordView {
  /** 0-based place in the issuer's chain. */
  sequence: number;
  recordId: string;
  kind: ChainRecord['kind'];
  invoiceId: string;
  documentId: string | null;
  numSerie: string;
  issueDate: string;
  tipoFactura: string | null;
  importeTotalCents: number | null;
  huella: string;
  generatedAt: string;
  position: number;
  record: ChainRecord;
}

export interface ChainRecordPage {
  items: ChainRecordView[];
  total: number;
  page: number;
  pageSize: number;
}

const viewOf = (row: VerifactuChainRecordRow): ChainRecordView => ({
  sequence: row.sequence,
  recordId: row.recordId,
  kind: row.kind,
  invoiceId: row.invoiceId,
  documentId: row.documentId,
  numSerie: row.numSerie,
  issueDate: row.issueDate,
  tipoFactura: row.tipoFactura,
  importeTotalCents: row.importeTotalCents,
  huella: row.huella,
  generatedAt: row.generatedAt,
  position: row.position,
  record: row.record,
});

/** `GET /verifactu/issuers/:id/chain`: the issuer's records in chain order (oldest first), paged. */
export async function chainRecordsOf(
  source: Source,
  issuerId: string,
  paging: { page: number; pageSize: number },
): Promise<ChainRecordPage> {
  const [rows, total] = await managerOf(source)
    .getRepository(VerifactuChainRecordRow)
    .findAndCount({
      where: { issuerId },
      order: { sequence: 'ASC' },
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    });
  return { items: rows.map(viewOf), total, page: paging.page, pageSize: paging.pageSize };
}

/** The issuers with a record in the read model, in id order. */
export async function chainIssuerIds(source: Source): Promise<string[]> {
  const rows: { issuerId: string }[] = await managerOf(source)
    .getRepository(VerifactuChainRecordRow)
    .createQueryBuilder('r')
    .select('DISTINCT r.issuer_id', 'issuerId')
    .orderBy('r.issuer_id', 'ASC')
    .getRawMany();
  return rows.map((row) => row.issuerId);
}
