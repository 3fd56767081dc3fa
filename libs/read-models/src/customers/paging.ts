export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** 1-based page number and page size, as the HTTP query string gives them. */
export interface Paging {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Out-of-range values are clamped rather than refused: validation is the HTTP layer's job. */
export function normalizePaging({ page, pageSize }: Paging): Required<Paging> & { offset: number } {
  const wholePage = Number.isFinite(page) ? Math.max(1, Math.floor(page as number)) : 1;
  const size = Number.isFinite(pageSize)
    ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize as number)))
    : DEFAULT_PAGE_SIZE;
  return { page: wholePage, pageSize: size, offset: (wholePage - 1) * size };
}
