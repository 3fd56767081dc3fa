import { IssuerView, listIssuers } from '@app/read-models';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { defaultIssuerOf } from './default-issuer';
import { IssuerSource } from './issuer-details';

/**
 * An issuer as `GET /issuers` lists it: a registered one (its read-model row), or the issuer
 * configured in the environment (`ISSUER_*`, id `default`), which has no version and was never
 * registered.
 */
export type ListedIssuer = Omit<IssuerView, 'version' | 'registeredAt' | 'updatedAt'> & {
  source: IssuerSource;
  version: number | null;
  registeredAt: string | null;
  updatedAt: string | null;
};

/**
 * Rule 21: the issuers invoices are issued by. The registered ones, oldest first; while none is
 * registered, the configured default that invoices then actually use (`source: configuration`).
 */
export async function listedIssuers(
  readModels: DataSource,
  config: AppConfig,
): Promise<ListedIssuer[]> {
  const registered = await listIssuers(readModels);
  if (registered.length > 0)
    return registered.map((row) => ({ ...row, source: 'registered' as const }));
  const configured = defaultIssuerOf(config);
  return [
    {
      source: 'configuration',
      id: configured.issuerId,
      legalName: configured.legalName,
      nif: configured.nif,
      address: configured.address,
      creditorId: configured.creditorId,
      creditorIban: configured.creditorIban,
      creditorBic: configured.creditorBic,
      returnedDebitFeeCents: configured.returnedDebitFeeCents,
      dunningPolicy: configured.dunningPolicyText,
      series: configured.series,
      version: null,
      registeredAt: null,
      updatedAt: null,
    },
  ];
}
