import { DomainError, refuseIfAny } from '../../shared/domain-error';
import { RegisterCustomer } from '../customer.commands';
import { customerDeleted, CustomerRefusal } from '../customer.errors';
import { CustomerRegistered } from '../customer.events';
import { EMPTY_PROFILE } from '../customer.profile';
import { patchProfile } from '../customer.profile-patch';
import { CustomerState } from '../customer.state';
import { changedCatalogLinks } from '../customer.catalog-links';

export function registerCustomer(
  command: RegisterCustomer,
  state: CustomerState,
): CustomerRegistered[] {
  const { customerId } = command.data;
  if (state.status === 'deleted') throw customerDeleted(customerId, state.deletedAt);
  if (state.status !== 'unregistered')
    throw new DomainError(
      CustomerRefusal.alreadyRegistered,
      `Customer ${customerId} is already registered; edit it instead of registering it again.`,
    );
  // The form defaults to `other`; naming it here makes R1 always judge the registered name.
  const { catalogLinks: given, ...data } = command.data;
  const input = { ...data, personType: data.personType ?? 'other' };
  const { profile, problems } = patchProfile(EMPTY_PROFILE, input);
  refuseIfAny(problems);
  const catalogLinks = changedCatalogLinks(undefined, given);
  return [
    {
      type: 'CustomerRegistered',
      data: {
        customerId,
        registeredAt: command.metadata.at,
        ...profile,
        ...(catalogLinks ? { catalogLinks } : {}),
      },
    },
  ];
}
