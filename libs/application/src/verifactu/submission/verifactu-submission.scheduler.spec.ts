import { validateAppConfig } from '../../config/app-config';
import { DEFAULT_SOFTWARE } from './suministro-xml';
import { invoicingSoftwareFrom } from './verifactu-submission.scheduler';

describe('SistemaInformatico from the configuration', () => {
  it('takes the defaults when nothing is set', () => {
    expect(invoicingSoftwareFrom(validateAppConfig({}))).toEqual(DEFAULT_SOFTWARE);
  });

  it('takes each VERIFACTU_SOFTWARE_* setting given', () => {
    expect(
      invoicingSoftwareFrom(
        validateAppConfig({
          VERIFACTU_SOFTWARE_PRODUCER_NAME: 'Fibra Norte SL',
          VERIFACTU_SOFTWARE_PRODUCER_NIF: 'B12345678',
          VERIFACTU_SOFTWARE_NAME: 'facturas',
          VERIFACTU_SOFTWARE_ID: 'FN',
          VERIFACTU_SOFTWARE_VERSION: '2.3.1',
          VERIFACTU_INSTALLATION_NUMBER: 'madrid-01',
        }),
      ),
    ).toEqual({
      ...DEFAULT_SOFTWARE,
      producerName: 'Fibra Norte SL',
      producerNif: 'B12345678',
      name: 'facturas',
      id: 'FN',
      version: '2.3.1',
      installationNumber: 'madrid-01',
    });
  });

  it('refuses values the schema would refuse', () => {
    expect(() => validateAppConfig({ VERIFACTU_SOFTWARE_ID: 'ABC' })).toThrow(/at most 2/);
    expect(() => validateAppConfig({ VERIFACTU_SOFTWARE_PRODUCER_NIF: 'B123' })).toThrow(
      /VERIFACTU_SOFTWARE_PRODUCER_NIF/,
    );
  });
});
