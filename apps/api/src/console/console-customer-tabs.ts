import { DataSource } from 'typeorm';
import { INTERACTION_DIRECTIONS, INTERACTION_KINDS, PAYMENT_METHODS } from '@app/domain';
import {
  customerAccount,
  customerContracts,
  customerFilledForms,
  customerHistory,
  customerInteractions,
  customerInvoices,
  customerSends,
  customerTasks,
  customerTickets,
  CustomerFile,
  findInvoice,
  isUuid,
} from '@app/read-models';
import { movesFrom } from './subscription-moves';

/** The customer file's tabs, in seed 000's order (the profile first). */
export const CUSTOMER_TABS = [
  'profile',
  'invoices',
  'effects',
  'contracts',
  'sends',
  'interactions',
  'addresses',
  'contacts',
  'tickets',
  'tasks',
  'history',
  'forms',
] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export const isCustomerTab = (value: unknown): value is CustomerTab =>
  CUSTOMER_TABS.includes(value as CustomerTab);

/** What a tab shows at most; older rows are in the API's paged lists. */
export const TAB_ROWS = 50;

/** What a tab shows opened, beside its list: the invoice whose lines and forms show. */
export interface TabSelection {
  invoice?: string;
}

type TabData = (
  readModels: DataSource,
  file: CustomerFile,
  selection: TabSelection,
) => Promise<Record<string, unknown>>;

/** The invoice opened in the invoices tab, if it is one of this customer's. */
async function selectedInvoice(readModels: DataSource, file: CustomerFile, id?: string) {
  if (id === undefined || !isUuid(id)) return null;
  const invoice = await findInvoice(readModels, id);
  return invoice?.customerId === file.id ? invoice : null;
}

/** Each tab's data beyond the file itself, read from the same read models the API's queries read. */
const TAB_DATA: Partial<Record<CustomerTab, TabData>> = {
  invoices: async (readModels, file, selection) => ({
    invoices: await customerInvoices(readModels, file.id, { pageSize: TAB_ROWS }),
    invoice: await selectedInvoice(readModels, file, selection.invoice),
    paymentMethods: PAYMENT_METHODS,
  }),
  effects: async (readModels, file) => ({
    account: await customerAccount(readModels, file.id),
  }),
  contracts: async (readModels, file) => ({
    contracts: await customerContracts(readModels, file.id),
    moves: movesFrom,
  }),
  sends: async (readModels, file) => ({
    sends: await customerSends(readModels, file.id, { pageSize: TAB_ROWS }),
  }),
  interactions: async (readModels, file) => ({
    interactions: await customerInteractions(readModels, file.id, { pageSize: TAB_ROWS }),
    kinds: INTERACTION_KINDS,
    directions: INTERACTION_DIRECTIONS,
  }),
  tickets: async (readModels, file) => ({
    tickets: await customerTickets(readModels, file.id, { pageSize: TAB_ROWS }),
  }),
  tasks: async (readModels, file) => ({
    tasks: await customerTasks(readModels, file.id, { pageSize: TAB_ROWS }),
  }),
  history: async (readModels, file) => ({
    history: await customerHistory(readModels, file.id, { pageSize: TAB_ROWS }),
  }),
  forms: async (readModels, file) => ({
    filledForms: await customerFilledForms(readModels, file.id, {}, { pageSize: TAB_ROWS }),
  }),
};

/** The data a tab's template reads besides the file. */
export const tabData = (
  tab: CustomerTab,
  readModels: DataSource,
  file: CustomerFile,
  selection: TabSelection = {},
): Promise<Record<string, unknown>> =>
  TAB_DATA[tab]?.(readModels, file, selection) ?? Promise.resolve({});
