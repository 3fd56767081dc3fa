import { ContractEvent, CONTRACT_PERSONAL_FIELDS } from './contract';
import { DUNNING_PERSONAL_FIELDS, DunningEvent } from './dunning';
import {
  CUSTOMER_PERSONAL_FIELDS,
  CustomerEvent,
  CustomerEventType,
  UNIQUE_VALUE_PERSONAL_FIELDS,
  UniqueValueEvent,
} from './customer';
import {
  INVOICE_PERSONAL_FIELDS,
  INVOICE_SERIES_PERSONAL_FIELDS,
  InvoiceEvent,
  InvoiceSeriesEvent,
} from './invoice';
import { PersonalDataMap, sealsPersonalData, SubjectField } from './shared/personal-data';
import { SUBSCRIPTION_PERSONAL_FIELDS, SubscriptionEvent } from './subscription';
import { REMITTANCE_PERSONAL_FIELDS, RemittanceEvent } from './remittance';
import {
  ISSUER_PERSONAL_FIELDS,
  ISSUER_VALUE_PERSONAL_FIELDS,
  IssuerEvent,
  IssuerValueEvent,
} from './issuer';
import {
  VERIFACTU_CHAIN_PERSONAL_FIELDS,
  VERIFACTU_SUBMISSION_PERSONAL_FIELDS,
  VerifactuChainEvent,
  VerifactuSubmissionEvent,
} from './verifactu';
import { TICKET_PERSONAL_FIELDS, TicketEvent } from './ticket';
import { ESTIMATE_PERSONAL_FIELDS, EstimateEvent } from './estimate';
import { ATTACHMENT_PERSONAL_FIELDS, AttachmentEvent } from './attachment';
import { TASK_PERSONAL_FIELDS, TaskEvent } from './task';
import {
  FILLED_FORM_PERSONAL_FIELDS,
  FilledFormEvent,
  FORM_PERSONAL_FIELDS,
  FormEvent,
} from './form';
import { SEND_PERSONAL_FIELDS, SendEvent } from './send';
import { BULK_OPERATION_PERSONAL_FIELDS, BulkOperationEvent } from './bulk-operation';
import { CUSTOMER_IMPORT_PERSONAL_FIELDS, CustomerImportEvent } from './customer-import';
import {
  CATALOG_NAME_PERSONAL_FIELDS,
  CATALOG_PERSONAL_FIELDS,
  CatalogEvent,
  CatalogNameEvent,
} from './catalog';
import { RENEWABLE_PERSONAL_FIELDS, RenewableEvent } from './renewable';

/** Every event the domain writes to the log, of every stream. */
export type AnyDomainEvent =
  | CustomerEvent
  | UniqueValueEvent
  | ContractEvent
  | SubscriptionEvent
  | InvoiceEvent
  | InvoiceSeriesEvent
  | RemittanceEvent
  | DunningEvent
  | VerifactuChainEvent
  | IssuerEvent
  | IssuerValueEvent
  | VerifactuSubmissionEvent
  | TicketEvent
  | EstimateEvent
  | TaskEvent
  | FormEvent
  | FilledFormEvent
  | SendEvent
  | BulkOperationEvent
  | CustomerImportEvent
  | CatalogEvent
  | CatalogNameEvent
  | RenewableEvent
  | AttachmentEvent;

/**
 * The personal data of every event type in the log. Each aggregate's map is exhaustive over
 * its own union, and this one over all of them: an event type without its entry, or an entry
 * naming a field its event lacks, does not compile.
 */
export const PERSONAL_DATA = {
  ...CUSTOMER_PERSONAL_FIELDS,
  ...UNIQUE_VALUE_PERSONAL_FIELDS,
  ...CONTRACT_PERSONAL_FIELDS,
  ...SUBSCRIPTION_PERSONAL_FIELDS,
  ...INVOICE_PERSONAL_FIELDS,
  ...INVOICE_SERIES_PERSONAL_FIELDS,
  ...REMITTANCE_PERSONAL_FIELDS,
  ...DUNNING_PERSONAL_FIELDS,
  ...VERIFACTU_CHAIN_PERSONAL_FIELDS,
  ...ISSUER_PERSONAL_FIELDS,
  ...ISSUER_VALUE_PERSONAL_FIELDS,
  ...VERIFACTU_SUBMISSION_PERSONAL_FIELDS,
  ...TICKET_PERSONAL_FIELDS,
  ...ESTIMATE_PERSONAL_FIELDS,
  ...TASK_PERSONAL_FIELDS,
  ...FORM_PERSONAL_FIELDS,
  ...FILLED_FORM_PERSONAL_FIELDS,
  ...SEND_PERSONAL_FIELDS,
  ...BULK_OPERATION_PERSONAL_FIELDS,
  ...CUSTOMER_IMPORT_PERSONAL_FIELDS,
  ...CATALOG_PERSONAL_FIELDS,
  ...CATALOG_NAME_PERSONAL_FIELDS,
  ...RENEWABLE_PERSONAL_FIELDS,
  ...ATTACHMENT_PERSONAL_FIELDS,
} satisfies PersonalDataMap<AnyDomainEvent>;

/** What the event store seals of one event type (the shape its policy reads). */
export interface SealingRule {
  paths?: Record<string, unknown>;
  changeLists?: Record<string, Record<string, unknown>>;
}

const SUBJECT_FIELD: SubjectField = 'customerId';
const ERASURE_EVENT_TYPE: CustomerEventType = 'CustomerPersonalDataErased';

/**
 * The event store's crypto-shredding policy, derived from `PERSONAL_DATA`: the subject is the
 * customer, its key destroyed by `CustomerPersonalDataErased`; `events` lists the types with
 * fields to seal, `declaredEventTypes` all of them. The application passes it to the store
 * (the event store does not depend on the domain).
 */
export const personalDataPolicy = {
  subjectField: SUBJECT_FIELD,
  erasureEventType: ERASURE_EVENT_TYPE,
  events: Object.fromEntries(
    Object.entries(PERSONAL_DATA as Record<string, SealingRule>)
      .filter(([, fields]) => sealsPersonalData(fields))
      .map(([type, { paths, changeLists }]) => [type, { paths, changeLists }]),
  ) as Record<string, SealingRule>,
  /** The store refuses any other type: one that has not declared its personal data. */
  declaredEventTypes: Object.keys(PERSONAL_DATA),
};
