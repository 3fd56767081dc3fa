import type { ContactPerson, CustomerAddress } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberColumn } from './column-transformers';

export type CustomerFileStatus = 'active' | 'inactive' | 'deleted';

/** Something the operator should look at, e.g. rule R4's IBAN mismatch (naming its contract). */
export interface CustomerWarning {
  code: string;
  message: string;
  contractId?: string;
}

/**
 * One row per customer: the customer file and the customer list (DOMAIN.md, "Read models").
 * Only masked IBANs live here (rule R4). Counters and money of other aggregates stay 0 until
 * their projections exist; contracts and subscriptions are counted, and R4's warnings computed,
 * when the file is read (`findCustomerFile`), from their own views.
 */
@Entity({ name: 'customer_file' })
export class CustomerFileRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ type: 'text' }) status!: CustomerFileStatus;
  @Column({ type: 'text', name: 'person_type' }) personType!: string;
  @Column({ type: 'text', name: 'display_name' }) displayName!: string;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text', name: 'given_name', nullable: true }) givenName!: string | null;
  @Column({ type: 'text', name: 'middle_name', nullable: true }) middleName!: string | null;
  @Column({ type: 'text', name: 'first_surname', nullable: true }) firstSurname!: string | null;
  @Column({ type: 'text', name: 'second_surname', nullable: true }) secondSurname!: string | null;
  @Column({ type: 'text', name: 'document_type', nullable: true }) documentType!: string | null;
  @Column({ type: 'text', name: 'document_number', nullable: true }) documentNumber!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) mobile!: string | null;
  @Column({ type: 'text', nullable: true }) street!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'text', nullable: true }) neighbourhood!: string | null;
  @Column({ type: 'text', nullable: true }) province!: string | null;
  @Column({ type: 'text', name: 'postal_code', nullable: true }) postalCode!: string | null;
  @Column({ type: 'text', nullable: true }) country!: string | null;
  @Column({ type: 'text', nullable: true }) zone!: string | null;
  @Column({ type: 'text', nullable: true }) seller!: string | null;
  @Column({ type: 'text', nullable: true }) collector!: string | null;
  /** Rule 28: the catalog entries chosen (null: none, or free text not yet carried over). */
  @Column({ type: 'text', name: 'zone_id', nullable: true }) zoneId!: string | null;
  @Column({ type: 'text', name: 'seller_id', nullable: true }) sellerId!: string | null;
  @Column({ type: 'text', name: 'collector_id', nullable: true }) collectorId!: string | null;
  @Column({ type: 'text', nullable: true }) observations!: string | null;

  @Column({ type: 'boolean', name: 'billing_enabled' }) billingEnabled!: boolean;
  @Column({ type: 'text', name: 'payment_method', nullable: true }) paymentMethod!: string | null;
  @Column({ type: 'text', name: 'invoice_series', nullable: true }) invoiceSeries!: string | null;
  @Column({ type: 'smallint', name: 'billing_day' }) billingDay!: number;
  @Column({ type: 'text', name: 'masked_iban', nullable: true }) maskedIban!: string | null;
  /** SHA-256 of the normalised IBAN (`ibanFingerprint`): compared with signatures, never shown. */
  @Column({ type: 'text', name: 'iban_fingerprint', nullable: true })
  ibanFingerprint!: string | null;
  @Column({ type: 'text', name: 'tax_id', nullable: true }) taxId!: string | null;
  @Column({ type: 'numeric', name: 'vat_rate_percent', transformer: numberColumn })
  vatRatePercent!: number;
  @Column({ type: 'jsonb', name: 'notify_emails' }) notifyEmails!: string[];
  @Column({ type: 'boolean', name: 'send_invoice_email' }) sendInvoiceEmail!: boolean;
  @Column({ type: 'boolean', name: 'send_payment_email' }) sendPaymentEmail!: boolean;
  /** Rule 21: the issuer the customer names; null: its series' issuer. */
  @Column({ type: 'text', name: 'issuer_id', nullable: true }) issuerId!: string | null;

  @Column({ type: 'jsonb' }) addresses!: CustomerAddress[];
  @Column({ type: 'jsonb' }) contacts!: ContactPerson[];

  @Column({ type: 'integer', name: 'interaction_count' }) interactionCount!: number;
  @Column({ type: 'integer', name: 'address_count' }) addressCount!: number;
  @Column({ type: 'integer', name: 'contact_count' }) contactCount!: number;
  @Column({ type: 'integer', name: 'invoice_count' }) invoiceCount!: number;
  @Column({ type: 'integer', name: 'pending_effect_count' }) pendingEffectCount!: number;
  @Column({ type: 'integer', name: 'contract_count' }) contractCount!: number;
  @Column({ type: 'integer', name: 'subscription_count' }) subscriptionCount!: number;
  @Column({ type: 'integer', name: 'unpaid_invoice_count' }) unpaidInvoiceCount!: number;
  @Column({ type: 'bigint', name: 'unpaid_balance_cents', transformer: numberColumn })
  unpaidBalanceCents!: number;
  @Column({ type: 'bigint', name: 'available_credit_cents', transformer: numberColumn })
  availableCreditCents!: number;
  @Column({ type: 'jsonb' }) warnings!: CustomerWarning[];

  @Column({ type: 'timestamptz', name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;
  @Column({ type: 'text', name: 'deactivation_reason', nullable: true })
  deactivationReason!: string | null;
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true }) deletedAt!: Date | null;

  /** Revision of the last event of the customer's stream applied here: older ones are skipped. */
  @Column({ type: 'bigint', name: 'last_revision', transformer: numberColumn })
  lastRevision!: number;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
  @Column({ type: 'text', name: 'last_modified_by' }) lastModifiedBy!: string;
  /**
   * The name, streets and cities folded for `GET /customers?q=` (`customerSearchText`: lower
   * case, no accents, ñ as n), so the search is accent-insensitive on PGlite and PostgreSQL alike.
   */
  @Column({ type: 'text', name: 'search_text' }) searchText!: string;
  /**
   * Zone, seller, collector, city and neighbourhood folded as `foldForSearch` folds (lower case,
   * no accents), for the advanced search's equality filters (`?city=cadiz` finds Cádiz), each
   * with a B-tree index; null when the field is.
   */
  @Column({ type: 'text', name: 'zone_folded', nullable: true }) zoneFolded!: string | null;
  @Column({ type: 'text', name: 'seller_folded', nullable: true }) sellerFolded!: string | null;
  @Column({ type: 'text', name: 'collector_folded', nullable: true })
  collectorFolded!: string | null;
  @Column({ type: 'text', name: 'city_folded', nullable: true }) cityFolded!: string | null;
  @Column({ type: 'text', name: 'neighbourhood_folded', nullable: true })
  neighbourhoodFolded!: string | null;
}

/** The columns `searchableColumns` derives from the others on every event. */
export type DerivedSearchColumns =
  | 'searchText'
  | 'zoneFolded'
  | 'sellerFolded'
  | 'collectorFolded'
  | 'cityFolded'
  | 'neighbourhoodFolded';
