import { DomainError } from '../../shared/domain-error';
import { RegeneratePortalPassword } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { PortalPasswordRegenerated } from '../customer.events';
import { RegisteredCustomer } from '../customer.state';

/** The form of a salted scrypt hash: `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
const SALTED_SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;

/**
 * Rule 26: a new portal password, on request. The customer logs in with its contact e-mail,
 * so one without it is refused; the decision sees only the salted hash (anything else is
 * refused, so a clear password can never be written by mistake). Inactive customers keep
 * their access: they still read their invoices and what they owe.
 */
export function regeneratePortalPassword(
  command: RegeneratePortalPassword,
  customer: RegisteredCustomer,
): PortalPasswordRegenerated[] {
  const { regenerationId, passwordHash } = command.data;
  if (customer.profile.email === null)
    throw new DomainError(
      CustomerRefusal.portalWithoutEmail,
      `Customer ${customer.customerId} has no contact e-mail: the portal is entered with it and the password is sent to it. Give the customer an e-mail first.`,
    );
  if (!SALTED_SCRYPT_HASH.test(passwordHash))
    throw DomainError.fromReasons([
      {
        code: CustomerRefusal.invalidInput,
        field: 'passwordHash',
        message: 'Only a salted scrypt hash (scrypt$N$r$p$salt$hash) of the password is kept.',
      },
    ]);
  const data = {
    customerId: customer.customerId,
    regenerationId,
    passwordHash,
    regeneratedAt: command.metadata.at,
  };
  return [{ type: 'PortalPasswordRegenerated', data }];
}
