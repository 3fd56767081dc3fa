import type { ContactPerson, CustomerAddress, DocumentData, PostalAddress } from '@app/domain';
import { CustomerFileRow, CustomerFileStatus, CustomerWarning } from './customer-file.entity';

/** The billing tab as the file shows it: the IBAN only masked (rule R4). */
export interface CustomerBillingView {
  billingEnabled: boolean;
  paymentMethod: string | null;
  invoiceSeries: string | null;
  billingDay: number;
  maskedIban: string | null;
  taxId: string | null;
  vatRatePercent: number;
  notifyEmails: string[];
  sendInvoiceEmail: boolean;
  sendPaymentEmail: boolean;
  /** Rule 21: the issuer that invoices the customer; null: its series' issuer. */
  issuerId: string | null;
}

/** How many entries each tab of the file holds. */
export interface CustomerTabCounts {
  interactions: number;
  addresses: number;
  contacts: number;
  invoices: number;
  pendingEffects: number;
  contracts: number;
  subscriptions: number;
}

/** Balance and debt, in integer cents. */
export interface CustomerAccountSummary {
  unpaidInvoices: number;
  unpaidBalanceCents: number;
  availableCreditCents: number;
}

/**
 * `GET /customers/:id`: the profile in the shape `POST /customers` takes it, the billing tab,
 * the tabs' contents and counters, the account summary and the warnings.
 */
export interface CustomerFile {
  id: string;
  code: string | null;
  status: CustomerFileStatus;
  personType: string;
  displayName: string;
  name: string | null;
  givenName: string | null;
  middleName: string | null;
  firstSurname: string | null;
  secondSurname: string | null;
  document: DocumentData | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  address: PostalAddress;
  zone: string | null;
  seller: string | null;
  collector: string | null;
  /** Rule 28: the catalog entries chosen, by id (`null`: none, or free text not carried over). */
  zoneId: string | null;
  sellerId: string | null;
  collectorId: string | null;
  observations: string | null;
  billing: CustomerBillingView;
  addresses: CustomerAddress[];
  contacts: ContactPerson[];
  counts: CustomerTabCounts;
  account: CustomerAccountSummary;
  warnings: CustomerWarning[];
  deactivatedAt: string | null;
  deactivationReason: string | null;
  deletedAt: string | null;
  /** Revision (0-based) of the customer's stream the file reflects. */
  lastRevision: number;
  /** The same as the commands' version (events in the stream): what `If-Match` takes. */
  version: number;
  createdAt: string;
  updatedAt: string;
  lastModifiedBy: string;
}

/** One line of `GET /customers`. */
export interface CustomerListItem {
  id: string;
  code: string | null;
  status: CustomerFileStatus;
  personType: string;
  displayName: string;
  document: DocumentData | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  city: string | null;
  zone: string | null;
  billingEnabled: boolean;
  paymentMethod: string | null;
  unpaidInvoices: number;
  unpaidBalanceCents: number;
  createdAt: string;
  updatedAt: string;
}

export function toCustomerFile(row: CustomerFileRow): CustomerFile {
  return {
    ...listFields(row),
    name: row.name,
    givenName: row.givenName,
    middleName: row.middleName,
    firstSurname: row.firstSurname,
    secondSurname: row.secondSurname,
    address: {
      street: row.street,
      city: row.city,
      neighbourhood: row.neighbourhood,
      province: row.province,
      postalCode: row.postalCode,
      country: row.country,
    },
    seller: row.seller,
    collector: row.collector,
    zoneId: row.zoneId ?? null,
    sellerId: row.sellerId ?? null,
    collectorId: row.collectorId ?? null,
    observations: row.observations,
    billing: {
      billingEnabled: row.billingEnabled,
      paymentMethod: row.paymentMethod,
      invoiceSeries: row.invoiceSeries,
      billingDay: row.billingDay,
      maskedIban: row.maskedIban,
      taxId: row.taxId,
      vatRatePercent: row.vatRatePercent,
      notifyEmails: row.notifyEmails,
      sendInvoiceEmail: row.sendInvoiceEmail,
      sendPaymentEmail: row.sendPaymentEmail,
      issuerId: row.issuerId,
    },
    addresses: row.addresses,
    contacts: row.contacts,
    counts: {
      interactions: row.interactionCount,
      addresses: row.addressCount,
      contacts: row.contactCount,
      invoices: row.invoiceCount,
      pendingEffects: row.pendingEffectCount,
      contracts: row.contractCount,
      subscriptions: row.subscriptionCount,
    },
    account: {
      unpaidInvoices: row.unpaidInvoiceCount,
      unpaidBalanceCents: row.unpaidBalanceCents,
      availableCreditCents: row.availableCreditCents,
    },
    warnings: row.warnings,
    deactivatedAt: isoOrNull(row.deactivatedAt),
    deactivationReason: row.deactivationReason,
    deletedAt: isoOrNull(row.deletedAt),
    lastRevision: row.lastRevision,
    version: row.lastRevision + 1,
    lastModifiedBy: row.lastModifiedBy,
  };
}

export function toCustomerListItem(row: CustomerFileRow): CustomerListItem {
  return {
    ...listFields(row),
    city: row.city,
    billingEnabled: row.billingEnabled,
    paymentMethod: row.paymentMethod,
    unpaidInvoices: row.unpaidInvoiceCount,
    unpaidBalanceCents: row.unpaidBalanceCents,
  };
}

function listFields(row: CustomerFileRow) {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    personType: row.personType,
    displayName: row.displayName,
    document: documentOf(row),
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    zone: row.zone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function documentOf(row: CustomerFileRow): DocumentData | null {
  if (row.documentType === null || row.documentNumber === null) return null;
  return { type: row.documentType, number: row.documentNumber } as DocumentData;
}

const isoOrNull = (date: Date | null): string | null => date?.toISOString() ?? null;
