import { PostalAddress } from '@app/domain';
import {
  AEAT_QR_SIZE_MM,
  aeatQrSymbol,
  darkRuns,
  POINTS_PER_MM,
  QR_QUIET_ZONE_MODULES,
} from './aeat-qr-symbol';
import { formatDate, formatMoney, formatPeriod, formatRate } from './document-formats';
import { DOCUMENT_LABELS, DocumentLabels } from './document-labels';
import { DocumentLanguage } from './document-language';
import { InvoiceDocumentLine, InvoiceDocumentModel } from './invoice-document.model';
import { winAnsiText } from './win-ansi-text';

/** A4 in points, and the margins every page keeps (15 mm). */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 15 * POINTS_PER_MM;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Room kept at the foot of every page for its footer line. */
const FOOTER_HEIGHT = 18;
const CONTENT_BOTTOM = PAGE.height - MARGIN - FOOTER_HEIGHT;

/** The printed AEAT QR's side, in points (rule 22: 30–40 mm). */
export const AEAT_QR_SIZE_POINTS = AEAT_QR_SIZE_MM * POINTS_PER_MM;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREY = '#555555';
const RULE = '#999999';
const HEADER_FILL = '#eeeeee';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  cell: (line: InvoiceDocumentLine) => string;
}

/**
 * The printed invoice or credit note, as a PDF (A4): the AEAT QR at the top of the first page
 * beside the issuer, as the AEAT recommends; then title, number, dates, the customer, the
 * lines, the VAT breakdown, the totals and the payment. PDF standard fonts (Helvetica), so
 * text goes through `winAnsiText`. The same model renders the same bytes: the PDF's dates
 * come from the document, never from the clock.
 */
export async function renderInvoicePdf(
  model: InvoiceDocumentModel,
  language: DocumentLanguage,
): Promise<Buffer> {
  const issuedAt = new Date(model.issuedAt);
  if (Number.isNaN(issuedAt.getTime()))
    throw new RangeError(`The document's issuedAt is not an instant: ${model.issuedAt}`);
  const labels = DOCUMENT_LABELS[language];
  const title = {
    invoice: labels.invoiceTitle,
    'credit-note': labels.creditNoteTitle,
    estimate: labels.estimateTitle,
  }[model.kind];
  // Loaded by the first document rendered, not at start-up (pdfkit takes a fifth of a second).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: language === 'es' ? 'es-ES' : 'en',
    info: {
      Title: `${title} ${model.number}`,
      Author: model.issuer.legalName,
      Subject: `${title} ${model.number}`,
      Creator: 'billing',
      Producer: 'billing (pdfkit)',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new InvoiceLayout(doc, model, language, labels, title).draw();
  doc.end();
  return bytes;
}

/** Lays one document out top to bottom; `y` is where the next block starts. */
class InvoiceLayout {
  private y = MARGIN;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: InvoiceDocumentModel,
    private readonly language: DocumentLanguage,
    private readonly labels: DocumentLabels,
    private readonly title: string,
  ) {}

  draw(): void {
    const { model } = this;
    // Rule 22's QR identifies an invoice to the AEAT: an estimate has none.
    const qrBottom = model.kind === 'estimate' ? MARGIN : this.drawQr(model.qrUrl);
    const issuerBottom = this.drawIssuer();
    this.y = Math.max(qrBottom, issuerBottom) + 16;
    this.drawHeading();
    if (model.kind === 'credit-note') this.drawRectified(model.rectified);
    this.drawLines();
    this.drawBreakdownAndTotals();
    if (model.kind === 'estimate') this.drawEstimateNotes(model.notes);
    else this.drawPayment(model.paymentMethod, model.maskedIban);
    this.drawFooters();
  }

  /** Rule 22: "QR tributario:" above, the QR (level M, 35 mm), "VERI*FACTU" below. */
  private drawQr(qrUrl: string): number {
    const symbol = aeatQrSymbol(qrUrl);
    const module = AEAT_QR_SIZE_POINTS / symbol.size;
    const quiet = QR_QUIET_ZONE_MODULES * module;
    const left = PAGE.width - MARGIN - AEAT_QR_SIZE_POINTS;
    this.text(this.labels.qrAbove, left, MARGIN, { size: 8, width: AEAT_QR_SIZE_POINTS });
    const top = MARGIN + 10 + quiet;
    const doc = this.doc;
    doc.save();
    for (let row = 0; row < symbol.size; row++)
      for (const [column, length] of darkRuns(symbol, row))
        doc.rect(left + column * module, top + row * module, length * module, module);
    doc.fill('#000000');
    doc.restore();
    const below = top + AEAT_QR_SIZE_POINTS + quiet;
    this.text(this.labels.qrBelow, left, below, {
      size: 9,
      font: BOLD,
      width: AEAT_QR_SIZE_POINTS,
      align: 'center',
    });
    return below + 12;
  }

  /** Legal name, NIF and address of the issuer, left of the QR and clear of its quiet zone. */
  private drawIssuer(): number {
    const { issuer } = this.model;
    const width =
      this.model.kind === 'estimate' ? CONTENT_WIDTH : CONTENT_WIDTH - AEAT_QR_SIZE_POINTS - 40;
    let y = MARGIN;
    y += this.text(issuer.legalName, MARGIN, y, { size: 13, font: BOLD, width });
    y += this.text(`NIF: ${issuer.nif}`, MARGIN, y + 2, { size: 9, width }) + 2;
    for (const line of addressLines(issuer.address))
      y += this.text(line, MARGIN, y, { size: 9, width });
    return y;
  }

  /** The title, then number and dates on the left and the customer on the right. */
  private drawHeading(): void {
    const { model, labels, language } = this;
    this.y += this.text(this.title, MARGIN, this.y, { size: 18, font: BOLD }) + 8;
    const top = this.y;
    const facts: [string, string][] = [
      [labels.number, model.number],
      [labels.issueDate, formatDate(model.issueDate, language)],
      ...(model.kind === 'invoice'
        ? [[labels.dueDate, formatDate(model.dueDate, language)] as [string, string]]
        : []),
      model.kind === 'estimate'
        ? [labels.validUntil, formatDate(model.validUntil, language)]
        : [labels.billingPeriod, formatPeriod(model.billingPeriod, language)],
    ];
    let left = top;
    for (const [label, value] of facts) {
      this.text(label, MARGIN, left, { size: 9, font: BOLD, width: 105 });
      left += this.text(value, MARGIN + 108, left, { size: 9, width: 140 }) + 3;
    }
    const x = MARGIN + 270;
    const width = CONTENT_WIDTH - 270;
    const { customer } = model;
    let right = top;
    right += this.text(labels.customer, x, right, { size: 8, color: GREY, width }) + 2;
    right += this.text(customer.legalName, x, right, { size: 10, font: BOLD, width }) + 2;
    if (customer.taxId !== null && customer.taxId.trim() !== '')
      right += this.text(`${labels.taxId}: ${customer.taxId}`, x, right, { size: 9, width });
    for (const line of addressLines(customer.address))
      right += this.text(line, x, right, { size: 9, width });
    this.y = Math.max(left, right) + 14;
  }

  /** A credit note names the invoice it rectifies (number and date) and why. */
  private drawRectified(rectified: { number: string; issueDate: string; reason: string }): void {
    const { labels, language } = this;
    const date = formatDate(rectified.issueDate, language);
    this.y += this.text(labels.rectifies(rectified.number, date), MARGIN, this.y, {
      size: 10,
      font: BOLD,
    });
    this.y += this.text(`${labels.reason}: ${rectified.reason}`, MARGIN, this.y + 2, { size: 9 });
    this.y += this.text(labels.byDifference, MARGIN, this.y + 4, { size: 8, color: GREY }) + 18;
  }

  private columns(): Column[] {
    const { labels, language } = this;
    const money = (cents: number) => formatMoney(cents, language);
    return [
      { title: labels.description, width: 151, align: 'left', cell: (l) => l.description },
      this.model.kind === 'estimate'
        ? {
            title: labels.quantity,
            width: 118,
            align: 'left',
            cell: (l) => `${l.quantity ?? 1} × ${money(l.unitPriceCents ?? l.amountCents)}`,
          }
        : {
            title: labels.period,
            width: 118,
            align: 'left',
            cell: (l) => (l.period ? formatPeriod(l.period, language) : ''),
          },
      { title: labels.base, width: 66, align: 'right', cell: (l) => money(l.amountCents) },
      {
        title: labels.vatRate,
        width: 38,
        align: 'right',
        cell: (l) => formatRate(l.vatRatePercent, language),
      },
      { title: labels.vat, width: 62, align: 'right', cell: (l) => money(l.vatCents) },
      {
        title: labels.total,
        width: CONTENT_WIDTH - 151 - 118 - 66 - 38 - 62,
        align: 'right',
        cell: (l) => money(l.totalCents),
      },
    ];
  }

  /** The lines table; a page that fills up goes on on the next, under the table's header. */
  private drawLines(): void {
    const columns = this.columns();
    this.drawRow(
      columns.map((column) => column.title),
      columns,
      { font: BOLD, fill: HEADER_FILL },
    );
    for (const line of this.model.lines) {
      const cells = columns.map((column) => column.cell(line));
      if (this.y + this.rowHeight(cells, columns, REGULAR) > CONTENT_BOTTOM) {
        this.newPage();
        this.drawRow(
          columns.map((column) => column.title),
          columns,
          { font: BOLD, fill: HEADER_FILL },
        );
      }
      this.drawRow(cells, columns, { font: REGULAR });
    }
    this.y += 14;
  }

  private rowHeight(cells: string[], columns: Column[], font: string): number {
    this.doc.font(font).fontSize(8);
    const heights = cells.map((cell, index) =>
      this.doc.heightOfString(winAnsiText(cell), { width: columns[index].width - 6 }),
    );
    return Math.max(...heights) + 6;
  }

  private drawRow(
    cells: string[],
    columns: Column[],
    style: { font: string; fill?: string },
  ): void {
    const height = this.rowHeight(cells, columns, style.font);
    if (style.fill !== undefined)
      this.doc.save().rect(MARGIN, this.y, CONTENT_WIDTH, height).fill(style.fill).restore();
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const column = columns[index];
      this.text(cell, x + 3, this.y + 3, {
        size: 8,
        font: style.font,
        width: column.width - 6,
        align: column.align,
      });
      x += column.width;
    });
    this.y += height;
    this.doc
      .save()
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + CONTENT_WIDTH, this.y)
      .lineWidth(0.5)
      .stroke(RULE)
      .restore();
  }

  /** The VAT breakdown per rate and the totals under it, kept together on one page. */
  private drawBreakdownAndTotals(): void {
    const { model, labels, language } = this;
    const money = (cents: number) => formatMoney(cents, language);
    const rowsHeight = 14 * (model.vatBreakdown.length + 1) + 16 + 14 * 3 + 20;
    if (this.y + rowsHeight > CONTENT_BOTTOM) this.newPage();
    const widths = [80, 90, 90];
    const x = MARGIN + CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
    this.text(labels.vatBreakdown, MARGIN, this.y, { size: 9, font: BOLD });
    const row = (cells: string[], font: string) => {
      let cellX = x;
      cells.forEach((cell, index) => {
        this.text(cell, cellX, this.y, { size: 9, font, width: widths[index], align: 'right' });
        cellX += widths[index];
      });
      this.y += 14;
    };
    row([labels.vatRate, labels.taxBase, labels.vatAmount], BOLD);
    for (const line of model.vatBreakdown)
      row(
        [formatRate(line.vatRatePercent, language), money(line.baseCents), money(line.vatCents)],
        REGULAR,
      );
    this.y += 16;
    const totals: [string, string, string][] = [
      [labels.netTotal, money(model.totals.netCents), REGULAR],
      [labels.vatTotal, money(model.totals.vatCents), REGULAR],
      [
        model.kind === 'estimate' ? labels.estimateTotal : labels.grandTotal,
        money(model.totals.totalCents),
        BOLD,
      ],
    ];
    for (const [label, value, font] of totals) {
      const size = font === BOLD ? 11 : 9;
      this.text(label, x, this.y, { size, font, width: widths[0] + widths[1], align: 'right' });
      this.text(value, x + widths[0] + widths[1], this.y, {
        size,
        font,
        width: widths[2],
        align: 'right',
      });
      this.y += size + 5;
    }
    this.y += 16;
  }

  /** How it is paid, and the IBAN charged (the signature's, rule 4) only ever masked. */
  private drawPayment(paymentMethod: string, maskedIban: string | null): void {
    const { labels } = this;
    if (this.y + 40 > CONTENT_BOTTOM) this.newPage();
    const method = labels.paymentMethods[paymentMethod] ?? paymentMethod;
    this.y += this.text(`${labels.paymentMethod}: ${method}`, MARGIN, this.y, { size: 9 }) + 2;
    if (maskedIban !== null)
      this.y += this.text(`${labels.iban}: ${maskedIban}`, MARGIN, this.y, { size: 9 });
  }

  /** An estimate's notes, and that it is not an invoice. */
  private drawEstimateNotes(notes: string | null): void {
    const { labels } = this;
    if (this.y + 40 > CONTENT_BOTTOM) this.newPage();
    if (notes !== null)
      this.y += this.text(`${labels.notes}: ${notes}`, MARGIN, this.y, { size: 9 }) + 4;
    this.y += this.text(labels.notAnInvoice, MARGIN, this.y, { size: 8, color: GREY });
  }

  /** Issuer, number and "page n of m" at the foot of every page. */
  private drawFooters(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      this.doc.switchToPage(page);
      // Below the bottom margin pdfkit would start a new page for the text: lift it for this.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const footer =
        `${this.model.issuer.legalName} · NIF ${this.model.issuer.nif} · ${this.model.number}` +
        ` · ${this.labels.page(page - start + 1, count)}`;
      this.text(footer, MARGIN, PAGE.height - MARGIN - 10, {
        size: 7,
        color: GREY,
        width: CONTENT_WIDTH,
        align: 'center',
      });
      this.doc.page.margins.bottom = bottom;
    }
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Writes `value` (made printable in WinAnsi) at x, y; answers the height it took. */
  private text(
    value: string,
    x: number,
    y: number,
    style: {
      size: number;
      font?: string;
      width?: number;
      align?: 'left' | 'right' | 'center';
      color?: string;
    },
  ): number {
    const printable = winAnsiText(value);
    const width = style.width ?? CONTENT_WIDTH - (x - MARGIN);
    this.doc
      .font(style.font ?? REGULAR)
      .fontSize(style.size)
      .fillColor(style.color ?? '#000000');
    this.doc.text(printable, x, y, { width, align: style.align ?? 'left' });
    return this.doc.heightOfString(printable, { width });
  }
}

/** The address as printed: street, neighbourhood, postal code and city, province, country. */
function addressLines(address: PostalAddress): string[] {
  const present = (value: string | null) => (value ?? '').trim();
  const town = [present(address.postalCode), present(address.city)].filter(Boolean).join(' ');
  const province = present(address.province);
  return [
    present(address.street),
    present(address.neighbourhood),
    town,
    province === present(address.city) ? '' : province,
    present(address.country),
  ].filter((line) => line !== '');
}
