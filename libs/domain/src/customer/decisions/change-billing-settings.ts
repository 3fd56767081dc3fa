import { RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { BillingSettings } from '../customer.billing';
import { BillingIssuerFacts } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { billingChanges, patchBillingSettings } from '../customer.billing';
import { ChangeBillingSettings } from '../customer.commands';
import { CustomerBillingSettingsChanged } from '../customer.events';
import { RegisteredCustomer } from '../customer.state';
import { bulkTag } from './bulk-tag';

export function changeBillingSettings(
  command: ChangeBillingSettings,
  customer: RegisteredCustomer,
): CustomerBillingSettingsChanged[] {
  const { customerId: _customerId, bulkOperationId, issuerFacts, ...input } = command.data;
  const { settings, problems } = patchBillingSettings(customer.billing, input);
  refuseIfAny([...problems, ...issuerProblems(settings, issuerFacts)]);
  const changes = billingChanges(customer.billing, settings);
  if (changes.length === 0) return [];
  const data = { customerId: customer.customerId, settings, changes, ...bulkTag(bulkOperationId) };
  return [{ type: 'CustomerBillingSettingsChanged', data }];
}

/**
 * Rule 21: a customer names an issuer that exists, and its invoice series, if another issuer
 * owns it, cannot be invoiced by this one (each series belongs to one issuer).
 */
function issuerProblems(
  settings: BillingSettings,
  facts: BillingIssuerFacts | undefined,
): RefusalReason[] {
  if (facts === undefined || settings.issuerId === null) return [];
  if (!facts.issuerKnown)
    return [
      {
        code: CustomerRefusal.unknownIssuer,
        field: 'issuerId',
        message: `No issuer ${settings.issuerId}: name one of GET /issuers, or none for the issuer of the series.`,
      },
    ];
  if (facts.seriesOwner !== null && facts.seriesOwner !== settings.issuerId)
    return [
      {
        code: CustomerRefusal.seriesOfAnotherIssuer,
        field: 'invoiceSeries',
        message: `Series ${settings.invoiceSeries} belongs to issuer ${facts.seriesOwner}, not to ${settings.issuerId}: each series belongs to one issuer (rule 21).`,
      },
    ];
  return [];
}
