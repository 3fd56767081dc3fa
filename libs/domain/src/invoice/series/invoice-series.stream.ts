/**
 * The one place that names an invoice series' stream (`invoice-series-F2026`). Every number of
 * a series is handed out by appending to this one stream with the expected revision, so two
 * billing runs racing for the same series cannot both take a number (rule R8).
 */
export const INVOICE_SERIES_STREAM_PREFIX = 'invoice-series-';

export const invoiceSeriesStream = (series: string): string =>
  INVOICE_SERIES_STREAM_PREFIX + series;

/** The series code of a stream name, or `null` if the stream is not an invoice series'. */
export function seriesOfStream(stream: string): string | null {
  return stream.startsWith(INVOICE_SERIES_STREAM_PREFIX)
    ? stream.slice(INVOICE_SERIES_STREAM_PREFIX.length)
    : null;
}
