import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { Email } from '../../values/email';
import { AddContactPerson, RemoveContactPerson } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { ContactPersonAdded, ContactPersonRemoved } from '../customer.events';
import { optionalText } from '../customer.profile-patch';
import { RegisteredCustomer } from '../customer.state';

export function addContactPerson(
  command: AddContactPerson,
  customer: RegisteredCustomer,
): ContactPersonAdded[] {
  const { contactId, consents = {} } = command.data;
  if (customer.contacts.some((contact) => contact.contactId === contactId))
    throw new DomainError(
      CustomerRefusal.contactAlreadyAdded,
      `Contact ${contactId} is already on customer ${customer.customerId}; use a new id for another contact.`,
    );
  const problems: RefusalReason[] = [];
  const name = optionalText(command.data.name);
  if (name === null)
    problems.push({
      code: CustomerRefusal.invalidInput,
      field: 'name',
      message: 'A contact person needs a name.',
    });
  const email = optionalText(command.data.email);
  const checkedEmail = email === null ? null : Email.check(email, 'email');
  if (checkedEmail && !checkedEmail.ok) problems.push(checkedEmail.reason);
  refuseIfAny(problems);
  const data = {
    customerId: customer.customerId,
    contactId,
    name: name as string,
    role: optionalText(command.data.role),
    email: checkedEmail?.ok ? checkedEmail.value.value : null,
    phone: optionalText(command.data.phone),
    // Consent must be given explicitly (GDPR): anything not said is a no.
    consents: {
      mailing: consents.mailing === true,
      email: consents.email === true,
      sms: consents.sms === true,
    },
  };
  return [{ type: 'ContactPersonAdded', data }];
}

export function removeContactPerson(
  command: RemoveContactPerson,
  customer: RegisteredCustomer,
): ContactPersonRemoved[] {
  const { contactId } = command.data;
  if (!customer.contacts.some((contact) => contact.contactId === contactId))
    throw new DomainError(
      CustomerRefusal.contactNotFound,
      `Customer ${customer.customerId} has no contact person ${contactId}; it may have been removed already.`,
    );
  return [{ type: 'ContactPersonRemoved', data: { customerId: customer.customerId, contactId } }];
}
