import { DomainError } from '../shared/domain-error';

/** Refusals of rule 21 (issuer entities). A code ending in TAKEN answers 409, NOT_FOUND 404. */
export const IssuerRefusal = {
  invalidInput: 'R21.INVALID_INPUT',
  notFound: 'R21.ISSUER_NOT_FOUND',
  /** An issuer with this id exists already. */
  idTaken: 'R21.ISSUER_ID_TAKEN',
  /** A different NIF is another legal entity (and another VERI*FACTU chain): register it. */
  nifImmutable: 'R21.NIF_IMMUTABLE',
  /** Another issuer has this NIF. */
  nifTaken: 'R21.NIF_TAKEN',
  /** Another issuer owns this invoice series. */
  seriesTaken: 'R21.SERIES_TAKEN',
  /** Several issuers are registered and none owns the series an invoice is numbered in. */
  seriesWithoutIssuer: 'R21.SERIES_WITHOUT_ISSUER',
} as const;

export type IssuerRefusal = (typeof IssuerRefusal)[keyof typeof IssuerRefusal];

export const issuerNotFound = (issuerId: string) =>
  new DomainError(
    IssuerRefusal.notFound,
    `Issuer ${issuerId} does not exist; register it (POST /issuers) before changing it.`,
  );

export const seriesWithoutIssuer = (series: string, issuerCount: number) =>
  new DomainError(
    IssuerRefusal.seriesWithoutIssuer,
    `No issuer owns invoice series ${series}, and with ${issuerCount} issuers registered none can be assumed: add the series to its issuer (PATCH /issuers/:id).`,
    [
      {
        code: IssuerRefusal.seriesWithoutIssuer,
        message: `Series ${series} has no issuer`,
        field: 'series',
      },
    ],
  );
