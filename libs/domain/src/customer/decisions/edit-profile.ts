import { refuseIfAny } from '../../shared/domain-error';
import {
  ChangeCustomerEmail,
  EditCustomer,
  LinkCustomerCatalogs,
  RenameCustomer,
} from '../customer.commands';
import { changedCatalogLinks } from '../customer.catalog-links';
import { detailChanges } from '../customer.detail-fields';
import { CustomerDetailsEdited, CustomerEvent } from '../customer.events';
import { NAME_FIELDS, personNameOf } from '../customer.profile';
import { CustomerProfilePatch, patchProfile } from '../customer.profile-patch';
import { RegisteredCustomer } from '../customer.state';
import { bulkTag } from './bulk-tag';

export function editCustomer(command: EditCustomer, customer: RegisteredCustomer): CustomerEvent[] {
  const { customerId: _customerId, bulkOperationId, catalogLinks, ...patch } = command.data;
  const events = profileEditEvents(customer, patch, bulkOperationId);
  const links = changedCatalogLinks(customer.catalogLinks, catalogLinks);
  if (!links) return events;
  const edited = events.findIndex((event) => event.type === 'CustomerDetailsEdited');
  if (edited >= 0) {
    const event = events[edited] as CustomerDetailsEdited;
    events[edited] = { ...event, data: { ...event.data, catalogLinks: links } };
    return events;
  }
  const { customerId } = customer;
  return [
    ...events,
    { type: 'CustomerCatalogLinked', data: { customerId, links, linkedAt: command.metadata.at } },
  ];
}

/** Rule 28: the links that change what the customer holds; none, nothing. */
export function linkCustomerCatalogs(
  command: LinkCustomerCatalogs,
  customer: RegisteredCustomer,
): CustomerEvent[] {
  const links = changedCatalogLinks(customer.catalogLinks, command.data.links);
  if (!links) return [];
  const { customerId } = customer;
  return [
    { type: 'CustomerCatalogLinked', data: { customerId, links, linkedAt: command.metadata.at } },
  ];
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
