import { validateAppConfig } from './app-config';

describe('configuration validated at boot', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = validateAppConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      PROJECTIONS_IN_PROCESS: true,
      PROJECTION_TRANSACTIONS: 1,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EVENTSTORE_CONNECTION_STRING).toBeUndefined();
  });

  it('reads PostgreSQL, EventStoreDB, keys and flags from the environment', () => {
    const config = validateAppConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/billing',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      API_KEYS: 'admin:admin-secret-1,auditor:audit-secret-1',
      PROJECTIONS_IN_PROCESS: 'false',
      PROJECTION_TRANSACTIONS: '7',
    });
    expect(config.PORT).toBe(8080);
    expect(config.PROJECTIONS_IN_PROCESS).toBe(false);
    expect(config.PROJECTION_TRANSACTIONS).toBe(7);
    expect(config.API_KEYS).toBe('admin:admin-secret-1,auditor:audit-secret-1');
  });

  it('reads the collections settings: creditor, fee, dunning policy, billing while suspended for debt', () => {
    const config = validateAppConfig({
      CREDITOR_NAME: 'Fibra Norte SL',
      CREDITOR_ID: 'ES10ZZZB76365789',
      CREDITOR_IBAN: 'es91 2100 0418 4502 0005 1332',
      RETURNED_DEBIT_FEE_CENTS: '350',
      DUNNING_POLICY: 'reminder:5,suspend:20',
      BILL_SUSPENDED_FOR_DEBT: 'false',
    });
    expect(config).toMatchObject({
      CREDITOR_IBAN: 'ES9121000418450200051332',
      RETURNED_DEBIT_FEE_CENTS: 350,
      DUNNING_POLICY: 'reminder:5,suspend:20',
      BILL_SUSPENDED_FOR_DEBT: false,
    });
    expect(validateAppConfig({})).toMatchObject({
      RETURNED_DEBIT_FEE_CENTS: 0,
      BILL_SUSPENDED_FOR_DEBT: true,
      DUNNING_POLICY: 'reminder:7,warning:15,suspend:30,cancel:90',
    });
  });

  it('reads the default issuer (rule 21), its NIF checked and written as stored', () => {
    expect(
      validateAppConfig({ ISSUER_LEGAL_NAME: 'Fibra Norte SL', ISSUER_NIF: 'b-12345674' }),
    ).toMatchObject({ ISSUER_LEGAL_NAME: 'Fibra Norte SL', ISSUER_NIF: 'B12345674' });
    expect(validateAppConfig({}).ISSUER_NIF).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, /EVENTSTORE_CONNECTION_STRING/],
    [{ API_KEYS: 'root:whatever-key' }, /API_KEYS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PROJECTION_TRANSACTIONS: '0' }, /PROJECTION_TRANSACTIONS/],
    [{ DUNNING_POLICY: 'suspend:30,reminder:7' }, /DUNNING_POLICY: Steps go in the order/],
    [{ CREDITOR_ID: 'B76365789' }, /CREDITOR_ID/],
    [{ CREDITOR_IBAN: 'not an iban' }, /CREDITOR_IBAN/],
    [{ RETURNED_DEBIT_FEE_CENTS: '-5' }, /RETURNED_DEBIT_FEE_CENTS/],
    [{ ISSUER_NIF: 'B12345675' }, /ISSUER_NIF: NIF: The CIF/],
    [{ ISSUER_COUNTRY: 'Spain' }, /ISSUER_COUNTRY/],
  ])('refuses %p naming the bad setting', (raw, message) => {
    expect(() => validateAppConfig(raw)).toThrow(message);
  });

  it('reads the attachments settings: 64 MiB and the folder store by default, S3 only with a bucket', () => {
    expect(validateAppConfig({})).toMatchObject({
      ATTACHMENT_MAX_BYTES: 64 * 1024 * 1024,
      BLOB_STORE: 'fs',
      S3_FORCE_PATH_STYLE: false,
      ATTACHMENT_ERASURE_INTERVAL_MS: 5000,
    });
    expect(
      validateAppConfig({
        ATTACHMENT_MAX_BYTES: '1048576',
        BLOB_STORE: 's3',
        S3_BUCKET: 'billing-files',
        S3_ENDPOINT: 'http://minio:9000',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toMatchObject({ ATTACHMENT_MAX_BYTES: 1048576, BLOB_STORE: 's3', S3_FORCE_PATH_STYLE: true });
    expect(() => validateAppConfig({ BLOB_STORE: 's3' })).toThrow('BLOB_STORE=s3 needs S3_BUCKET');
    expect(() => validateAppConfig({ BLOB_STORE: 'ftp' })).toThrow('BLOB_STORE');
    expect(() => validateAppConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(
      'ATTACHMENT_MAX_BYTES',
    );
    expect(() => validateAppConfig({ S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ENDPOINT');
  });
});
