import { refuseIfAny } from '../../shared/domain-error';
import { billingChanges, patchBillingSettings } from '../customer.billing';
import { ChangeBillingSettings } from '../customer.commands';
import { CustomerBillingSettingsChanged } from '../customer.events';
import { RegisteredCustomer } from '../customer.state';
import { bulkTag } from './bulk-tag';

export function changeBillingSettings(
  command: ChangeBillingSettings,
  customer: RegisteredCustomer,
): CustomerBillingSettingsChanged[] {
  const { customerId: _customerId, bulkOperationId, ...input } = command.data;
  const { settings, problems } = patchBillingSettings(customer.billing, input);
  refuseIfAny(problems);
  const changes = billingChanges(customer.billing, settings);
  if (changes.length === 0) return [];
  const data = { customerId: customer.customerId, settings, changes, ...bulkTag(bulkOperationId) };
  return [{ type: 'CustomerBillingSettingsChanged', data }];
}
