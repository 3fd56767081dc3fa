import { PAYMENT_METHODS, SUBSCRIPTION_STATUSES } from '@app/domain';
import { CustomerSearch } from '@app/read-models';
import { CustomerFiltersDto } from '../customers/queries/customer-list.query.dto';
import { checkForm } from './console-form';

/** One field of the list's advanced search: a filter of `GET /api/customers`, as a form input. */
export interface ListFilterField {
  name: keyof CustomerFiltersDto;
  input: 'text' | 'date' | 'select';
  options?: readonly string[];
}

const YES_NO = ['true', 'false'] as const;

/** The advanced search's fields, each a filter the API's list takes (and checks). */
export const ADVANCED_FILTERS: readonly ListFilterField[] = [
  { name: 'zone', input: 'text' },
  { name: 'city', input: 'text' },
  { name: 'tariff', input: 'text' },
  { name: 'status', input: 'select', options: ['active', 'inactive', 'deleted'] },
  { name: 'subscriptionState', input: 'select', options: SUBSCRIPTION_STATUSES },
  { name: 'paymentMethod', input: 'select', options: PAYMENT_METHODS },
  { name: 'billingEnabled', input: 'select', options: YES_NO },
  { name: 'ibanMismatch', input: 'select', options: YES_NO },
  { name: 'hasOverdueInvoices', input: 'select', options: YES_NO },
  { name: 'createdFrom', input: 'date' },
  { name: 'createdTo', input: 'date' },
];

/** What the list's form asked for: the filters as typed, and as the API's DTO checked them. */
export interface ListFilters {
  /** Every filter given, as typed (the form and the pager's links show them again). */
  typed: Record<string, string>;
  /** The query string of `typed`, for the pager's links. */
  queryString: string;
  search: CustomerSearch | null;
  problems: string | null;
  advanced: boolean;
}

/**
 * The list's query (free text and advanced filters) checked by the API's own filters DTO, so a
 * filter means in the console what it means in `GET /api/customers`. Empty fields are left out.
 */
export async function listFiltersOf(query: Record<string, unknown>): Promise<ListFilters> {
  const typed: Record<string, string> = {};
  for (const name of ['q', ...ADVANCED_FILTERS.map((field) => field.name)]) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') typed[name] = value.trim().slice(0, 200);
  }
  const checked = await checkForm(CustomerFiltersDto, { ...typed }, 'query');
  return {
    typed,
    queryString: new URLSearchParams(typed).toString(),
    search: checked.body as CustomerSearch | null,
    problems: checked.problems,
    advanced: Object.keys(typed).some((name) => name !== 'q'),
  };
}
