import { PENDING_CLAIM_MS } from '../customer/customer.unique-value';
import { DomainError } from '../shared/domain-error';
import { IssuerRefusal } from './issuer.errors';
import { IssuerValueClaimed, IssuerValueKind } from './issuer.events';
import { IssuerProfile } from './issuer.profile';

/** A value only one issuer may hold: its NIF, or an invoice series. */
export interface IssuerValue {
  kind: IssuerValueKind;
  value: string;
}

/** The values an issuer with `profile` holds (none when unregistered). */
export function issuerValuesOf(profile: IssuerProfile | null): IssuerValue[] {
  if (!profile) return [];
  return [
    { kind: 'nif', value: profile.nif },
    ...profile.series.map((series) => ({ kind: 'series' as const, value: series })),
  ];
}

/** What the value's reservation stream says, loaded by the handler. */
export interface CurrentIssuerClaim {
  holder: string;
  claimedAt: string;
  /** Whether `holder`'s own stream still holds the value. */
  holderStillHolds: boolean;
}

export interface ClaimIssuerValue {
  value: IssuerValue;
  owner: string;
  now: string;
  current?: CurrentIssuerClaim;
}

/**
 * Rule 21: no two issuers share a NIF, and a series belongs to at most one issuer. As with
 * customers' e-mails and documents (R2/R3), a claim left stale (its holder dropped the value, or
 * crashed before appending) may be taken over once older than PENDING_CLAIM_MS. Answers the
 * claim to append, or none when `owner` already holds the value.
 */
export function decideIssuerValueClaim(command: ClaimIssuerValue): IssuerValueClaimed[] {
  const { current, value } = command;
  if (current?.holder === command.owner) return [];
  if (current) {
    const pending = Date.parse(command.now) - Date.parse(current.claimedAt) < PENDING_CLAIM_MS;
    if (pending || current.holderStillHolds) throw issuerValueTaken(value, current.holder);
  }
  return [{ type: 'IssuerValueClaimed', data: { kind: value.kind, owner: command.owner } }];
}

export function issuerValueTaken(value: IssuerValue, holder: string): DomainError {
  if (value.kind === 'nif')
    return new DomainError(
      IssuerRefusal.nifTaken,
      `Issuer ${holder} already has NIF ${value.value}: one legal entity is one issuer.`,
      [
        {
          code: IssuerRefusal.nifTaken,
          field: 'nif',
          message: `NIF ${value.value} belongs to issuer ${holder}`,
        },
      ],
    );
  return new DomainError(
    IssuerRefusal.seriesTaken,
    `Invoice series ${value.value} already belongs to issuer ${holder}; remove it there first.`,
    [
      {
        code: IssuerRefusal.seriesTaken,
        field: 'series',
        message: `Series ${value.value} belongs to issuer ${holder}`,
      },
    ],
  );
}
