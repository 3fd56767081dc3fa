import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonalValues } from './personal-data-policy';

/** Where an event's sealed personal values are kept inside its stored `data`. */
export const SEALED_FIELD = '$personal';

/** AES-256-GCM ciphertext of the personal values, bound to the event they belong to. */
export interface SealedPersonalData {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

const ALGORITHM = 'aes-256-gcm';

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/**
 * Seals with a fresh 96-bit IV. The event's id and type are the associated data, so a sealed
 * blob copied into another event does not open.
 */
export function sealPersonalValues(
  key: Buffer,
  values: PersonalValues,
  boundTo: string,
): SealedPersonalData {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(boundTo));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Throws when the key, the blob or the event it is bound to do not match. */
export function openPersonalValues(
  key: Buffer,
  sealed: SealedPersonalData,
  boundTo: string,
): PersonalValues {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'))
    .setAAD(Buffer.from(boundTo))
    .setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as PersonalValues;
}
