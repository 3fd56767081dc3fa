import { validateAppConfig } from '../config/app-config';
import { creditorOf } from '../collections/remittances/issuer-creditor';
import {
  DEFAULT_ISSUER_ID,
  defaultIssuerOf,
  TEST_ISSUER_NIF,
  UNNAMED_ISSUER,
} from './default-issuer';
import { issuerSnapshotOf } from './issuer-details';

describe('the issuer from configuration (rule 21)', () => {
  it('is the issuer `default`, as ISSUER_*, CREDITOR_*, the fee and the dunning policy say', () => {
    const config = validateAppConfig({
      ISSUER_LEGAL_NAME: 'Fibra Norte SL',
      ISSUER_NIF: 'B12345674',
      ISSUER_ADDRESS: 'Calle Mayor 1',
      ISSUER_POSTAL_CODE: '28001',
      ISSUER_CITY: 'Madrid',
      ISSUER_PROVINCE: 'Madrid',
      CREDITOR_NAME: 'FIBRA NORTE',
      CREDITOR_ID: 'ES11ZZZB12345674',
      CREDITOR_IBAN: 'ES9121000418450200051332',
      RETURNED_DEBIT_FEE_CENTS: '350',
      DUNNING_POLICY: 'reminder:5, suspend:20',
    });
    const issuer = defaultIssuerOf(config);
    expect(issuer).toMatchObject({
      source: 'configuration',
      issuerId: DEFAULT_ISSUER_ID,
      legalName: 'Fibra Norte SL',
      nif: 'B12345674',
      creditor: {
        name: 'FIBRA NORTE',
        creditorId: 'ES11ZZZB12345674',
        iban: 'ES9121000418450200051332',
        bic: null,
      },
      returnedDebitFeeCents: 350,
      dunningPolicyText: 'reminder:5,suspend:20',
      series: [],
      version: null,
    });
    expect(issuerSnapshotOf(issuer)).toEqual({
      issuerId: 'default',
      legalName: 'Fibra Norte SL',
      nif: 'B12345674',
      address: {
        street: 'Calle Mayor 1',
        city: 'Madrid',
        neighbourhood: null,
        province: 'Madrid',
        postalCode: '28001',
        country: 'ES',
      },
    });
    // Remittances collect with the same creditor either way.
    expect(creditorOf(issuer)).toEqual(creditorOf(config, DEFAULT_ISSUER_ID));
  });

  it("runs on a fresh clone: AEAT's test NIF, named after the creditor or asking to be named", () => {
    expect(defaultIssuerOf(validateAppConfig({ CREDITOR_NAME: 'Fibra Norte SL' }))).toMatchObject({
      legalName: 'Fibra Norte SL',
      nif: TEST_ISSUER_NIF,
      creditor: null,
    });
    const bare = defaultIssuerOf(validateAppConfig({}));
    expect(bare).toMatchObject({ legalName: UNNAMED_ISSUER, nif: '89890001K' });
    expect(bare.address).toMatchObject({ street: null, country: null });
    expect(bare.dunningPolicyText).toBe('reminder:7,warning:15,suspend:30,cancel:90');
  });

  it('keeps the old creditorOf(config, id): CREDITOR_* for `default`, nothing for another id', () => {
    const config = validateAppConfig({
      CREDITOR_NAME: 'Fibra Norte SL',
      CREDITOR_ID: 'ES11ZZZB12345674',
      CREDITOR_IBAN: 'ES9121000418450200051332',
    });
    expect(creditorOf(config, 'default')).toMatchObject({ name: 'Fibra Norte SL' });
    expect(creditorOf(config, 'another')).toBeNull();
    expect(creditorOf(null)).toBeNull();
  });
});
