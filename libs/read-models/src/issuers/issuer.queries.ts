import { BillingIssuers } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { IssuerRow } from './issuer.entity';

type Source = DataSource | EntityManager;
const managerOf = (source: Source): EntityManager =>
  source instanceof DataSource ? source.manager : source;

/** An issuer as `GET /issuers` shows it (the row: nothing in it is secret). */
export type IssuerView = IssuerRow;

const repository = (source: Source) => managerOf(source).getRepository(IssuerRow);

/** `GET /issuers`: every issuer, oldest registration first (they are few). */
export const listIssuers = (source: Source): Promise<IssuerView[]> =>
  repository(source).find({ order: { registeredAt: 'ASC', id: 'ASC' } });

/** `GET /issuers/:id`, or `null` when none has that id. */
export const issuerById = (source: Source, issuerId: string): Promise<IssuerView | null> =>
  repository(source).findOneBy({ id: issuerId });

/** The issuer owning invoice series `series` (at most one, rule 21), or `null`. */
export const issuerOwningSeries = (source: Source, series: string): Promise<IssuerView | null> =>
  repository(source)
    .createQueryBuilder('i')
    .where('i.series @> CAST(:series AS jsonb)', { series: JSON.stringify([series]) })
    .orderBy('i.registered_at', 'ASC')
    .getOne();

/**
 * Rule 21 as the billing run and the simulator check it: every registered issuer with the
 * series it owns, and the configured issuer's id (`defaultIssuerId`) invoicing while none is.
 */
export async function billingIssuersOf(
  source: Source,
  defaultIssuerId: string,
): Promise<BillingIssuers> {
  const registered = await listIssuers(source);
  return {
    registered: registered.map((issuer) => ({ issuerId: issuer.id, series: issuer.series })),
    defaultIssuerId,
  };
}
