import { CommandMeta } from '../shared/decider';
import { DomainError, RefusalReason } from '../shared/domain-error';
import { RuleCode } from '../shared/rule-codes';
import { BILLING_FIELDS, BillingSettingsInput } from './customer.billing';
import { CatalogLinks } from './customer.catalog-links';
import { ChangeBillingSettings, EditCustomer } from './customer.commands';
import { decideCustomer } from './customer.decider';
import { evolveCustomer } from './customer.evolve';
import { CustomerEvent } from './customer.events';
import { CustomerProfilePatch } from './customer.profile-patch';
import { CustomerState } from './customer.state';

/**
 * What "Actualización masiva" may set on many customers at once: grouping fields and the
 * billing tab. Names, e-mails, documents and codes identify one customer (and two of them must
 * be unique), so they are edited one customer at a time.
 */
const BULK_PROFILE_FIELDS = ['zone', 'seller', 'collector', 'observations'] as const;
/** The IBAN, the tax id and the e-mails to notify identify one customer: never set in bulk. */
const ONE_CUSTOMER_BILLING_FIELDS = ['iban', 'taxId', 'notifyEmails'] as const;
export const BULK_UPDATABLE_FIELDS: readonly string[] = [
  ...BULK_PROFILE_FIELDS,
  ...BILLING_FIELDS.filter(
    (field) => !(ONE_CUSTOMER_BILLING_FIELDS as readonly string[]).includes(field),
  ),
];

/**
 * The fields to set, and (rule 28) the catalog entries the zone, seller and collector name:
 * resolved by the application layer when the operation starts, so every customer is linked to
 * the entry by id as a single edit links it. Operations recorded before catalogs carry none.
 */
export type BulkCustomerChanges = Pick<CustomerProfilePatch, (typeof BULK_PROFILE_FIELDS)[number]> &
  Omit<BillingSettingsInput, (typeof ONE_CUSTOMER_BILLING_FIELDS)[number]> & {
    catalogLinks?: CatalogLinks;
  };

export interface BulkUpdateTarget {
  id: string;
  state: CustomerState;
}

/** The events to append to one customer's stream; empty when it already had the values. */
export interface BulkUpdateDecision {
  customerId: string;
  events: CustomerEvent[];
}

/**
 * Rule R14: the same changes on many customers, each customer getting its own events tagged
 * with the operation's id. All or nothing: if any customer would break a rule the whole
 * operation is refused, listing every failing customer and rule, and nothing is written.
 */
export function decideBulkUpdate(
  targets: readonly BulkUpdateTarget[],
  changes: BulkCustomerChanges,
  bulkOperationId: string,
  meta: CommandMeta,
): BulkUpdateDecision[] {
  refuseFieldsOutsideBulk(changes, bulkOperationId);
  const outcomes = uniqueTargets(targets).map((target) =>
    decideFor(target, changes, bulkOperationId, meta),
  );
  const reasons = outcomes.flatMap((outcome) => outcome.reasons);
  if (reasons.length > 0) {
    const failing = outcomes.filter((outcome) => outcome.reasons.length > 0).length;
    throw new DomainError(
      RuleCode.bulkUpdate,
      `Bulk update ${bulkOperationId} was refused: ${failing} of ${outcomes.length} customers would break a rule, so none was changed. Fix or deselect them and retry.`,
      reasons,
    );
  }
  return outcomes.map(({ customerId, events }) => ({ customerId, events }));
}

function decideFor(
  target: BulkUpdateTarget,
  changes: BulkCustomerChanges,
  bulkOperationId: string,
  metadata: CommandMeta,
) {
  const customerId = target.id;
  const common = { customerId, bulkOperationId };
  const profile: EditCustomer['data'] = { ...common };
  for (const field of BULK_PROFILE_FIELDS) profile[field] = changes[field];
  if (changes.catalogLinks) profile.catalogLinks = changes.catalogLinks;
  const {
    zone: _z,
    seller: _s,
    collector: _c,
    observations: _o,
    catalogLinks: _l,
    ...billing
  } = changes;
  try {
    const edited = decideCustomer({ type: 'EditCustomer', data: profile, metadata }, target.state);
    const state = edited.reduce(evolveCustomer, target.state);
    const billingCommand: ChangeBillingSettings = {
      type: 'ChangeBillingSettings',
      data: { ...common, ...billing },
      metadata,
    };
    const events = [...edited, ...decideCustomer(billingCommand, state)];
    return { customerId, events, reasons: [] as RefusalReason[] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { customerId, events: [], reasons: reasonsAbout(customerId, error) };
  }
}

function reasonsAbout(customerId: string, error: DomainError): RefusalReason[] {
  const reasons = error.details ?? [{ code: error.code, message: error.message }];
  return reasons.map((reason) => ({
    ...reason,
    target: customerId,
    message: reason.message.includes(customerId)
      ? reason.message
      : `Customer ${customerId}: ${reason.message}`,
  }));
}

function refuseFieldsOutsideBulk(changes: BulkCustomerChanges, bulkOperationId: string): void {
  const { catalogLinks: _links, ...fields } = changes;
  const reasons = Object.entries(fields)
    .filter(([field, value]) => value !== undefined && !BULK_UPDATABLE_FIELDS.includes(field))
    .map(([field]) => field)
    .map((field) => ({
      code: RuleCode.bulkUpdate,
      field,
      message: `"${field}" cannot be changed in bulk; bulk updates may set ${BULK_UPDATABLE_FIELDS.join(', ')}.`,
    }));
  if (reasons.length > 0)
    throw new DomainError(
      RuleCode.bulkUpdate,
      `Bulk update ${bulkOperationId} asks for fields it cannot change.`,
      reasons,
    );
}

/** Selecting a customer twice in the list still updates it once. */
function uniqueTargets(targets: readonly BulkUpdateTarget[]): BulkUpdateTarget[] {
  const byId = new Map<string, BulkUpdateTarget>();
  for (const target of targets) if (!byId.has(target.id)) byId.set(target.id, target);
  return [...byId.values()];
}
