import {
  assertNever,
  CUSTOMER_EVENT_TYPES,
  CUSTOMER_PERSONAL_FIELDS,
  CustomerRegistered,
  detailFieldsOf,
  NAME_FIELDS,
  PersonName,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { HistoryChange } from './customer-history.entity';
import { HistoryEntry, HistorySource } from './history-entry';
import { isRecordedCustomerEvent, RecordedCustomerEvent } from './recorded-customer-event';

/** How the tab names a field when one detail changed alone ("Zone changed"). */
const FIELD_LABELS: Record<string, string> = {
  code: 'Customer code',
  document: 'Document',
  phone: 'Phone',
  mobile: 'Mobile',
  'address.street': 'Street',
  'address.city': 'City',
  'address.neighbourhood': 'Neighbourhood',
  'address.province': 'Province',
  'address.postalCode': 'Postal code',
  'address.country': 'Country',
  zone: 'Zone',
  seller: 'Seller',
  collector: 'Collector',
  observations: 'Observations',
};

/** A customer event's line on its own customer's history tab. */
export function customerHistoryEntryFor(event: RecordedEvent): HistoryEntry | null {
  if (!isRecordedCustomerEvent(event)) return null;
  // Rule 28: linking by id changes nothing the customer's file says (its names stay as chosen).
  if (event.type === 'CustomerCatalogLinked') return null;
  const data: { customerId: string; bulkOperationId?: string } = event.data;
  const { summary, changes } = describe(event);
  return {
    customerId: data.customerId,
    summary,
    changes,
    bulkOperationId: data.bulkOperationId ?? null,
  };
}

export const customerHistorySource: HistorySource = {
  handles: CUSTOMER_EVENT_TYPES,
  historyEntryFor: customerHistoryEntryFor,
};

function describe(event: RecordedCustomerEvent): { summary: string; changes: HistoryChange[] } {
  switch (event.type) {
    case 'CustomerRegistered':
      return { summary: 'Customer registered', changes: registeredFields(event.data) };
    case 'CustomerRenamed':
      return { summary: 'Customer renamed', changes: nameChanges(event.data) };
    case 'CustomerEmailChanged': {
      const { before, after } = event.data;
      return { summary: 'Email changed', changes: [{ field: 'email', before, after }] };
    }
    case 'CustomerDetailsEdited': {
      const { changes } = event.data;
      const summary =
        changes.length === 1
          ? `${FIELD_LABELS[changes[0].field] ?? changes[0].field} changed`
          : `Details changed: ${changes.map((c) => FIELD_LABELS[c.field] ?? c.field).join(', ')}`;
      return { summary, changes };
    }
    case 'CustomerBillingSettingsChanged':
      return { summary: 'Billing settings changed', changes: event.data.changes };
    case 'AddressAdded': {
      const { addressId, label, address } = event.data;
      const after = { addressId, label, ...address };
      return { summary: 'Address added', changes: [{ field: 'addresses', before: null, after }] };
    }
    case 'AddressEdited': {
      // One tab entry, its id beside the changed fields only: erasure keeps the id alone.
      const { addressId, changes } = event.data;
      const side = (pick: 'before' | 'after') => ({
        addressId,
        ...Object.fromEntries(changes.map((change) => [change.field, change[pick]])),
      });
      const change = { field: 'addresses', before: side('before'), after: side('after') };
      return { summary: 'Address edited', changes: [change] };
    }
    case 'AddressRemoved': {
      const before = { addressId: event.data.addressId };
      return { summary: 'Address removed', changes: [{ field: 'addresses', before, after: null }] };
    }
    case 'ContactPersonAdded': {
      const { customerId: _customerId, ...after } = event.data;
      const summary = `Contact person added: ${after.name}`;
      return { summary, changes: [{ field: 'contacts', before: null, after }] };
    }
    case 'ContactPersonEdited': {
      // One tab entry, its id beside the changed fields only: erasure keeps the id alone.
      const { contactId, changes } = event.data;
      const side = (pick: 'before' | 'after') => ({
        contactId,
        ...Object.fromEntries(changes.map((change) => [change.field, change[pick]])),
      });
      const change = { field: 'contacts', before: side('before'), after: side('after') };
      return { summary: 'Contact person edited', changes: [change] };
    }
    case 'ContactPersonRemoved': {
      const before = { contactId: event.data.contactId };
      return {
        summary: 'Contact person removed',
        changes: [{ field: 'contacts', before, after: null }],
      };
    }
    case 'InteractionRecorded': {
      const { interactionId, kind, direction, text } = event.data;
      const after = { interactionId, kind, direction, text };
      const summary = `Interaction recorded: ${kind}`;
      return { summary, changes: [{ field: 'interactions', before: null, after }] };
    }
    case 'InterestRecorded': {
      const { customerId: _customerId, recordedAt: _at, ...after } = event.data;
      const summary = `Interest recorded: ${after.product}`;
      return { summary, changes: [{ field: 'interests', before: null, after }] };
    }
    case 'InterestEdited': {
      // One tab entry, its id beside the changed fields only: erasure keeps what is not personal.
      const { interestId, changes } = event.data;
      const side = (pick: 'before' | 'after') => ({
        interestId,
        ...Object.fromEntries(changes.map((change) => [change.field, change[pick]])),
      });
      const change = { field: 'interests', before: side('before'), after: side('after') };
      return { summary: 'Interest edited', changes: [change] };
    }
    case 'InterestRemoved': {
      const before = { interestId: event.data.interestId };
      return {
        summary: 'Interest removed',
        changes: [{ field: 'interests', before, after: null }],
      };
    }
    case 'CustomerDeactivated': {
      const { reason } = event.data;
      const summary = reason === null ? 'Customer deactivated' : `Customer deactivated: ${reason}`;
      return { summary, changes: [{ field: 'status', before: 'active', after: 'inactive' }] };
    }
    case 'CustomerReactivated':
      return {
        summary: 'Customer reactivated',
        changes: [{ field: 'status', before: 'inactive', after: 'active' }],
      };
    case 'CustomerDeleted':
      // Active or inactive before: the event does not say, so the tab does not guess.
      return {
        summary: 'Customer deleted',
        changes: [{ field: 'status', before: null, after: 'deleted' }],
      };
    case 'CustomerPersonalDataErased':
      return { summary: 'Personal data erased', changes: [] };
    // Rule 26: the line says it happened, never with what: no password, no hash.
    case 'PortalPasswordRegenerated':
      return { summary: 'Portal password regenerated', changes: [] };
    case 'CustomerCatalogLinked':
      return { summary: 'Linked to catalog entries', changes: [] };
    default:
      return assertNever(event, 'customer event');
  }
}

/** Fields whose values are personal data, wherever a history line lists them. */
const PERSONAL_HISTORY_FIELDS = new Set<string>([
  ...NAME_FIELDS,
  'email',
  ...Object.keys(CUSTOMER_PERSONAL_FIELDS.CustomerDetailsEdited?.changeLists?.changes ?? {}),
  ...Object.keys(
    CUSTOMER_PERSONAL_FIELDS.CustomerBillingSettingsChanged?.changeLists?.changes ?? {},
  ),
]);

/** What is left of a tab entry (added address, contact, interaction) once erased: its ids. */
const KEPT_OF_ENTRY: Record<string, readonly string[]> = {
  addresses: ['addressId'],
  contacts: ['contactId', 'consents'],
  interactions: ['interactionId', 'kind', 'direction'],
  interests: ['interestId', 'product', 'tariffId', 'contactId', 'shownOn'],
};

/** Summaries that quote personal text, and what they say once erased. */
const ERASED_SUMMARY: Record<string, string> = {
  ContactPersonAdded: 'Contact person added',
  CustomerDeactivated: 'Customer deactivated',
};

/**
 * A customer-stream history line once the customer's personal data is erased: personal fields
 * dropped, tab entries reduced to their ids. It depends only on what is not personal, so the
 * live tab (rewritten on erasure) and one rebuilt from the log (erased values) are identical.
 */
export function erasedHistoryLine(line: {
  eventType: string;
  summary: string;
  changes: HistoryChange[];
}): { summary: string; changes: HistoryChange[] } {
  const changes = line.changes
    .filter((change) => !PERSONAL_HISTORY_FIELDS.has(change.field))
    .map((change) => {
      const kept = KEPT_OF_ENTRY[change.field];
      if (!kept) return change;
      return {
        field: change.field,
        before: pick(change.before, kept),
        after: pick(change.after, kept),
      };
    });
  return { summary: ERASED_SUMMARY[line.eventType] ?? line.summary, changes };
}

function pick(value: unknown, keys: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => keys.includes(key));
  return Object.fromEntries(entries);
}

/** Registration lists every field it filled in, from nothing. */
function registeredFields(data: CustomerRegistered['data']): HistoryChange[] {
  const fields: Record<string, unknown> = {
    personType: data.personType,
    ...Object.fromEntries(NAME_FIELDS.map((field) => [field, data[field]])),
    email: data.email,
    ...detailFieldsOf(data),
  };
  return Object.entries(fields)
    .filter(([, value]) => value !== null)
    .map(([field, after]) => ({ field, before: null, after }));
}

function nameChanges({ before, after }: { before: PersonName; after: PersonName }) {
  return (['personType', ...NAME_FIELDS] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}
