import { CommandMeta } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { BulkCustomerChanges } from '../customer/customer.bulk-update';
import {
  CatalogLinkIds,
  CatalogLinks,
  CUSTOMER_CATALOG_KINDS,
} from '../customer/customer.catalog-links';
import { decideCustomer } from '../customer/customer.decider';
import { evolveCustomer } from '../customer/customer.evolve';
import { CustomerEvent } from '../customer/customer.events';
import { CustomerState, initialCustomerState, isRegistered } from '../customer/customer.state';
import { BulkRevertConflictReason } from './bulk-operation.events';

/** One field the operation set that is not restored, with the value the customer has now. */
export interface BulkRevertConflict {
  field: string;
  current: unknown;
  reason: BulkRevertConflictReason;
}

/** Rule 27 for one customer: the compensating events, what they restore, what conflicts. */
export interface CustomerRevertDecision {
  events: CustomerEvent[];
  restored: string[];
  conflicts: BulkRevertConflict[];
}

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const PROFILE_FIELDS = new Set(['zone', 'seller', 'collector', 'observations']);

/** The field changes one event records (the edits a bulk operation can make), none otherwise. */
function changesOf(event: CustomerEvent): FieldChange[] {
  if (event.type === 'CustomerDetailsEdited' || event.type === 'CustomerBillingSettingsChanged')
    return event.data.changes as FieldChange[];
  return [];
}

const bulkIdOf = (event: CustomerEvent): string | undefined =>
  (event.data as { bulkOperationId?: string }).bulkOperationId;

/** A field a bulk operation can set, as the customer has it now (null once deleted). */
export function currentBulkFieldValue(state: CustomerState, field: string): unknown {
  if (!isRegistered(state)) return null;
  if (PROFILE_FIELDS.has(field)) return state.profile[field as keyof typeof state.profile];
  return state.billing[field as keyof typeof state.billing];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Rule 27: restores each field the bulk operation `bulkOperationId` set on this customer to its
 * previous value — unless a later event changed the field, or its value is no longer what the
 * operation set, or the customer refuses it (deleted, erased): those are conflicts, left as
 * they are. The compensating events carry `revertOperationId`; a customer whose history has
 * them already was restored by this revert, and nothing more is written.
 */
export function decideCustomerRevert(
  history: readonly CustomerEvent[],
  bulkOperationId: string,
  revertOperationId: string,
  meta: CommandMeta,
): CustomerRevertDecision {
  const state = history.reduce(evolveCustomer, initialCustomerState);
  const reverted = history.filter((event) => bulkIdOf(event) === revertOperationId);
  if (reverted.length > 0)
    return { events: [], restored: reverted.flatMap(changesOf).map((c) => c.field), conflicts: [] };
  const lastOfOperation = history.reduce(
    (last, event, index) => (bulkIdOf(event) === bulkOperationId ? index : last),
    -1,
  );
  const set = history
    .slice(0, lastOfOperation + 1)
    .filter((event) => bulkIdOf(event) === bulkOperationId)
    .flatMap(changesOf);
  const changedSince = new Set(
    history
      .slice(lastOfOperation + 1)
      .flatMap(changesOf)
      .map((change) => change.field),
  );
  const conflicts: BulkRevertConflict[] = [];
  const restore: FieldChange[] = [];
  for (const change of set) {
    const current = currentBulkFieldValue(state, change.field);
    if (changedSince.has(change.field) || !same(current, change.after))
      conflicts.push({ field: change.field, current, reason: 'changed-since' });
    else restore.push(change);
  }
  if (restore.length === 0) return { events: [], restored: [], conflicts };
  const firstOfOperation = history.findIndex((event) => bulkIdOf(event) === bulkOperationId);
  const before = history.slice(0, firstOfOperation).reduce(evolveCustomer, initialCustomerState);
  const linksBefore = isRegistered(before) ? before.catalogLinks : undefined;
  try {
    const events = compensatingEvents(state, restore, revertOperationId, meta, linksBefore);
    return { events, restored: restore.map((change) => change.field), conflicts };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const refused = restore.map((change) => ({
      field: change.field,
      current: currentBulkFieldValue(state, change.field),
      reason: 'refused' as const,
    }));
    return { events: [], restored: [], conflicts: [...conflicts, ...refused] };
  }
}

/**
 * Rule 28: the catalog links to restore with the names — each restored zone, seller or
 * collector linked again to the entry it was linked to before the operation (none: unlinked).
 */
function linksToRestore(
  state: CustomerState,
  restore: readonly FieldChange[],
  linksBefore: CatalogLinkIds | undefined,
): CatalogLinks | undefined {
  const held = isRegistered(state) ? state.catalogLinks : undefined;
  const links: CatalogLinks = {};
  for (const kind of CUSTOMER_CATALOG_KINDS) {
    const change = restore.find((c) => c.field === kind);
    if (!change) continue;
    const entryId = linksBefore?.[kind] ?? null;
    if (entryId === (held?.[kind] ?? null)) continue;
    links[kind] =
      entryId === null || typeof change.before !== 'string'
        ? null
        : { entryId, name: change.before };
  }
  return Object.keys(links).length > 0 ? links : undefined;
}

function compensatingEvents(
  state: CustomerState,
  restore: readonly FieldChange[],
  revertOperationId: string,
  metadata: CommandMeta,
  linksBefore: CatalogLinkIds | undefined,
): CustomerEvent[] {
  const customerId = isRegistered(state) ? state.customerId : '';
  const previous = Object.fromEntries(restore.map((c) => [c.field, c.before])) as Record<
    string,
    unknown
  >;
  const profile: Record<string, unknown> = {};
  const billing: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(previous))
    (PROFILE_FIELDS.has(field) ? profile : billing)[field] = value;
  const common = { customerId, bulkOperationId: revertOperationId };
  const edited =
    Object.keys(profile).length === 0
      ? []
      : decideCustomer(
          {
            type: 'EditCustomer',
            data: {
              ...common,
              ...(profile as BulkCustomerChanges),
              catalogLinks: linksToRestore(state, restore, linksBefore),
            },
            metadata,
          },
          state,
        );
  const afterEdit = edited.reduce(evolveCustomer, state);
  const billed =
    Object.keys(billing).length === 0
      ? []
      : decideCustomer(
          {
            type: 'ChangeBillingSettings',
            data: { ...common, ...(billing as BulkCustomerChanges) },
            metadata,
          },
          afterEdit,
        );
  return [...edited, ...billed];
}
