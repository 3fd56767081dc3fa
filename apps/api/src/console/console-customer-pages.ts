import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '@app/application';
import { CustomerFile, findCustomerFile, findInvoice, InvoiceDetailView } from '@app/read-models';
import { CUSTOMER_TABS, CustomerTab, tabData, TabSelection } from './console-customer-tabs';
import { ConsoleRequest, frameOf, isHtmx } from './console-request';
import { ConsoleViews, PageFrame } from './console-views';

/** A form's refusal to show in its tab, with what was typed kept. */
export interface FormRefusal {
  tab: CustomerTab;
  form: object;
  /** Which of the tab's forms it was, when the tab has several (a credit note, a payment). */
  formKind?: string;
  /** What the tab had open (the invoice the form was on). */
  selection?: TabSelection;
}

/**
 * The customer file as pages: the file with a tab, a tab alone (htmx), and what a tab's form
 * answers. Every controller of the file's pages renders through here.
 */
@Injectable()
export class ConsoleCustomerPages {
  constructor(
    private readonly views: ConsoleViews,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async fileOf(id: string): Promise<CustomerFile> {
    const file = await findCustomerFile(this.readModels, id);
    if (!file) throw new NotFoundException(`No customer ${id}`);
    return file;
  }

  /** One of the customer's invoices (a form's target), or 404: another customer's is none. */
  async customerInvoice(customerId: string, invoiceId: string): Promise<InvoiceDetailView> {
    const invoice = await findInvoice(this.readModels, invoiceId);
    if (invoice?.customerId !== customerId)
      throw new NotFoundException(`No invoice ${invoiceId} for this customer`);
    return invoice;
  }

  /** The whole page: the account block, the tabs' nav and the chosen tab. */
  async filePage(
    frame: PageFrame,
    file: CustomerFile,
    tab: CustomerTab,
    selection: TabSelection = {},
    extra: object = {},
  ) {
    const tabBody = await this.tab(frame, file, tab, selection, extra);
    return this.views.page('@customer', frame, file.displayName, {
      file,
      tab,
      tabs: CUSTOMER_TABS.map((id) => ({ id, label: this.views.messages(frame.lang)[id] })),
      tabBody,
      canAudit: frame.session?.role !== 'operator',
    });
  }

  /** One tab's fragment. */
  async tab(
    frame: PageFrame,
    file: CustomerFile,
    tab: CustomerTab,
    selection: TabSelection = {},
    extra: object = {},
  ) {
    const canCommand = frame.session?.role === 'admin' || frame.session?.role === 'operator';
    const data = {
      file,
      canCommand,
      form: {},
      formError: null,
      formKind: null,
      ...(await tabData(tab, this.readModels, file, selection)),
      ...extra,
    };
    return this.views.fragment(`@tab-${tab}`, frame, data);
  }

  /**
   * After a form: a refusal shows in its tab with the input kept (422 for a page; 200 for an
   * htmx fragment, the refusal inside it, so the browser logs no failed request); success goes
   * to the tab `then` (htmx follows HX-Redirect with a whole page load, so the tabs' nav
   * follows).
   */
  async answerForm(
    request: ConsoleRequest,
    response: Response,
    customerId: string,
    refusal: string | null,
    shown: FormRefusal,
    then: string,
  ): Promise<void> {
    if (refusal) {
      const frame = frameOf(request);
      const file = await this.fileOf(customerId);
      const extra = { formError: refusal, form: shown.form, formKind: shown.formKind ?? null };
      const selection = shown.selection ?? {};
      if (isHtmx(request))
        response
          .status(200)
          .type('html')
          .send(await this.tab(frame, file, shown.tab, selection, extra));
      else
        response
          .status(422)
          .type('html')
          .send(await this.filePage(frame, file, shown.tab, selection, extra));
      return;
    }
    const next = `/console/customers/${customerId}?tab=${then}`;
    if (isHtmx(request)) response.setHeader('HX-Redirect', next).status(204).end();
    else response.redirect(303, next);
  }
}
