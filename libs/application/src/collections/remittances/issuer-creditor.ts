import { Creditor } from '@app/domain';
import { AppConfig } from '../../config/app-config';
import { DEFAULT_ISSUER_ID } from '../../issuers/default-issuer';
import { IssuerDetails } from '../../issuers/issuer-details';

/** Moved to issuers/ (rule 21); re-exported here for the collections that name it. */
export { DEFAULT_ISSUER_ID };

/**
 * An issuer's SEPA creditor data, or `null` if it has none (identifier and IBAN). Either a
 * registered issuer's (`IssuerDirectory.issuerById`), or, as before issuers existed, the
 * configured one's: `creditorOf(config, issuerId)` answers CREDITOR_* for `default` only.
 */
export function creditorOf(issuer: IssuerDetails | null): Creditor | null;
export function creditorOf(config: AppConfig, issuerId: string): Creditor | null;
export function creditorOf(
  source: IssuerDetails | AppConfig | null,
  issuerId?: string,
): Creditor | null {
  if (source === null) return null;
  if (isIssuerDetails(source)) return source.creditor;
  if (issuerId !== DEFAULT_ISSUER_ID) return null;
  const { CREDITOR_NAME, CREDITOR_ID, CREDITOR_IBAN, CREDITOR_BIC } = source;
  if (!CREDITOR_NAME || !CREDITOR_ID || !CREDITOR_IBAN) return null;
  return {
    name: CREDITOR_NAME,
    creditorId: CREDITOR_ID,
    iban: CREDITOR_IBAN,
    bic: CREDITOR_BIC ?? null,
  };
}

const isIssuerDetails = (source: IssuerDetails | AppConfig): source is IssuerDetails =>
  'source' in source && 'issuerId' in source;
