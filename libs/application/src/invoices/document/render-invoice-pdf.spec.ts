import jsQR from 'jsqr';
import { invoiceDocumentModelOf, InvoiceDocumentModel } from './invoice-document.model';
import { AEAT_QR_SIZE_POINTS, renderInvoicePdf } from './render-invoice-pdf';
import { POINTS_PER_MM } from './aeat-qr-symbol';
import { decemberLine, creditNote, invoice, issuer } from './testing/invoice-document.fixtures';
import { firstPageRaster, pdfInfo, pdfText, runPoppler } from './testing/poppler';

const production = { issuer, environment: 'production' } as const;
const invoiceModel = invoiceDocumentModelOf({ invoice }, production);
const creditNoteModel = invoiceDocumentModelOf({ invoice, creditNote }, production);

const DPI = 150;
const MM_PER_PIXEL = 25.4 / DPI;

/** The top third of an A4 page (297 mm): where the AEAT recommends the QR. */
const TOP_THIRD_INCHES = 297 / 25.4 / 3;

/**
 * The top third of the first page rasterised at 150 dpi, its QR decoded: the text and the
 * printed side in mm. Found there or not at all: the QR belongs at the top of the page.
 */
function decodedQr(pdf: Buffer): { data: string; sideMm: number } {
  const { width, height, rgba } = firstPageRaster(pdf, DPI, TOP_THIRD_INCHES);
  const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (code === null) throw new Error('No QR code found at the top of the first page');
  const { topLeftCorner, topRightCorner, bottomLeftCorner } = code.location;
  const across = Math.hypot(topRightCorner.x - topLeftCorner.x, topRightCorner.y - topLeftCorner.y);
  const down = Math.hypot(
    bottomLeftCorner.x - topLeftCorner.x,
    bottomLeftCorner.y - topLeftCorner.y,
  );
  return { data: code.data, sideMm: ((across + down) / 2) * MM_PER_PIXEL };
}

/** Whitespace runs as one space: `-layout` pads columns, the words stay in order. */
const squeezed = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('the printed invoice (PDF)', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderInvoicePdf(invoiceModel, 'es');
    text = squeezed(pdfText(pdf));
  });

  it('is a one-page PDF titled with the number, by the issuer', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info.get('Pages')).toBe('1');
    expect(info.get('Page size')).toMatch(/\(A4\)/);
    expect(info.get('Title')).toBe('Factura FA-000001');
    expect(info.get('Author')).toBe('Telecomunicaciones Añón S.L.');
  });

  it('shows the title, the number and the dates in Spanish', () => {
    expect(text).toContain('Factura');
    expect(text).not.toContain('rectificativa');
    expect(text).toContain('Número FA-000001');
    expect(text).toContain('Fecha de expedición 01/12/2026');
    expect(text).toContain('Fecha de vencimiento 15/12/2026');
    expect(text).toContain('Periodo de facturación 01/12/2026 – 31/12/2026');
  });

  it('shows the issuer and the customer snapshot, accents and ñ included', () => {
    expect(text).toContain('Telecomunicaciones Añón S.L.');
    expect(text).toContain('NIF: B12345674');
    expect(text).toContain('26001 Logroño');
    expect(text).toContain('José Peñalver Muñoz');
    expect(text).toContain('NIF: 12345678Z');
    expect(text).toContain('Avenida de la Constitución 5, 3º B');
  });

  it('shows each line, the VAT breakdown per rate and the totals, Spanish style', () => {
    expect(text).toContain(
      'Fibra 600 Mb — cuota de diciembre 01/12/2026 – 31/12/2026 1.000,00 € 21 % 210,00 € 1.210,00 €',
    );
    expect(text).toContain(
      'Alquiler de router (tipo reducido) 01/12/2026 – 31/12/2026 3,33 € 10 % 0,33 € 3,66 €',
    );
    expect(text).toContain('10 % 3,33 € 0,33 €');
    expect(text).toContain('21 % 1.234,56 € 259,26 €');
    expect(text).toContain('Base imponible 1.237,89 €');
    expect(text).toContain('IVA 259,59 €');
    expect(text).toContain('Total factura 1.497,48 €');
  });

  it('shows the payment method and the IBAN charged, masked', () => {
    expect(text).toContain('Forma de pago: Domiciliación bancaria');
    expect(text).toContain('IBAN de cargo: ES91 **** **** **** **** 1332');
  });

  it('prints "QR tributario:" above the QR and "VERI*FACTU" below it', () => {
    const lines = pdfText(pdf).split('\n');
    const above = lines.findIndex((line) => line.includes('QR tributario:'));
    const below = lines.findIndex((line) => line.includes('VERI*FACTU'));
    expect(above).toBeGreaterThanOrEqual(0);
    expect(below).toBeGreaterThan(above);
    // Above the title: the QR is at the top of the page, as the AEAT recommends.
    expect(lines.findIndex((line) => /^\s*Factura\s*$/.test(line))).toBeGreaterThan(below);
  });

  it('carries a QR that decodes to the AEAT URL, printed between 30 and 40 mm', () => {
    const qr = decodedQr(pdf);
    expect(qr.data).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=B12345674&numserie=FA-000001&fecha=01-12-2026&importe=1497.48',
    );
    expect(qr.sideMm).toBeGreaterThanOrEqual(30);
    expect(qr.sideMm).toBeLessThanOrEqual(40);
    expect(qr.sideMm).toBeCloseTo(AEAT_QR_SIZE_POINTS / POINTS_PER_MM, 0);
  });

  it('is dated by the document, not the clock: the same model gives the same bytes', async () => {
    expect(pdfInfo(pdf).get('CreationDate')).toBe('2026-12-01T08:00:00Z');
    const again = await renderInvoicePdf(invoiceModel, 'es');
    expect(again.equals(pdf)).toBe(true);
  });

  it('is in English when asked', async () => {
    const english = squeezed(pdfText(await renderInvoicePdf(invoiceModel, 'en')));
    expect(english).toContain('Invoice');
    expect(english).toContain('Number FA-000001');
    expect(english).toContain('Issue date 1 Dec 2026');
    expect(english).toContain('Invoice total €1,497.48');
    expect(english).toContain('Payment method: Direct debit');
    expect(english).toContain('QR tributario:');
    expect(english).toContain('VERI*FACTU');
  });
});

describe('the printed credit note (PDF)', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderInvoicePdf(creditNoteModel, 'es');
    text = squeezed(pdfText(pdf));
  });

  it('is a rectifying invoice with its own number, naming the invoice it rectifies', () => {
    expect(text).toContain('Factura rectificativa');
    expect(text).toContain('Número FA-R-000007');
    expect(text).toContain('Fecha de expedición 04/01/2027');
    expect(text).not.toContain('Fecha de vencimiento');
    expect(text).toContain('Rectifica la factura FA-000001 de 01/12/2026');
    expect(text).toContain('Motivo: Avería de fibra: 10 días sin servicio');
  });

  it('shows the issuer NIF, the customer and negative totals (by difference)', () => {
    expect(text).toContain('NIF: B12345674');
    expect(text).toContain('José Peñalver Muñoz');
    expect(text).toContain('21 % -322,58 € -67,74 €');
    expect(text).toContain('Base imponible -322,58 €');
    expect(text).toContain('IVA -67,74 €');
    expect(text).toContain('Total factura -390,32 €');
    expect(text).toContain('QR tributario:');
    expect(text).toContain('VERI*FACTU');
  });

  it('carries a QR that decodes to its own AEAT URL with a negative importe', () => {
    const qr = decodedQr(pdf);
    expect(qr.data).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR' +
        '?nif=B12345674&numserie=FA-R-000007&fecha=04-01-2027&importe=-390.32',
    );
    expect(qr.sideMm).toBeGreaterThanOrEqual(30);
    expect(qr.sideMm).toBeLessThanOrEqual(40);
  });

  it('is a "Corrective invoice" in English', async () => {
    const english = squeezed(pdfText(await renderInvoicePdf(creditNoteModel, 'en')));
    expect(english).toContain('Corrective invoice');
    expect(english).toContain('Corrects invoice FA-000001 of 1 Dec 2026');
    expect(english).toContain('Invoice total -€390.32');
  });
});

describe('text the PDF standard fonts cannot show', () => {
  it('prints a ? for each such character instead of failing or garbling the rest', async () => {
    const model: InvoiceDocumentModel = {
      ...invoiceModel,
      customer: { ...invoiceModel.customer, legalName: '山田 Taro 😀 Peñalver' },
      lines: [{ ...invoiceModel.lines[0], description: 'Иван — fibra ✓' }],
    };
    const text = squeezed(pdfText(await renderInvoicePdf(model, 'es')));
    expect(text).toContain('?? Taro ? Peñalver');
    expect(text).toContain('???? — fibra ?');
  });
});

describe('a long invoice', () => {
  it('goes on over pages, each line printed once, the QR on the first page', async () => {
    const lines = Array.from({ length: 80 }, (_, index) =>
      decemberLine(`Línea número ${index + 1} de la factura larga`, 1000 + index),
    );
    const model = invoiceDocumentModelOf({ invoice: { ...invoice, lines } }, production);
    const pdf = await renderInvoicePdf(model, 'es');
    const pages = Number(pdfInfo(pdf).get('Pages'));
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (let index = 1; index <= 80; index++)
      expect(text.match(new RegExp(`Línea número ${index} de`, 'g'))).toHaveLength(1);
    expect(squeezed(text)).toContain(`Página ${pages} de ${pages}`);
    // The table's header starts every page the lines run over.
    expect(text.match(/Descripción/g)).toHaveLength(pages);
    expect(decodedQr(pdf).data).toBe(model.qrUrl);
  });
});

describe('a document that cannot be dated', () => {
  it('is refused, not dated by the clock', async () => {
    await expect(
      renderInvoicePdf({ ...invoiceModel, issuedAt: 'yesterday' }, 'es'),
    ).rejects.toThrow(/issuedAt is not an instant: yesterday/);
  });
});

describe('the poppler-utils the specs read PDFs with', () => {
  it('fails with the package to install when a tool is missing', () => {
    expect(() => runPoppler('pdftotext-missing-tool', ['-v'])).toThrow(
      /pdftotext-missing-tool is not installed.*poppler-utils/,
    );
  });
});
