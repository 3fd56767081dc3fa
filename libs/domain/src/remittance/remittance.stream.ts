/** The remittances of one issuer, in one stream: it knows which mandates have been collected. */
export const remittanceLedgerStream = (issuerId: string): string => `remittances-${issuerId}`;

/** An effect's end-to-end id in a SEPA file: its id without dashes (≤ 35 characters). */
export const endToEndIdOf = (effectId: string): string => effectId.replace(/-/g, '');

/** The effect an end-to-end id leads back to (a UUID's 32 hex digits), or `null`. */
export function effectIdOfEndToEndId(endToEndId: string): string | null {
  const hex = endToEndId.trim().toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
