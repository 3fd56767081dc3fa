import { PortalCredentialRow } from './portal-credential.entity';
import { isUuid, managerOf, ReadModelSource } from '../customers/read-model-source';

/** Who may log in to the portal with an e-mail: the customer and its current password hash. */
export interface PortalLogin {
  customerId: string;
  passwordHash: string;
  regenerationId: string;
}

/**
 * The credentials of the customer whose contact e-mail is `email` (any case; the file holds
 * it once per customer, rule R2), if it is not deleted and has a portal password; else null.
 */
export async function portalLoginByEmail(
  source: ReadModelSource,
  email: string,
): Promise<PortalLogin | null> {
  const rows: { customer_id: string; password_hash: string; regeneration_id: string }[] =
    await managerOf(source).query(
      `SELECT c.customer_id, c.password_hash, c.regeneration_id
         FROM portal_credentials c
         JOIN customer_file f ON f.id = c.customer_id
        WHERE lower(f.email) = lower($1) AND f.status <> 'deleted'
        LIMIT 1`,
      [email.trim()],
    );
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    customerId: row.customer_id,
    passwordHash: row.password_hash,
    regenerationId: row.regeneration_id,
  };
}

/** The password a customer's portal token must have been signed for; null: none now. */
export async function currentPortalRegeneration(
  source: ReadModelSource,
  customerId: string,
): Promise<string | null> {
  if (!isUuid(customerId)) return null;
  const row = await managerOf(source)
    .getRepository(PortalCredentialRow)
    .findOne({ where: { customerId }, select: { regenerationId: true } });
  return row?.regenerationId ?? null;
}
