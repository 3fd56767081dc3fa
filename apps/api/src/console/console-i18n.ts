import { BILLING_TABS_EN, BILLING_TABS_ES } from './console-i18n-billing';

import { OPERATIONS_EN, OPERATIONS_ES } from './console-i18n-operations';

/** The console's languages: Spanish by default, English when the browser prefers it. */
export type ConsoleLanguage = 'es' | 'en';

/**
 * The first of `Accept-Language`'s languages, by quality, that the console speaks; Spanish
 * when none is.
 */
export function consoleLanguageOf(acceptLanguage: string | undefined): ConsoleLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'es' || primary === 'en') return primary;
  }
  return 'es';
}

const es = {
  ...BILLING_TABS_ES,
  title: 'Consola',
  login: 'Entrar',
  logout: 'Salir',
  apiKey: 'Clave de API',
  loginFailed: 'Clave desconocida',
  loginHint:
    'Entre con una clave de API (API_KEYS). Sin API_KEYS, cualquier clave entra como admin.',
  customers: 'Clientes',
  search: 'Buscar',
  searchLabel: 'Nombre, documento, e-mail, teléfono o código',
  status: 'Estado',
  name: 'Nombre',
  document: 'Documento',
  email: 'E-mail',
  phone: 'Teléfono',
  city: 'Población',
  unpaid: 'Pendiente',
  noCustomers: 'Ningún cliente coincide.',
  page: 'Página',
  previous: 'Anterior',
  next: 'Siguiente',
  account: 'Cuenta y deuda',
  balance: 'Saldo',
  unpaidInvoices: 'Facturas pendientes',
  warnings: 'Avisos',
  profile: 'Ficha',
  addresses: 'Direcciones',
  contacts: 'Contactos',
  contracts: 'Contratos y suscripciones',
  contract: 'Contrato',
  iban: 'IBAN',
  mandate: 'Mandato',
  signatory: 'Firmante',
  subscriptions: 'Suscripciones',
  tariff: 'Tarifa',
  price: 'Precio mensual',
  billable: 'Facturable',
  yes: 'sí',
  no: 'no',
  reason: 'Motivo',
  moves: {
    'active-not-billable': 'Pasar a activa no facturable',
    'active-billable': 'Volver a activa facturable',
    suspend: 'Suspender',
    resume: 'Reactivar',
  } as Record<string, string>,
  interactions: 'Interacciones',
  history: 'Histórico',
  timeline: 'Línea temporal',
  recordInteraction: 'Registrar interacción',
  kind: 'Tipo',
  direction: 'Dirección',
  text: 'Texto',
  save: 'Guardar',
  when: 'Cuándo',
  actor: 'Quién',
  via: 'Vía',
  correlation: 'Correlación',
  change: 'Cambio',
  before: 'Antes',
  after: 'Después',
  field: 'Campo',
  version: 'Versión',
  stateAtVersion: 'Estado en la versión',
  currentState: 'Estado actual',
  changedFields: 'Los campos cambiados desde esa versión están resaltados.',
  none: 'Nada todavía.',
  notFound: 'No existe ese cliente.',
  forbidden: 'Su rol no permite esta acción.',
  csrfRefused: 'El formulario no lleva un token CSRF válido: recargue la página.',
  billing: 'Facturación',
  paymentMethod: 'Forma de pago',
  address: 'Dirección',
  code: 'Código',
  operations: OPERATIONS_ES,
};

export type ConsoleMessages = typeof es;

const en: ConsoleMessages = {
  ...BILLING_TABS_EN,
  title: 'Console',
  login: 'Log in',
  logout: 'Log out',
  apiKey: 'API key',
  loginFailed: 'Unknown key',
  loginHint: 'Log in with an API key (API_KEYS). Without API_KEYS, any key logs in as admin.',
  customers: 'Customers',
  search: 'Search',
  searchLabel: 'Name, document, e-mail, phone or code',
  status: 'Status',
  name: 'Name',
  document: 'Document',
  email: 'E-mail',
  phone: 'Phone',
  city: 'City',
  unpaid: 'Unpaid',
  noCustomers: 'No customer matches.',
  page: 'Page',
  previous: 'Previous',
  next: 'Next',
  account: 'Account and debt',
  balance: 'Balance',
  unpaidInvoices: 'Unpaid invoices',
  warnings: 'Warnings',
  profile: 'Profile',
  addresses: 'Addresses',
  contacts: 'Contacts',
  contracts: 'Contracts and subscriptions',
  contract: 'Contract',
  iban: 'IBAN',
  mandate: 'Mandate',
  signatory: 'Signatory',
  subscriptions: 'Subscriptions',
  tariff: 'Tariff',
  price: 'Monthly price',
  billable: 'Billable',
  yes: 'yes',
  no: 'no',
  reason: 'Reason',
  moves: {
    'active-not-billable': 'Move to active, not billable',
    'active-billable': 'Back to active, billable',
    suspend: 'Suspend',
    resume: 'Resume',
  },
  interactions: 'Interactions',
  history: 'History',
  timeline: 'Timeline',
  recordInteraction: 'Record an interaction',
  kind: 'Kind',
  direction: 'Direction',
  text: 'Text',
  save: 'Save',
  when: 'When',
  actor: 'Who',
  via: 'Via',
  correlation: 'Correlation',
  change: 'Change',
  before: 'Before',
  after: 'After',
  field: 'Field',
  version: 'Version',
  stateAtVersion: 'State at version',
  currentState: 'Current state',
  changedFields: 'Fields changed since that version are highlighted.',
  none: 'Nothing yet.',
  notFound: 'No such customer.',
  forbidden: 'Your role may not do this.',
  csrfRefused: 'The form has no valid CSRF token: reload the page.',
  billing: 'Billing',
  paymentMethod: 'Payment method',
  address: 'Address',
  code: 'Code',
  operations: OPERATIONS_EN,
};

export const CONSOLE_MESSAGES: Record<ConsoleLanguage, ConsoleMessages> = { es, en };
