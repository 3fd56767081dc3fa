import { randomBytes, randomInt, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/** Letters and digits a person cannot mistake for one another (no 0/O, 1/l/I). */
const UNAMBIGUOUS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const PORTAL_PASSWORD_LENGTH = 14;

/** scrypt's cost (N, r, p), a 16-byte salt and a 32-byte key: OWASP's minimum for scrypt. */
const PARAMETERS = { N: 16_384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Room for the largest cost a stored hash may name (128 · N · r bytes, twice over). */
const MAX_MEMORY = 64 * 1024 * 1024;

/** A new portal password: 14 characters of the unambiguous alphabet, from the CSPRNG. */
export function generatePortalPassword(): string {
  return Array.from(
    { length: PORTAL_PASSWORD_LENGTH },
    () => UNAMBIGUOUS[randomInt(UNAMBIGUOUS.length)],
  ).join('');
}

/** The salted hash kept of a password: `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPortalPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMETERS);
  const { N, r, p } = PARAMETERS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `password` is the one `hash` was made of, compared in constant time. A malformed
 * hash (or none: pass `null` for an unknown e-mail) is checked against a dummy of the same
 * cost, so the answer takes as long whether or not the e-mail has a password.
 */
export async function verifyPortalPassword(
  password: string,
  hash: string | null,
): Promise<boolean> {
  const parsed = hash === null ? null : parse(hash);
  const { parameters, salt, key } = parsed ?? (await dummy());
  const candidate = await derive(password, salt, parameters);
  return timingSafeEqual(candidate, key) && parsed !== null;
}

interface ParsedHash {
  parameters: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function parse(hash: string): ParsedHash | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  const sane =
    [N, r, p].every(Number.isSafeInteger) &&
    N > 1 &&
    (N & (N - 1)) === 0 &&
    128 * N * r * 2 <= MAX_MEMORY &&
    p >= 1 &&
    p <= 16 &&
    salt.length >= SALT_BYTES &&
    key.length === KEY_BYTES;
  return sane ? { parameters: { N, r, p }, salt, key } : null;
}

let dummyHash: Promise<ParsedHash> | undefined;
/** A hash of a random password nobody knows, made once per process. */
const dummy = (): Promise<ParsedHash> =>
  (dummyHash ??= hashPortalPassword(randomBytes(32).toString('base64url')).then((hash) =>
    parse(hash)!,
  ));

function derive(password: string, salt: Buffer, { N, r, p }: ParsedHash['parameters']) {
  const options: ScryptOptions = { N, r, p, maxmem: MAX_MEMORY };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
