import { dunningPolicyText, parseDunningPolicy } from '@app/domain';
import { AppConfig } from '../config/app-config';
import { creditorFrom, IssuerDetails } from './issuer-details';

/** The id of the issuer configured in the environment (rule 21): invoices' issuer until one is registered. */
export const DEFAULT_ISSUER_ID = 'default';

/**
 * AEAT's published test NIF: what a fresh clone issues under when ISSUER_NIF is not set, so it
 * runs. No real invoice may carry it: production sets ISSUER_NIF (docs/issuers.md).
 */
export const TEST_ISSUER_NIF = '89890001K';

export const UNNAMED_ISSUER = 'Unnamed issuer (configure ISSUER_LEGAL_NAME)';

type IssuerConfig = Pick<
  AppConfig,
  | 'ISSUER_LEGAL_NAME'
  | 'ISSUER_NIF'
  | 'ISSUER_ADDRESS'
  | 'ISSUER_POSTAL_CODE'
  | 'ISSUER_CITY'
  | 'ISSUER_PROVINCE'
  | 'ISSUER_COUNTRY'
  | 'CREDITOR_NAME'
  | 'CREDITOR_ID'
  | 'CREDITOR_IBAN'
  | 'CREDITOR_BIC'
  | 'RETURNED_DEBIT_FEE_CENTS'
  | 'DUNNING_POLICY'
>;

/**
 * The issuer the configuration describes, as the issuer with id `default`: ISSUER_* for who
 * it is (falling back to CREDITOR_NAME and AEAT's test NIF), CREDITOR_* for its SEPA creditor
 * (named CREDITOR_NAME as remittances always were), RETURNED_DEBIT_FEE_CENTS and DUNNING_POLICY.
 */
export function defaultIssuerOf(config: IssuerConfig): IssuerDetails {
  const legalName = config.ISSUER_LEGAL_NAME ?? config.CREDITOR_NAME ?? UNNAMED_ISSUER;
  const dunningPolicy = parseDunningPolicy(config.DUNNING_POLICY);
  const hasAddress = config.ISSUER_ADDRESS !== undefined;
  return {
    source: 'configuration',
    issuerId: DEFAULT_ISSUER_ID,
    legalName,
    nif: config.ISSUER_NIF ?? TEST_ISSUER_NIF,
    address: {
      street: config.ISSUER_ADDRESS ?? null,
      city: config.ISSUER_CITY ?? null,
      neighbourhood: null,
      province: config.ISSUER_PROVINCE ?? null,
      postalCode: config.ISSUER_POSTAL_CODE ?? null,
      country: config.ISSUER_COUNTRY ?? (hasAddress ? 'ES' : null),
    },
    creditorId: config.CREDITOR_ID ?? null,
    creditorIban: config.CREDITOR_IBAN ?? null,
    creditorBic: config.CREDITOR_BIC ?? null,
    creditor: config.CREDITOR_NAME
      ? creditorFrom(
          config.CREDITOR_NAME,
          config.CREDITOR_ID ?? null,
          config.CREDITOR_IBAN ?? null,
          config.CREDITOR_BIC ?? null,
        )
      : null,
    returnedDebitFeeCents: config.RETURNED_DEBIT_FEE_CENTS,
    dunningPolicy,
    dunningPolicyText: dunningPolicyText(dunningPolicy),
    series: [],
    version: null,
  };
}
