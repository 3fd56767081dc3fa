import { invoiceIdOfStream, invoiceStream } from './invoice.stream';
import { invoiceSeriesStream, seriesOfStream } from './series/invoice-series.stream';

describe('Invoice streams', () => {
  it('names an invoice’s stream and reads the id back', () => {
    expect(invoiceStream('0b6c')).toBe('invoice-0b6c');
    expect(invoiceIdOfStream('invoice-0b6c')).toBe('0b6c');
    expect(invoiceIdOfStream('customer-0b6c')).toBeNull();
  });

  it('does not take a series stream, which shares the prefix, for an invoice', () => {
    expect(invoiceSeriesStream('F2025')).toBe('invoice-series-F2025');
    expect(seriesOfStream('invoice-series-F2025')).toBe('F2025');
    expect(invoiceIdOfStream('invoice-series-F2025')).toBeNull();
    expect(seriesOfStream('invoice-0b6c')).toBeNull();
  });
});
