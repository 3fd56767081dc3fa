import { DataSource, EntityManager } from 'typeorm';
import { OutboxStatus, VerifactuOutboxRow } from './verifactu-outbox.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** A record in the outbox, as `GET /verifactu/outbox` lists it. */
export interface VerifactuOutboxItemView {
  recordId: string;
  issuerId: string;
  issuerNif: string;
  numSerie: string;
  issueDate: string;
  kind: 'registration' | 'cancellation';
  tipoFactura: string | null;
  generatedAt: string;
  status: OutboxStatus;
  errorCode: number | null;
  errorDescription: string | null;
  submissionId: string | null;
  attempts: number;
  updatedAt: string;
}

const viewOf = ({ chainPosition: _c, lastPosition: _l, ...row }: VerifactuOutboxRow) => row;

/** `GET /verifactu/outbox`: records in chain order (per issuer), filtered, paged. */
export async function listVerifactuOutbox(
  source: Source,
  query: { status?: OutboxStatus; issuerId?: string; page: number; pageSize: number },
): Promise<{ items: VerifactuOutboxItemView[]; total: number; page: number; pageSize: number }> {
  const [rows, total] = await managerOf(source)
    .getRepository(VerifactuOutboxRow)
    .findAndCount({
      where: {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.issuerId === undefined ? {} : { issuerId: query.issuerId }),
      },
      order: { issuerId: 'ASC', chainPosition: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  return { items: rows.map(viewOf), total, page: query.page, pageSize: query.pageSize };
}

/** Issuers with records not yet answered for good (pending, sent, in error): the submitter's round. */
export async function issuersWithRecordsToSubmit(source: Source): Promise<string[]> {
  const rows: { issuer_id: string }[] = await managerOf(source).query(
    `SELECT DISTINCT issuer_id FROM verifactu_outbox
     WHERE status IN ('pending', 'sent', 'error') ORDER BY issuer_id`,
  );
  return rows.map((row) => row.issuer_id);
}
