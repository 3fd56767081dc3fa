import { EditIssuer, RegisterIssuer } from '../issuer.commands';
import { IssuerRegistered } from '../issuer.events';

export const ISSUER_AT = '2026-03-01T10:00:00.000Z';

/** A company issuer that checks out: CIF B12345674, its creditor id, an IBAN, series F2026. */
export const registerIssuer = (data: Partial<RegisterIssuer['data']> = {}): RegisterIssuer => ({
  type: 'RegisterIssuer',
  data: {
    issuerId: 'iss-1',
    legalName: 'Fibra Norte SL',
    nif: 'B12345674',
    address: { street: 'Calle Mayor 1', postalCode: '28001', city: 'Madrid', country: 'ES' },
    creditorId: 'ES11ZZZB12345674',
    creditorIban: 'ES9121000418450200051332',
    creditorBic: 'CAIXESBBXXX',
    returnedDebitFeeCents: 300,
    dunningPolicy: 'reminder:5,suspend:20',
    series: ['F2026', 'W2026'],
    ...data,
  },
  metadata: { at: ISSUER_AT },
});

export const editIssuer = (data: Partial<EditIssuer['data']> = {}): EditIssuer => ({
  type: 'EditIssuer',
  data: { issuerId: 'iss-1', ...data },
  metadata: { at: '2026-03-02T10:00:00.000Z' },
});

export const issuerRegistered: IssuerRegistered = {
  type: 'IssuerRegistered',
  data: {
    issuerId: 'iss-1',
    legalName: 'Fibra Norte SL',
    nif: 'B12345674',
    address: {
      street: 'Calle Mayor 1',
      city: 'Madrid',
      neighbourhood: null,
      province: null,
      postalCode: '28001',
      country: 'ES',
    },
    creditorId: 'ES11ZZZB12345674',
    creditorIban: 'ES9121000418450200051332',
    creditorBic: 'CAIXESBBXXX',
    returnedDebitFeeCents: 300,
    dunningPolicy: 'reminder:5,suspend:20',
    series: ['F2026', 'W2026'],
    registeredAt: ISSUER_AT,
  },
};
