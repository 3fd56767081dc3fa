import {
  applyAddressEntryChanges,
  applyContactChanges,
  assertNever,
  BillingSettings,
  CatalogLinks,
  CUSTOMER_CATALOG_KINDS,
  CustomerDetailsChange,
  CustomerRegistered,
  DEFAULT_BILLING_SETTINGS,
  displayName,
  EMPTY_ADDRESS,
  erasedAddress,
  erasedContact,
  erasedPersonName,
  maskIban,
  PersonName,
  PostalAddress,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CustomerFileRow, DerivedSearchColumns } from './customer-file.entity';
import { ibanFingerprint } from './iban-fingerprint';
import { RecordedCustomerEvent } from './recorded-customer-event';
import { searchableColumns } from './search-text';

type Columns = Partial<CustomerFileRow>;

/**
 * The customer file after one more event of its stream: pure, so the live projection and a
 * rebuild from the log cannot disagree. `null` in and not a registration: nothing to show.
 */
export function evolveCustomerFile(
  row: CustomerFileRow | null,
  event: RecordedCustomerEvent,
): CustomerFileRow | null {
  if (event.type === 'CustomerRegistered') return searchable(registered(event));
  if (row === null) return null;
  return searchable({ ...row, ...changedColumns(row, event), ...stamp(event) });
}

/** Every row leaves with its search columns recomputed from what it now holds. */
const searchable = (row: Omit<CustomerFileRow, DerivedSearchColumns>): CustomerFileRow => ({
  ...row,
  ...searchableColumns(row),
});

type LaterEvent = Exclude<RecordedCustomerEvent, { type: 'CustomerRegistered' }>;

/** Every event moves the revision, the last-modified time and who did it. */
function stamp(event: RecordedCustomerEvent) {
  return {
    lastRevision: Number(event.revision),
    updatedAt: new Date(event.metadata.occurredAt),
    lastModifiedBy: event.metadata.actor,
  };
}

function changedColumns(row: CustomerFileRow, event: LaterEvent): Columns {
  switch (event.type) {
    case 'CustomerRenamed':
      return nameColumns(event.data.after);
    case 'CustomerEmailChanged':
      return { email: event.data.after };
    case 'CustomerDetailsEdited':
      return {
        ...(Object.assign({}, ...event.data.changes.map(detailColumns)) as Columns),
        ...catalogColumns(event.data.catalogLinks),
      };
    case 'CustomerCatalogLinked':
      return catalogColumns(event.data.links);
    case 'CustomerBillingSettingsChanged':
      return billingColumns(event.data.settings);
    case 'AddressAdded': {
      const { addressId, label, address } = event.data;
      const addresses = [...row.addresses, { addressId, label, address }];
      return { addresses, addressCount: addresses.length };
    }
    case 'AddressEdited': {
      const { addressId, changes } = event.data;
      const addresses = row.addresses.map((entry) =>
        entry.addressId === addressId ? applyAddressEntryChanges(entry, changes) : entry,
      );
      return { addresses };
    }
    case 'AddressRemoved': {
      const addresses = row.addresses.filter((a) => a.addressId !== event.data.addressId);
      return { addresses, addressCount: addresses.length };
    }
    case 'ContactPersonAdded': {
      const { customerId: _customerId, ...contact } = event.data;
      const contacts = [...row.contacts, contact];
      return { contacts, contactCount: contacts.length };
    }
    case 'ContactPersonEdited': {
      const { contactId, changes } = event.data;
      const contacts = row.contacts.map((contact) =>
        contact.contactId === contactId ? applyContactChanges(contact, changes) : contact,
      );
      return { contacts };
    }
    case 'ContactPersonRemoved': {
      const contacts = row.contacts.filter((c) => c.contactId !== event.data.contactId);
      return { contacts, contactCount: contacts.length };
    }
    case 'InteractionRecorded':
      return { interactionCount: row.interactionCount + 1 };
    // Seed 003's interests have their own read model (`customer_interests`).
    case 'InterestRecorded':
    case 'InterestEdited':
    case 'InterestRemoved':
      return {};
    case 'CustomerDeactivated':
      return {
        status: 'inactive',
        deactivatedAt: new Date(event.data.deactivatedAt),
        deactivationReason: event.data.reason,
      };
    case 'CustomerReactivated':
      return { status: 'active', deactivatedAt: null, deactivationReason: null };
    case 'CustomerDeleted':
      // The row stays (status `deleted`): the list can still show it when asked for deleted ones.
      return { status: 'deleted', deletedAt: new Date(event.data.deletedAt) };
    case 'CustomerPersonalDataErased':
      return erasedColumns(row);
    // Rule 26: the portal's credentials have their own read model (`portal_credentials`).
    case 'PortalPasswordRegenerated':
      return {};
    default:
      return assertNever(event, 'customer event');
  }
}

function registered(event: RecordedEvent<'CustomerRegistered', CustomerRegistered['data']>) {
  const { data } = event;
  const file: Omit<CustomerFileRow, DerivedSearchColumns> = {
    id: data.customerId,
    code: data.code,
    status: 'active',
    ...nameColumns(data),
    documentType: data.document?.type ?? null,
    documentNumber: data.document?.number ?? null,
    email: data.email,
    phone: data.phone,
    mobile: data.mobile,
    ...addressColumns(data.address),
    zone: data.zone,
    seller: data.seller,
    collector: data.collector,
    zoneId: null,
    sellerId: null,
    collectorId: null,
    ...catalogColumns(data.catalogLinks),
    observations: data.observations,
    ...billingColumns(DEFAULT_BILLING_SETTINGS),
    addresses: [],
    contacts: [],
    interactionCount: 0,
    addressCount: 0,
    contactCount: 0,
    invoiceCount: 0,
    pendingEffectCount: 0,
    contractCount: 0,
    subscriptionCount: 0,
    unpaidInvoiceCount: 0,
    unpaidBalanceCents: 0,
    availableCreditCents: 0,
    warnings: [],
    deactivatedAt: null,
    deactivationReason: null,
    deletedAt: null,
    createdAt: new Date(event.metadata.occurredAt),
    ...stamp(event),
  };
  return file;
}

/**
 * Rule 28: the entries linked, by id, shown by their name (kept current by the entry's renames,
 * `customer-file.projection.ts`); an unlinked kind clears its id and keeps its text.
 */
function catalogColumns(links: CatalogLinks | undefined): Columns {
  const columns: Columns = {};
  for (const kind of CUSTOMER_CATALOG_KINDS) {
    const link = links?.[kind];
    if (link === undefined) continue;
    columns[`${kind}Id`] = link?.entryId ?? null;
    if (link) columns[kind] = link.name;
  }
  return columns;
}

function nameColumns(name: PersonName) {
  const { personType, givenName, middleName, firstSurname, secondSurname } = name;
  return {
    personType,
    displayName: displayName(name),
    name: name.name,
    givenName,
    middleName,
    firstSurname,
    secondSurname,
  };
}

function addressColumns(address: PostalAddress) {
  const { street, city, neighbourhood, province, postalCode, country } = address;
  return { street, city, neighbourhood, province, postalCode, country };
}

/**
 * Rule R4: the file shows the customer's IBAN masked, never in full, and keeps its fingerprint
 * to compare with the contracts' signatures.
 */
function billingColumns(settings: BillingSettings) {
  const { iban, ...rest } = settings;
  return {
    ...rest,
    issuerId: rest.issuerId ?? null,
    notifyEmails: [...rest.notifyEmails],
    maskedIban: iban && maskIban(iban),
    ibanFingerprint: ibanFingerprint(iban),
  };
}

/**
 * Every personal column set to its erased value, whatever it held: the live file and one rebuilt
 * from the log (where the personal fields already read as erased) end up identical.
 */
function erasedColumns(row: CustomerFileRow): Columns {
  return {
    ...nameColumns(erasedPersonName(row.personType as PersonName['personType'])),
    documentType: null,
    documentNumber: null,
    email: null,
    phone: null,
    mobile: null,
    ...addressColumns(EMPTY_ADDRESS),
    observations: null,
    maskedIban: null,
    ibanFingerprint: null,
    taxId: null,
    notifyEmails: [],
    addresses: row.addresses.map(erasedAddress),
    contacts: row.contacts.map(erasedContact),
    deactivationReason: null,
  };
}

function detailColumns(change: CustomerDetailsChange): Columns {
  if (change.field === 'document')
    return {
      documentType: change.after?.type ?? null,
      documentNumber: change.after?.number ?? null,
    };
  if (change.field.startsWith('address.'))
    return { [change.field.slice('address.'.length)]: change.after } as Columns;
  return { [change.field]: change.after } as Columns;
}
