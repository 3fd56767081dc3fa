import { Iban } from '@app/domain';
import { createHash } from 'node:crypto';

/**
 * Rule R4 compares the customer file's IBAN with each signature's, but views keep IBANs only
 * masked. They keep this instead: the SHA-256 (hex) of the IBAN in electronic format, so the
 * same account typed `es91 2100-0418…` or `ES9121000418…` gives the same fingerprint, and the
 * view still cannot charge or show the number. `null` for no IBAN.
 */
export function ibanFingerprint(iban: string | null): string | null {
  if (iban === null) return null;
  const normalized = Iban.normalize(iban);
  return normalized === '' ? null : createHash('sha256').update(normalized).digest('hex');
}
