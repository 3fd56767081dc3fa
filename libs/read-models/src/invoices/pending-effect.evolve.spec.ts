import { InvoiceDocumentEvent } from '@app/domain';
import {
  CHARGED_IBAN,
  effectCollected,
  effectCreated,
  effectReturned,
  INVOICE_ID,
  INVOICE_TOTAL,
  invoiceIssued,
} from '@app/domain/invoice/testing/invoice.fixtures';
import { foldRow, recordedStream } from '../testing/recorded-stream';
import { evolvePendingEffect } from './pending-effect.evolve';

const stream = (...events: InvoiceDocumentEvent[]) =>
  recordedStream(`invoice-${INVOICE_ID}`, events);

describe('evolvePendingEffect (pure: no database)', () => {
  const effectOf = (...events: InvoiceDocumentEvent[]) =>
    foldRow(evolvePendingEffect, stream(...events));

  it('a direct-debit effect is pending, its IBAN masked', () => {
    const effect = effectOf(invoiceIssued(), effectCreated());
    expect(effect).toMatchObject({
      id: 'eff-1',
      invoiceId: INVOICE_ID,
      amountCents: INVOICE_TOTAL,
      status: 'pending',
      collectedAt: null,
    });
    expect(JSON.stringify(effect)).not.toContain(CHARGED_IBAN);
  });

  it('is collected, then returned with the bank’s reason', () => {
    expect(effectOf(effectCreated(), effectCollected())).toMatchObject({
      status: 'collected',
      collectedAt: '2025-03-15T09:00:00.000Z',
    });
    expect(effectOf(effectCreated(), effectCollected(), effectReturned())).toMatchObject({
      status: 'returned',
      returnedAt: '2025-03-20T09:00:00.000Z',
      returnReason: 'AM04 insufficient funds',
    });
  });

  it('a collection applies to a pending effect only, and neither applies to an effect not there', () => {
    const [, collected, , again] = stream(
      effectCreated(),
      effectCollected(),
      effectReturned(),
      effectCollected(),
    );
    const returned = effectOf(effectCreated(), effectCollected(), effectReturned());
    expect(evolvePendingEffect(returned, again)).toBeNull();
    expect(evolvePendingEffect(null, collected)).toBeNull();
    const [, returnedEvent] = stream(effectCreated(), effectReturned());
    expect(evolvePendingEffect(null, returnedEvent)).toBeNull();
  });
});
