import { InvoiceDocumentEvent } from '@app/domain';
import {
  CHARGED_IBAN,
  effectCollected,
  effectCreated,
  effectReturned,
  INVOICE_ID,
  INVOICE_TOTAL,
  invoiceEvent,
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

  it('rule 17: is remitted, reduced and cancelled while pending, and not after', () => {
    const remitted = invoiceEvent('EffectRemitted', {
      effectId: 'eff-1',
      remittanceId: 'rem-1',
      remittedAt: '2025-03-04T09:00:00.000Z',
    });
    const reduced = invoiceEvent('EffectReduced', {
      effectId: 'eff-1',
      fromCents: INVOICE_TOTAL,
      toCents: 1000,
      cause: 'payment',
      reason: null,
      reducedAt: '2025-03-04T10:00:00.000Z',
    });
    const cancelled = invoiceEvent('EffectCancelled', {
      effectId: 'eff-1',
      amountCents: 1000,
      cause: 'operator',
      reason: 'paid at the office',
      cancelledAt: '2025-03-04T11:00:00.000Z',
    });
    expect(effectOf(effectCreated(), remitted)).toMatchObject({
      status: 'pending',
      remittanceId: 'rem-1',
    });
    expect(effectOf(effectCreated(), reduced)).toMatchObject({
      status: 'pending',
      amountCents: 1000,
    });
    expect(effectOf(effectCreated(), reduced, cancelled)).toMatchObject({
      status: 'cancelled',
      amountCents: 1000,
      cancelledAt: '2025-03-04T11:00:00.000Z',
    });
    const collected = effectOf(effectCreated(), effectCollected());
    const [, , late] = stream(effectCreated(), effectCollected(), cancelled);
    expect(evolvePendingEffect(collected, late)).toBeNull();
  });
});
