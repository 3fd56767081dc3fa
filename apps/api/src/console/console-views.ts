import { Eta } from 'eta';
import { ConsoleLanguage, CONSOLE_MESSAGES, ConsoleMessages } from './console-i18n';
import { ConsoleSession } from './console-session';
import { OPERATIONS_TEMPLATES } from './console-operations-templates';
import { CONSOLE_TEMPLATES } from './console-templates';
import { CUSTOMER_TAB_TEMPLATES } from './console-customer-tab-templates';

/** What every page's layout shows: language, the session (if any) and its CSRF token. */
export interface PageFrame {
  lang: ConsoleLanguage;
  session: ConsoleSession | null;
  csrf: string | null;
}

const euros = new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' });

/** Helpers the templates call; each returns text, escaped by the template. */
const helpers = {
  money: (cents: number | null | undefined) => euros.format((cents ?? 0) / 100),
  addressLine: (address: Record<string, string | null> | null | undefined) =>
    address
      ? Object.values(address)
          .filter((part) => part)
          .join(', ')
      : '',
  show: (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value),
};

/** The console's templates, compiled once; every output escaped (`autoEscape`). */
export class ConsoleViews {
  private readonly eta = new Eta({ autoEscape: true, cache: true, useWith: false });

  constructor() {
    for (const [name, template] of Object.entries({
      ...CONSOLE_TEMPLATES,
      ...OPERATIONS_TEMPLATES,
      ...CUSTOMER_TAB_TEMPLATES,
    }))
      this.eta.loadTemplate(name, template);
  }

  messages(lang: ConsoleLanguage): ConsoleMessages {
    return CONSOLE_MESSAGES[lang];
  }

  /** A fragment (a tab for htmx, or a page's body). */
  fragment(name: string, frame: PageFrame, data: object): string {
    return this.eta.render(name, {
      ...helpers,
      ...data,
      t: this.messages(frame.lang),
      csrf: frame.csrf,
      lang: frame.lang,
      role: frame.session?.role ?? null,
    });
  }

  /** A whole page: the fragment inside the layout. */
  page(name: string, frame: PageFrame, pageTitle: string, data: object): string {
    const body = this.fragment(name, frame, data);
    return this.eta.render('@layout', {
      ...frame,
      t: this.messages(frame.lang),
      pageTitle,
      body,
    });
  }
}
