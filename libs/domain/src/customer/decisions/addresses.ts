import { DomainError } from '../../shared/domain-error';
import { addressEntryChanges } from '../customer.addresses-and-contacts';
import { AddAddress, EditAddress, RemoveAddress } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { AddressAdded, AddressEdited, AddressRemoved } from '../customer.events';
import { EMPTY_ADDRESS } from '../customer.profile';
import { optionalText, patchAddress } from '../customer.profile-patch';
import { RegisteredCustomer } from '../customer.state';

export function addAddress(command: AddAddress, customer: RegisteredCustomer): AddressAdded[] {
  const { addressId, label } = command.data;
  if (customer.addresses.some((entry) => entry.addressId === addressId))
    throw new DomainError(
      CustomerRefusal.addressAlreadyAdded,
      `Address ${addressId} is already on customer ${customer.customerId}; use a new id for another address.`,
    );
  const address = patchAddress(EMPTY_ADDRESS, command.data.address);
  if (address.street === null)
    throw DomainError.fromReasons([
      {
        code: CustomerRefusal.invalidInput,
        field: 'address.street',
        message: 'An address needs at least a street.',
      },
    ]);
  const data = { customerId: customer.customerId, addressId, label: optionalText(label), address };
  return [{ type: 'AddressAdded', data }];
}

export function removeAddress(
  command: RemoveAddress,
  customer: RegisteredCustomer,
): AddressRemoved[] {
  const { addressId } = command.data;
  if (!customer.addresses.some((entry) => entry.addressId === addressId))
    throw new DomainError(
      CustomerRefusal.addressNotFound,
      `Customer ${customer.customerId} has no address ${addressId}; it may have been removed already.`,
    );
  return [{ type: 'AddressRemoved', data: { customerId: customer.customerId, addressId } }];
}

/** Fields left out keep their value; an edit that changes nothing writes nothing. */
export function editAddress(command: EditAddress, customer: RegisteredCustomer): AddressEdited[] {
  const { addressId, label } = command.data;
  const entry = customer.addresses.find((candidate) => candidate.addressId === addressId);
  if (!entry)
    throw new DomainError(
      CustomerRefusal.addressNotFound,
      `Customer ${customer.customerId} has no address ${addressId}; it may have been removed.`,
    );
  const edited = {
    addressId,
    label: label === undefined ? entry.label : optionalText(label),
    address: patchAddress(entry.address, command.data.address),
  };
  if (edited.address.street === null)
    throw DomainError.fromReasons([
      {
        code: CustomerRefusal.invalidInput,
        field: 'address.street',
        message: 'An address needs at least a street.',
      },
    ]);
  const changes = addressEntryChanges(entry, edited);
  if (changes.length === 0) return [];
  return [{ type: 'AddressEdited', data: { customerId: customer.customerId, addressId, changes } }];
}
