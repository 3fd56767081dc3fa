import { assertNever, Decider } from '../shared/decider';
import { CustomerCommand } from './customer.commands';
import { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { CustomerState, initialCustomerState } from './customer.state';
import { addAddress, editAddress, removeAddress } from './decisions/addresses';
import { changeBillingSettings } from './decisions/change-billing-settings';
import { addContactPerson, editContactPerson, removeContactPerson } from './decisions/contacts';
import {
  changeCustomerEmail,
  editCustomer,
  linkCustomerCatalogs,
  renameCustomer,
} from './decisions/edit-profile';
import { deactivateCustomer, deleteCustomer, reactivateCustomer } from './decisions/lifecycle';
import { erasePersonalData } from './decisions/erase-personal-data';
import { recordInteraction } from './decisions/record-interaction';
import { editInterest, recordInterest, removeInterest } from './decisions/interests';
import { registerCustomer } from './decisions/register-customer';
import { regeneratePortalPassword } from './decisions/regenerate-portal-password';
import { requireRegistered } from './decisions/require-registered';

/** Turns a customer command into events, or throws a `DomainError` naming the rule it breaks. */
export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  assertSameCustomer(command, state);
  if (command.type === 'RegisterCustomer') return registerCustomer(command, state);
  // Erasure also applies to a deleted customer: its events still hold its personal data.
  if (command.type === 'EraseCustomerPersonalData') return erasePersonalData(command, state);
  const customer = requireRegistered(state, command.data.customerId);
  switch (command.type) {
    case 'EditCustomer':
      return editCustomer(command, customer);
    case 'LinkCustomerCatalogs':
      return linkCustomerCatalogs(command, customer);
    case 'RenameCustomer':
      return renameCustomer(command, customer);
    case 'ChangeCustomerEmail':
      return changeCustomerEmail(command, customer);
    case 'ChangeBillingSettings':
      return changeBillingSettings(command, customer);
    case 'AddAddress':
      return addAddress(command, customer);
    case 'EditAddress':
      return editAddress(command, customer);
    case 'RemoveAddress':
      return removeAddress(command, customer);
    case 'AddContactPerson':
      return addContactPerson(command, customer);
    case 'EditContactPerson':
      return editContactPerson(command, customer);
    case 'RemoveContactPerson':
      return removeContactPerson(command, customer);
    case 'RecordInteraction':
      return recordInteraction(command, customer);
    case 'RecordInterest':
      return recordInterest(command, customer);
    case 'EditInterest':
      return editInterest(command, customer);
    case 'RemoveInterest':
      return removeInterest(command, customer);
    case 'DeactivateCustomer':
      return deactivateCustomer(command, customer);
    case 'ReactivateCustomer':
      return reactivateCustomer(command, customer);
    case 'DeleteCustomer':
      return deleteCustomer(command, customer);
    case 'RegeneratePortalPassword':
      return regeneratePortalPassword(command, customer);
    default:
      return assertNever(command, 'customer command');
  }
}

// The decider's three parts under the names every aggregate uses (ARCHITECTURE.md, rule 1);
// the library index exports them under customer-specific names so aggregates do not clash.
export const initialState = initialCustomerState;
export const evolve = evolveCustomer;
export const decide = decideCustomer;

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState,
  evolve,
  decide,
};

/** A command routed to another customer's stream is a wiring bug, not a business refusal. */
function assertSameCustomer(command: CustomerCommand, state: CustomerState): void {
  if (state.status === 'unregistered' || state.customerId === command.data.customerId) return;
  throw new Error(
    `Command ${command.type} for customer ${command.data.customerId} was decided on the state of customer ${state.customerId}`,
  );
}
