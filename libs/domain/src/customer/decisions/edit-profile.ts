import { refuseIfAny } from '../../shared/domain-error';
import { ChangeCustomerEmail, EditCustomer, RenameCustomer } from '../customer.commands';
import { detailChanges } from '../customer.detail-fields';
import { CustomerEvent } from '../customer.events';
import { NAME_FIELDS, personNameOf } from '../customer.profile';
import { CustomerProfilePatch, patchProfile } from '../customer.profile-patch';
import { RegisteredCustomer } from '../customer.state';
import { bulkTag } from './bulk-tag';

export function editCustomer(command: EditCustomer, customer: RegisteredCustomer): CustomerEvent[] {
  const { customerId: _customerId, bulkOperationId, ...patch } = command.data;
  return profileEditEvents(customer, patch, bulkOperationId);
}

export function renameCustomer(
  command: RenameCustomer,
  customer: RegisteredCustomer,
): CustomerEvent[] {
  const patch: CustomerProfilePatch = { personType: command.data.personType };
  for (const field of NAME_FIELDS) patch[field] = command.data[field];
  return profileEditEvents(customer, patch);
}

export function changeCustomerEmail(
  command: ChangeCustomerEmail,
  customer: RegisteredCustomer,
): CustomerEvent[] {
  return profileEditEvents(customer, { email: command.data.email });
}

/**
 * One edit may rename, change the e-mail and edit details at once: each gets its own event, so
 * the history and the uniqueness checks can tell them apart. What did not change emits nothing.
 */
export function profileEditEvents(
  customer: RegisteredCustomer,
  patch: CustomerProfilePatch,
  bulkOperationId?: string,
): CustomerEvent[] {
  const { profile: after, problems } = patchProfile(customer.profile, patch);
  refuseIfAny(problems);
  const { customerId, profile: before } = customer;
  const bulk = bulkTag(bulkOperationId);
  const events: CustomerEvent[] = [];
  const [nameBefore, nameAfter] = [personNameOf(before), personNameOf(after)];
  if (JSON.stringify(nameBefore) !== JSON.stringify(nameAfter))
    events.push({
      type: 'CustomerRenamed',
      data: { customerId, before: nameBefore, after: nameAfter, ...bulk },
    });
  if (before.email !== after.email)
    events.push({
      type: 'CustomerEmailChanged',
      data: { customerId, before: before.email, after: after.email, ...bulk },
    });
  const changes = detailChanges(before, after);
  if (changes.length > 0)
    events.push({ type: 'CustomerDetailsEdited', data: { customerId, changes, ...bulk } });
  return events;
}
