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

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, /EVENTSTORE_CONNECTION_STRING/],
    [{ API_KEYS: 'root:whatever-key' }, /API_KEYS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PROJECTION_TRANSACTIONS: '0' }, /PROJECTION_TRANSACTIONS/],
  ])('refuses %p naming the bad setting', (raw, message) => {
    expect(() => validateAppConfig(raw)).toThrow(message);
  });
});
