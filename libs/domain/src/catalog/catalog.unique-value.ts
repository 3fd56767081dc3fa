import { PENDING_CLAIM_MS } from '../customer/customer.unique-value';
import { CatalogNameClaimed } from './catalog.events';
import { catalogNameTaken } from './catalog.errors';
import { CatalogName, catalogNameKey as catalogNameKeyOf } from './catalog.name';
import { CatalogState } from './catalog.state';

/** The name an entry holds in its catalog, retired or not (none before it is created). */
export function catalogNamesOf(state: CatalogState): CatalogName[] {
  if (state.status === 'none') return [];
  return [{ kind: state.kind, value: catalogNameKeyOf(state.name) }];
}

/** What the name's reservation stream says, loaded by the handler. */
export interface CurrentCatalogClaim {
  holder: string;
  claimedAt: string;
  holderStillHolds: boolean;
}

export interface ClaimCatalogName {
  value: CatalogName;
  owner: string;
  now: string;
  current?: CurrentCatalogClaim;
}

/**
 * Rule 28: one name per catalog, compared without case or accents; a retired entry keeps its
 * name. A claim left stale (its holder renamed, or crashed before appending) may be taken over
 * once older than PENDING_CLAIM_MS, as the customers' e-mails (R2). Answers the claim to
 * append, or none when `owner` holds the name already.
 */
export function decideCatalogNameClaim(command: ClaimCatalogName): CatalogNameClaimed[] {
  const { current, value } = command;
  if (current?.holder === command.owner) return [];
  if (current) {
    const pending = Date.parse(command.now) - Date.parse(current.claimedAt) < PENDING_CLAIM_MS;
    if (pending || current.holderStillHolds)
      throw catalogNameTaken(value.kind, value.value, current.holder);
  }
  return [{ type: 'CatalogNameClaimed', data: { kind: value.kind, owner: command.owner } }];
}
