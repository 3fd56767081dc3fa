import { InvoiceIssuerSnapshot } from '@app/domain';

/** Rule 21: who issues the documents of a series (each series belongs to one issuer). */
export interface SeriesIssuers {
  issuerForSeries(series: string): Promise<InvoiceIssuerSnapshot>;
}

export const SERIES_ISSUERS = Symbol('SERIES_ISSUERS');
