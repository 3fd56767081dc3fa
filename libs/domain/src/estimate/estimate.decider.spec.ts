import { given } from '../shared/testing/decider-specification';
import { estimateDecider } from './estimate.decider';
import {
  acceptCommand,
  ANSWER_AT,
  createCommand,
  estimateAccepted,
  estimateCreated,
  estimateRejected,
  ESTIMATE_CUSTOMER_ID,
  ESTIMATE_ID,
  fibreTariff,
  rejectCommand,
  TARIFF_ID,
} from './testing/estimate.fixtures';

const estimate = given(estimateDecider);

describe('Estimates (rule 29)', () => {
  describe('creating', () => {
    it('prices a catalog line at the tariff’s name and price and a free line as given, VAT per line', () => {
      estimate([]).when(createCommand()).then([estimateCreated()]);
    });

    it('takes a free line’s own VAT rate, and the customer’s when it names none', () => {
      const [event] = estimateDecider.decide(
        createCommand({
          lines: [
            { description: 'Book', unitPriceCents: 1000, vatRatePercent: 4 },
            { description: 'Cable', unitPriceCents: 1000 },
          ],
          defaultVatRatePercent: 10,
        }),
        estimateDecider.initialState,
      );
      expect(event.type === 'EstimateCreated' && event.data.totals).toEqual({
        netCents: 2000,
        vatCents: 140,
        totalCents: 2140,
      });
    });

    it('refuses a retired tariff and an unknown one, naming the line (rule 28)', () => {
      estimate([])
        .when(createCommand({ tariffs: { [TARIFF_ID]: fibreTariff('retired') } }))
        .thenRefuses('R28.RETIRED', { details: [{ field: 'lines[0].tariffId' }] });
      estimate([])
        .when(createCommand({ tariffs: {} }))
        .thenRefuses('R28.UNKNOWN', { details: [{ field: 'lines[0].tariffId' }] });
    });

    it('refuses a catalog line that overrides the catalog’s price', () => {
      estimate([])
        .when(createCommand({ lines: [{ tariffId: TARIFF_ID, unitPriceCents: 1 }] }))
        .thenRefuses('R29.INVALID_INPUT', { details: [{ field: 'lines[0].unitPriceCents' }] });
    });

    it('refuses every bad field at once, each named', () => {
      estimate([])
        .when(
          createCommand({
            lines: [
              { description: ' ', unitPriceCents: -1, quantity: 0, vatRatePercent: 101 },
              { description: 'Huge', unitPriceCents: 10_000_000_001 },
            ],
            validUntil: '2026-02-30',
          }),
        )
        .thenRefuses('R29.INVALID_INPUT', {
          details: [
            { field: 'lines[0].description' },
            { field: 'lines[0].quantity' },
            { field: 'lines[0].unitPriceCents' },
            { field: 'lines[0].vatRatePercent' },
            { code: 'MONEY.ABOVE_MAXIMUM', field: 'lines[1].unitPriceCents' },
            { field: 'validUntil' },
          ],
        });
    });

    it('refuses an estimate without lines, or valid until a day already past', () => {
      estimate([])
        .when(createCommand({ lines: [] }))
        .thenRefuses('R29.INVALID_INPUT', { details: [{ field: 'lines' }] });
      estimate([])
        .when(createCommand({ validUntil: '2026-02-28' }))
        .thenRefuses('R29.INVALID_INPUT', { details: [{ field: 'validUntil' }] });
    });

    it('refuses an unknown customer (404), a deleted one and an erased one', () => {
      estimate([])
        .when(createCommand({ customer: { status: 'unregistered' } }))
        .thenRefuses('CUSTOMER.NOT_FOUND');
      estimate([])
        .when(createCommand({ customer: { status: 'deleted' } }))
        .thenRefuses('CUSTOMER.DELETED');
      estimate([])
        .when(createCommand({ customer: { status: 'erased' } }))
        .thenRefuses('CUSTOMER.ERASED');
    });

    it('refuses an id already used', () => {
      estimate([estimateCreated()])
        .when(createCommand())
        .thenRefuses('R29.ESTIMATE_ALREADY_CREATED');
    });
  });

  describe('accepting', () => {
    it('fixes the contract and one subscription per unit of each tariff line at the quoted price', () => {
      estimate([estimateCreated()]).when(acceptCommand()).then([estimateAccepted]);
    });

    it('keeps the quoted price even when the catalog’s changed since', () => {
      const repriced = fibreTariff();
      if (repriced.status !== 'none')
        repriced.terms = { monthlyPriceCents: 9900, vatRatePercent: 21, billingMode: 'arrears' };
      estimate([estimateCreated()])
        .when(acceptCommand({ tariffs: { [TARIFF_ID]: repriced } }))
        .then([estimateAccepted]);
    });

    it('refuses a tariff retired since the estimate was made (rule 28)', () => {
      estimate([estimateCreated()])
        .when(acceptCommand({ tariffs: { [TARIFF_ID]: fibreTariff('retired') } }))
        .thenRefuses('R28.RETIRED');
    });

    it('refuses once its validUntil has passed: expired', () => {
      estimate([estimateCreated()])
        .when(acceptCommand({ today: '2026-04-01' }))
        .thenRefuses('R29.EXPIRED');
    });

    it('takes it on its last valid day', () => {
      estimate([estimateCreated()])
        .when(acceptCommand({ today: '2026-03-31' }))
        .then([estimateAccepted]);
    });

    it('refuses an estimate accepted or rejected already, and an unknown one (404)', () => {
      estimate([estimateCreated(), estimateAccepted])
        .when(acceptCommand())
        .thenRefuses('R29.ALREADY_ANSWERED');
      estimate([estimateCreated(), estimateRejected])
        .when(acceptCommand())
        .thenRefuses('R29.ALREADY_ANSWERED');
      estimate([]).when(acceptCommand()).thenRefuses('R29.ESTIMATE_NOT_FOUND');
    });

    it('refuses a customer who is not active: the subscriptions would be refused', () => {
      estimate([estimateCreated()])
        .when(acceptCommand({ customer: { status: 'inactive' } }))
        .thenRefuses('R29.CUSTOMER_NOT_ACTIVE');
    });
  });

  describe('rejecting', () => {
    it('records the customer’s reason', () => {
      estimate([estimateCreated()]).when(rejectCommand()).then([estimateRejected]);
    });

    it('refuses an answered, an expired and an unknown estimate', () => {
      estimate([estimateCreated(), estimateRejected])
        .when(rejectCommand())
        .thenRefuses('R29.ALREADY_ANSWERED');
      estimate([estimateCreated()])
        .when(rejectCommand({ today: '2026-04-01' }))
        .thenRefuses('R29.EXPIRED');
      estimate([]).when(rejectCommand()).thenRefuses('R29.ESTIMATE_NOT_FOUND');
    });
  });

  describe('fulfilling the acceptance', () => {
    const fulfil = {
      type: 'FulfillEstimate' as const,
      data: { estimateId: ESTIMATE_ID },
      metadata: { at: ANSWER_AT },
    };

    it('records once that the contract and subscriptions exist', () => {
      const fulfilled = {
        type: 'EstimateFulfilled' as const,
        data: {
          estimateId: ESTIMATE_ID,
          customerId: ESTIMATE_CUSTOMER_ID,
          contractId: 'con-1',
          subscriptionIds: ['sub-1', 'sub-2'],
          fulfilledAt: ANSWER_AT,
        },
      };
      estimate([estimateCreated(), estimateAccepted]).when(fulfil).then([fulfilled]);
      estimate([estimateCreated(), estimateAccepted, fulfilled]).when(fulfil).thenNothingHappens();
    });

    it('refuses an estimate not accepted', () => {
      estimate([estimateCreated()]).when(fulfil).thenRefuses('R29.NOT_ACCEPTED');
    });
  });
});
