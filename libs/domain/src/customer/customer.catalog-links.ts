/** The catalogs a customer chooses from (rule 28): by id, each kept with the name it had when chosen. */
export const CUSTOMER_CATALOG_KINDS = ['zone', 'seller', 'collector'] as const;
export type CustomerCatalogKind = (typeof CUSTOMER_CATALOG_KINDS)[number];

/** An entry chosen: its id and its name then (the name the customer's events show). */
export interface CatalogLink {
  entryId: string;
  name: string;
}

/** The entries a command or event chooses, by kind; `null` clears the choice. */
export type CatalogLinks = Partial<Record<CustomerCatalogKind, CatalogLink | null>>;

/** The ids a customer holds, by kind (absent: never linked, as before catalogs existed). */
export type CatalogLinkIds = Partial<Record<CustomerCatalogKind, string | null>>;

/** The links of `given` whose id differs from what the customer holds; none: `undefined`. */
export function changedCatalogLinks(
  held: CatalogLinkIds | undefined,
  given: CatalogLinks | undefined,
): CatalogLinks | undefined {
  if (!given) return undefined;
  const changed: CatalogLinks = {};
  for (const kind of CUSTOMER_CATALOG_KINDS) {
    const link = given[kind];
    if (link === undefined) continue;
    if ((held?.[kind] ?? null) !== (link?.entryId ?? null)) changed[kind] = link;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

/** The ids held once `links` apply. */
export function withCatalogLinks(
  held: CatalogLinkIds | undefined,
  links: CatalogLinks | undefined,
): CatalogLinkIds | undefined {
  if (!links) return held;
  const next: CatalogLinkIds = { ...held };
  for (const kind of CUSTOMER_CATALOG_KINDS)
    if (links[kind] !== undefined) next[kind] = links[kind]?.entryId ?? null;
  return next;
}
