import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { Email } from '../../values/email';
import { ContactPerson, contactChanges } from '../customer.addresses-and-contacts';
import { AddContactPerson, EditContactPerson, RemoveContactPerson } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { ContactPersonAdded, ContactPersonEdited, ContactPersonRemoved } from '../customer.events';
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

/**
 * Fields left out keep their value (each consent flag too), checked as on `addContactPerson`;
 * an edit that changes nothing writes nothing.
 */
export function editContactPerson(
  command: EditContactPerson,
  customer: RegisteredCustomer,
): ContactPersonEdited[] {
  const { contactId, name, role, email, phone, consents = {} } = command.data;
  const contact = customer.contacts.find((candidate) => candidate.contactId === contactId);
  if (!contact)
    throw new DomainError(
      CustomerRefusal.contactNotFound,
      `Customer ${customer.customerId} has no contact person ${contactId}; it may have been removed.`,
    );
  const problems: RefusalReason[] = [];
  const editedName = name === undefined ? contact.name : optionalText(name);
  if (editedName === null)
    problems.push({
      code: CustomerRefusal.invalidInput,
      field: 'name',
      message: 'A contact person needs a name.',
    });
  // The kept e-mail was checked when it was given; only a new one is checked here.
  const emailText = email === undefined ? contact.email : optionalText(email);
  const checkedEmail =
    email === undefined || emailText === null ? null : Email.check(emailText, 'email');
  if (checkedEmail && !checkedEmail.ok) problems.push(checkedEmail.reason);
  refuseIfAny(problems);
  const keep = <T>(given: T | undefined, current: T) => (given === undefined ? current : given);
  const edited: ContactPerson = {
    contactId,
    name: editedName as string,
    role: role === undefined ? contact.role : optionalText(role),
    email: checkedEmail === null ? emailText : checkedEmail.ok ? checkedEmail.value.value : null,
    phone: phone === undefined ? contact.phone : optionalText(phone),
    consents: {
      mailing: keep(consents.mailing, contact.consents.mailing) === true,
      email: keep(consents.email, contact.consents.email) === true,
      sms: keep(consents.sms, contact.consents.sms) === true,
    },
  };
  const changes = contactChanges(contact, edited);
  if (changes.length === 0) return [];
  const data = { customerId: customer.customerId, contactId, changes };
  return [{ type: 'ContactPersonEdited', data }];
}
