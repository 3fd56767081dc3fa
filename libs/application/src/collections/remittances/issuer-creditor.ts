import { Creditor } from '@app/domain';
import { AppConfig } from '../../config/app-config';

/** Until issuer entities exist (rule 21), the one issuer, whose creditor data comes from configuration. */
export const DEFAULT_ISSUER_ID = 'default';

/** The issuer's SEPA creditor data, or `null` if it is not configured. */
export function creditorOf(config: AppConfig, issuerId: string): Creditor | null {
  if (issuerId !== DEFAULT_ISSUER_ID) return null;
  const { CREDITOR_NAME, CREDITOR_ID, CREDITOR_IBAN, CREDITOR_BIC } = config;
  if (!CREDITOR_NAME || !CREDITOR_ID || !CREDITOR_IBAN) return null;
  return {
    name: CREDITOR_NAME,
    creditorId: CREDITOR_ID,
    iban: CREDITOR_IBAN,
    bic: CREDITOR_BIC ?? null,
  };
}
