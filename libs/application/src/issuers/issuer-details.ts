import {
  Creditor,
  DunningPolicy,
  InvoiceIssuerSnapshot,
  IssuerProfile,
  parseDunningPolicy,
} from '@app/domain';

/** Where an issuer comes from: registered (`POST /issuers`), or the configured default. */
export type IssuerSource = 'registered' | 'configuration';

/**
 * One issuer as billing and collections need it (rule 21): what an invoice snapshots
 * (`InvoiceIssuerSnapshot`), its SEPA creditor, returned-debit fee, dunning policy and series.
 */
export interface IssuerDetails extends InvoiceIssuerSnapshot {
  source: IssuerSource;
  /** The SEPA creditor identifier, IBAN and BIC, each `null` when not given. */
  creditorId: string | null;
  creditorIban: string | null;
  creditorBic: string | null;
  /** What remittances collect with: `null` unless the identifier and the IBAN are both known. */
  creditor: Creditor | null;
  returnedDebitFeeCents: number;
  /** The dunning policy, parsed, and its text form (`reminder:7,warning:15,…`). */
  dunningPolicy: DunningPolicy;
  dunningPolicyText: string;
  /** The invoice series it owns (the configured default owns none: it takes any series). */
  series: string[];
  /** Events of its stream (If-Match); `null` for the configured default. */
  version: number | null;
}

/** The snapshot an invoice keeps of its issuer (the integrator's `InvoiceIssuerSnapshot`). */
export const issuerSnapshotOf = (issuer: IssuerDetails): InvoiceIssuerSnapshot => ({
  issuerId: issuer.issuerId,
  legalName: issuer.legalName,
  nif: issuer.nif,
  address: { ...issuer.address },
});

/** The SEPA creditor of an issuer's data, or `null` without an identifier and an IBAN. */
export function creditorFrom(
  name: string,
  creditorId: string | null,
  iban: string | null,
  bic: string | null,
): Creditor | null {
  if (!creditorId || !iban) return null;
  return { name, creditorId, iban, bic };
}

/** A registered issuer (its events' profile, or its read-model row) as `IssuerDetails`. */
export function registeredIssuerDetails(
  issuerId: string,
  profile: IssuerProfile,
  version: number,
): IssuerDetails {
  return {
    source: 'registered',
    issuerId,
    legalName: profile.legalName,
    nif: profile.nif,
    address: { ...profile.address },
    creditorId: profile.creditorId,
    creditorIban: profile.creditorIban,
    creditorBic: profile.creditorBic,
    creditor: creditorFrom(
      profile.legalName,
      profile.creditorId,
      profile.creditorIban,
      profile.creditorBic,
    ),
    returnedDebitFeeCents: profile.returnedDebitFeeCents,
    dunningPolicy: parseDunningPolicy(profile.dunningPolicy),
    dunningPolicyText: profile.dunningPolicy,
    series: [...profile.series],
    version,
  };
}
