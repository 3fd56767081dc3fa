import { checkNif, parseDunningPolicy, RefusalReason } from '@app/domain';
import { DEFER_SECONDARY_INDEXES_FROM } from '@app/read-models';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the service reads, validated at boot: a bad value stops the process with a
 * message naming it, rather than failing later. Documented in the README's configuration table.
 */
export class AppConfig {
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** PostgreSQL schema for the log and read models (default: the server's search_path). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z_][a-z0-9_]*$/i, { message: 'DATABASE_SCHEMA must be a plain SQL identifier' })
  DATABASE_SCHEMA?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//, {
    message: 'EVENTSTORE_CONNECTION_STRING must be an esdb:// connection string',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** `role:key` pairs, comma-separated; roles admin, operator, auditor. */
  @IsOptional()
  @Matches(
    /^((admin|operator|auditor)(\+delegate)?:[^,:\s]{8,})(,(admin|operator|auditor)(\+delegate)?:[^,:\s]{8,})*$/,
    {
      message:
        'API_KEYS must be comma-separated role:key pairs (roles admin, operator, auditor, each optionally +delegate to let it act for others with X-Actor; keys of 8+ characters)',
    },
  )
  API_KEYS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Hot statements (the customer file's) as named prepared statements on PostgreSQL, planned
   * once per connection. `false` behind a pooler that cannot keep them (PgBouncer in
   * transaction mode before 1.21, or without `max_prepared_statements`).
   */
  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  /** Run the projection runner inside the API process (default) or standalone only. */
  @Transform(toBoolean)
  @IsBoolean()
  PROJECTIONS_IN_PROCESS = true;

  /**
   * Transactions the projection runner applies a batch in, side by side: 1 keeps every read
   * model moving together; up to one per projection catches up faster (each projection's share
   * commits with its own checkpoint).
   */
  @Transform(({ value }) => (value === undefined ? 1 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(32)
  PROJECTION_TRANSACTIONS = 1;

  /**
   * `rebuild` drops the tables' secondary indexes and builds them at the end once the log
   * reaches this position (on PostgreSQL and PGlite, about this many events): a large rebuild
   * gains far more than the builds cost; a small one would only pay for them. 0: always.
   */
  @Transform(({ value }) => (value === undefined ? DEFER_SECONDARY_INDEXES_FROM : Number(value)))
  @IsInt()
  @Min(0)
  REBUILD_DEFER_INDEXES_FROM = DEFER_SECONDARY_INDEXES_FROM;

  @Transform(({ value }) => (value === undefined ? 250 : Number(value)))
  @IsInt()
  @Min(5)
  EVENT_POLL_INTERVAL_MS = 250;

  /** Requests per minute per API key (`@nestjs/throttler`); beyond it, 429. */
  @Transform(({ value }) => (value === undefined ? 6000 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 6000;

  /** Largest JSON body accepted by the API. */
  @IsString()
  @Matches(/^\d+(b|kb|mb)$/i)
  BODY_LIMIT = '100kb';

  /**
   * The SEPA creditor the remittances collect for (rule 18), until issuer entities exist:
   * the legal name, the creditor identifier ("identificador de acreedor SEPA", e.g.
   * ES59ZZZB76365789), the IBAN collected into and optionally its BIC. Without the name, the
   * identifier and the IBAN, a remittance is refused with REMITTANCE.CREDITOR_NOT_CONFIGURED.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  CREDITOR_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, {
    message: 'CREDITOR_ID must be a SEPA creditor identifier (e.g. ES59ZZZB76365789)',
  })
  CREDITOR_ID?: string;

  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && value !== '' ? value.replace(/\s+/g, '').toUpperCase() : undefined,
  )
  @Matches(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { message: 'CREDITOR_IBAN must be an IBAN' })
  CREDITOR_IBAN?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, { message: 'CREDITOR_BIC must be a BIC' })
  CREDITOR_BIC?: string;

  /**
   * Customers `POST /billing/simulations` reads, simulates and answers at a time (keyset pages
   * of customer ids): what it holds in memory, whatever the number of customers.
   */
  @Transform(({ value }) => (value === undefined ? 500 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  SIMULATION_BATCH_CUSTOMERS = 500;

  /**
   * Rule 20: whether subscriptions the system suspended for debt keep being invoiced (default
   * yes, as UISP does); an operator's suspension is never invoiced (rule R5).
   */
  @Transform(toBoolean)
  @IsBoolean()
  BILL_SUSPENDED_FOR_DEBT = true;

  /**
   * Rule 20's dunning policy, `step:days,…` (steps reminder, warning, suspend, cancel, each
   * once, in that order): days overdue of the oldest invoice owed from which each is applied.
   */
  @IsString()
  DUNNING_POLICY = 'reminder:7,warning:15,suspend:30,cancel:90';

  /**
   * Rule 21: the issuer invoices are issued by while no issuer is registered (`POST /issuers`),
   * answered as the issuer with id `default` (`defaultIssuerOf`, docs/issuers.md). Production
   * must set ISSUER_LEGAL_NAME, ISSUER_NIF and the address: without ISSUER_NIF a fresh clone
   * runs under AEAT's published test NIF 89890001K, which no real invoice may carry.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_LEGAL_NAME?: string;

  /** The issuer's NIF (CIF, or DNI/NIE of a self-employed issuer), checked at boot. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_NIF?: string;

  /** The issuer's street line ("Calle Mayor 1, 2º"), with its postal code, city, province, country. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_ADDRESS?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_POSTAL_CODE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_CITY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  ISSUER_PROVINCE?: string;

  /** ISO 3166 country code of the issuer's address; `ES` when not set. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Z]{2}$/, { message: 'ISSUER_COUNTRY must be a two-letter country code (ES)' })
  ISSUER_COUNTRY?: string;

  /** The issuer's returned-debit fee (rule 19), charged on the next invoice; 0: none. */
  @Transform(({ value }) => (value === undefined || value === '' ? 0 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(100_000)
  RETURNED_DEBIT_FEE_CENTS = 0;

  /**
   * Rule 22: the host the printed invoices' AEAT QR points to — `test` (AEAT's pre-production
   * `prewww2.aeat.es`, the default while invoices carry a test NIF) or `production`.
   */
  @IsIn(['test', 'production'])
  VERIFACTU_QR_ENVIRONMENT: 'test' | 'production' = 'test';

  /**
   * Rule 22, VERI*FACTU: AEAT's SuministroLR service the chain records are sent to (test:
   * `https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP`). Without it,
   * or without a certificate, nothing is sent: the records wait as pending in the outbox.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https:\/\//, { message: 'VERIFACTU_ENDPOINT must be an https:// URL' })
  VERIFACTU_ENDPOINT?: string;

  /** The issuer's (or its representative's) certificate, PKCS#12 (`.p12`/`.pfx`)… */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  VERIFACTU_CERT_PATH?: string;

  /** …and its password. */
  @IsOptional()
  @IsString()
  VERIFACTU_CERT_PASSWORD?: string;

  /** Or the certificate and its private key as PEM files (instead of VERIFACTU_CERT_PATH). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  VERIFACTU_CERT_PEM_PATH?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  VERIFACTU_KEY_PEM_PATH?: string;

  /** Certificate authorities (PEM) trusted for the endpoint instead of the system's: tests. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  VERIFACTU_CA_PATH?: string;

  /** How long one submission waits for AEAT's answer before it counts as failed (retried). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30_000 : Number(value)))
  @IsInt()
  @Min(100)
  @Max(600_000)
  VERIFACTU_TIMEOUT_MS = 30_000;

  /** How often the API process looks for records to send (when configured). */
  @Transform(({ value }) => (value === undefined || value === '' ? 60_000 : Number(value)))
  @IsInt()
  @Min(50)
  VERIFACTU_SUBMIT_INTERVAL_MS = 60_000;

  /** The first wait before a failed submission is sent again; it doubles up to 1 hour. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60_000 : Number(value)))
  @IsInt()
  @Min(1)
  VERIFACTU_RETRY_INITIAL_MS = 60_000;

  /** `SistemaInformatico`: the invoicing software's producer, name, id, version, installation. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  VERIFACTU_SOFTWARE_PRODUCER_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[0-9A-Z]{9}$/, {
    message: 'VERIFACTU_SOFTWARE_PRODUCER_NIF must be a NIF (9 characters)',
  })
  VERIFACTU_SOFTWARE_PRODUCER_NIF?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^.{1,30}$/, { message: 'VERIFACTU_SOFTWARE_NAME takes at most 30 characters' })
  VERIFACTU_SOFTWARE_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^.{1,2}$/, { message: 'VERIFACTU_SOFTWARE_ID takes at most 2 characters' })
  VERIFACTU_SOFTWARE_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^.{1,50}$/, { message: 'VERIFACTU_SOFTWARE_VERSION takes at most 50 characters' })
  VERIFACTU_SOFTWARE_VERSION?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^.{1,100}$/, {
    message: 'VERIFACTU_INSTALLATION_NUMBER takes at most 100 characters',
  })
  VERIFACTU_INSTALLATION_NUMBER?: string;

  /**
   * Rule 26: the key portal tokens are signed with (HMAC-SHA256), 32+ characters. Unset: a
   * random one generated once and kept in DATA_DIR/portal-token-secret (in memory with an
   * in-memory DATA_DIR). Set it when several API processes share the portal.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\S{32,}$/, { message: 'PORTAL_TOKEN_SECRET takes 32 or more non-blank characters' })
  PORTAL_TOKEN_SECRET?: string;

  /** How long a portal token opens the customer's invoices and account, in seconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 900 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(86_400)
  PORTAL_TOKEN_TTL_SECONDS = 900;
  /** Rule 25: e-mail through this SMTP server (`smtp://` or `smtps://`); unset → `.eml` files. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every e-mail (`From`). */
  @Transform(({ value }) =>
    value === undefined || value === '' ? 'Facturación <facturacion@localhost>' : value,
  )
  @Matches(/^.{3,200}$/, { message: 'SMTP_FROM takes 3 to 200 characters' })
  SMTP_FROM = 'Facturación <facturacion@localhost>';

  /** SMS through this HTTP gateway (POST JSON `{ to, text, idempotencyKey }`); unset → files. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'SMS_GATEWAY_URL must be an http(s):// URL' })
  SMS_GATEWAY_URL?: string;

  /** How often the API process queues new messages and delivers those due; 0: never here. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5_000 : Number(value)))
  @IsInt()
  @Min(0)
  SENDS_INTERVAL_MS = 5_000;

  /** Attempts per message before it is given up (`failed`). */
  @Transform(({ value }) => (value === undefined || value === '' ? 8 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  SENDS_MAX_ATTEMPTS = 8;

  /** The wait after a message's first failed attempt; it doubles, at most `SENDS_RETRY_MAX_MS`. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60_000 : Number(value)))
  @IsInt()
  @Min(1)
  SENDS_RETRY_INITIAL_MS = 60_000;

  @Transform(({ value }) => (value === undefined || value === '' ? 3_600_000 : Number(value)))
  @IsInt()
  @Min(1)
  SENDS_RETRY_MAX_MS = 3_600_000;

  /** An event older than this (hours) when the sends reach it sends nothing; 0: no limit. */
  @Transform(({ value }) => (value === undefined || value === '' ? 168 : Number(value)))
  @IsInt()
  @Min(0)
  SENDS_MAX_EVENT_AGE_HOURS = 168;

  /** How long a claimed message is its worker's before another may send it again. */
  @Transform(({ value }) => (value === undefined || value === '' ? 300_000 : Number(value)))
  @IsInt()
  @Min(1)
  SENDS_LEASE_MS = 300_000;

  /** Largest attachment or customer image accepted (bytes); beyond it, 413. Default 64 MiB. */
  @Transform(({ value }) => (value === undefined || value === '' ? 67_108_864 : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(5_368_709_120)
  ATTACHMENT_MAX_BYTES = 67_108_864;

  /**
   * Where attachments' bytes live: `fs` (default), a content-addressed folder
   * `BLOB_DIR` (default `DATA_DIR/blobs`; a temporary folder with an in-memory DATA_DIR), or
   * `s3`, an S3-compatible bucket (`S3_BUCKET`, `S3_ENDPOINT`, `S3_REGION`,
   * `S3_FORCE_PATH_STYLE`; credentials the AWS SDK's usual way).
   */
  @IsIn(['fs', 's3'])
  BLOB_STORE: 'fs' | 's3' = 'fs';

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  BLOB_DIR?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'S3_REGION must be a region name (eu-west-1)' })
  S3_REGION?: string;

  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** How often the API process deletes the blobs of erased customers; 0: never here. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5_000 : Number(value)))
  @IsInt()
  @Min(0)
  ATTACHMENT_ERASURE_INTERVAL_MS = 5_000;
}

export function validateAppConfig(raw: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  }
  try {
    parseDunningPolicy(config.DUNNING_POLICY);
  } catch (error) {
    throw new Error(`Invalid configuration:\n - DUNNING_POLICY: ${(error as Error).message}`);
  }
  if (config.ISSUER_NIF !== undefined) {
    const problems: RefusalReason[] = [];
    config.ISSUER_NIF = checkNif(config.ISSUER_NIF, problems);
    if (problems.length > 0)
      throw new Error(`Invalid configuration:\n - ISSUER_NIF: ${problems[0].message}`);
  }
  if (config.VERIFACTU_CERT_PATH !== undefined && config.VERIFACTU_CERT_PEM_PATH !== undefined)
    throw new Error(
      'Invalid configuration:\n - name one VERIFACTU certificate: VERIFACTU_CERT_PATH (PKCS#12) or VERIFACTU_CERT_PEM_PATH with VERIFACTU_KEY_PEM_PATH',
    );
  if (
    (config.VERIFACTU_CERT_PEM_PATH === undefined) !==
    (config.VERIFACTU_KEY_PEM_PATH === undefined)
  )
    throw new Error(
      'Invalid configuration:\n - VERIFACTU_CERT_PEM_PATH and VERIFACTU_KEY_PEM_PATH go together',
    );
  if (config.BLOB_STORE === 's3' && config.S3_BUCKET === undefined)
    throw new Error('Invalid configuration:\n - BLOB_STORE=s3 needs S3_BUCKET');
  return config;
}
