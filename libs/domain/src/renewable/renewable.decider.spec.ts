import { given } from '../shared/testing/decider-specification';
import { renewableDecider } from './renewable.decider';
import {
  lapse,
  lapsedEvent,
  registerCommand,
  registered,
  renew,
  renewed,
} from './testing/renewable.fixtures';

const renewable = given(renewableDecider);

describe('Renewables (seed 003)', () => {
  describe('registering', () => {
    it('records the product and computes the first renewal: 31 Jan + 1 month is 28 Feb', () => {
      renewable([]).when(registerCommand()).then([registered()]);
    });

    it('counts a yearly period from the purchase date, 29 Feb renewing on 28 Feb', () => {
      renewable([])
        .when(registerCommand({ purchasedOn: '2028-02-29', period: { every: 1, unit: 'year' } }))
        .then([
          registered({
            purchasedOn: '2028-02-29',
            period: { every: 1, unit: 'year' },
            nextRenewalOn: '2029-02-28',
          }),
        ]);
    });

    it('keeps a purchase long past due on its first boundary, not the first one after today', () => {
      renewable([])
        .when(registerCommand({ purchasedOn: '2020-05-15', period: { every: 3, unit: 'month' } }))
        .then([
          registered({
            purchasedOn: '2020-05-15',
            period: { every: 3, unit: 'month' },
            nextRenewalOn: '2020-08-15',
          }),
        ]);
    });

    it('refuses every bad field at once: blank code, impossible date, huge or zero period', () => {
      renewable([])
        .when(
          registerCommand({
            productCode: '  ',
            purchasedOn: '2026-02-30',
            period: { every: 11, unit: 'year' },
          }),
        )
        .thenRefuses('RENEWABLE.INVALID_INPUT', {
          details: [{ field: 'productCode' }, { field: 'purchasedOn' }, { field: 'period' }],
        });
      for (const period of [
        { every: 0, unit: 'month' },
        { every: 121, unit: 'month' },
        { every: 1.5, unit: 'month' },
        { every: 1, unit: 'week' },
      ])
        renewable([])
          .when(registerCommand({ period }))
          .thenRefuses('RENEWABLE.INVALID_INPUT', { details: [{ field: 'period' }] });
    });

    it('refuses an unknown customer (404), a deleted one and an erased one', () => {
      renewable([])
        .when(registerCommand({ customer: { status: 'unregistered' } }))
        .thenRefuses('CUSTOMER.NOT_FOUND');
      renewable([])
        .when(registerCommand({ customer: { status: 'deleted' } }))
        .thenRefuses('CUSTOMER.DELETED');
      renewable([])
        .when(registerCommand({ customer: { status: 'erased' } }))
        .thenRefuses('CUSTOMER.ERASED');
    });

    it('refuses the same id twice', () => {
      renewable([registered()]).when(registerCommand()).thenRefuses('RENEWABLE.ALREADY_REGISTERED');
    });
  });

  describe('renewing', () => {
    it('advances the next renewal by one period from the purchase date and records the day', () => {
      renewable([registered()]).when(renew('2027-01-25')).then([renewed()]);
    });

    it('takes today in Madrid when no day is given (23:30 UTC is already tomorrow there)', () => {
      renewable([registered()])
        .when(renew())
        .then([renewed({ renewedOn: '2027-01-25' })]);
    });

    it('renews one period at a time, back to the 31st after February', () => {
      renewable([registered(), renewed()])
        .when(renew('2027-01-20'))
        .then([
          renewed({
            renewalDueOn: '2026-03-31',
            renewedOn: '2027-01-20',
            nextRenewalOn: '2026-04-30',
            periodsRenewed: 2,
          }),
        ]);
    });

    it('refuses a lapsed renewable (422) and an unknown one (404)', () => {
      renewable([registered(), lapsedEvent()]).when(renew()).thenRefuses('RENEWABLE.LAPSED');
      renewable([]).when(renew()).thenRefuses('RENEWABLE.NOT_FOUND');
    });

    it('refuses an impossible renewal day, one before the purchase or one after today', () => {
      renewable([registered()])
        .when(renew('2027-01-26'))
        .thenRefuses('RENEWABLE.INVALID_INPUT', { details: [{ field: 'renewedOn' }] });
      renewable([registered()])
        .when(renew('2027-02-30'))
        .thenRefuses('RENEWABLE.INVALID_INPUT', { details: [{ field: 'renewedOn' }] });
      renewable([registered()])
        .when(renew('2025-12-31'))
        .thenRefuses('RENEWABLE.INVALID_INPUT', { details: [{ field: 'renewedOn' }] });
    });
  });

  describe('lapsing', () => {
    it('stops a running renewable, on the day in Madrid', () => {
      renewable([registered(), renewed()]).when(lapse()).then([lapsedEvent()]);
    });

    it('lapses only once, and not an unknown one', () => {
      renewable([registered(), lapsedEvent()]).when(lapse()).thenRefuses('RENEWABLE.LAPSED');
      renewable([]).when(lapse()).thenRefuses('RENEWABLE.NOT_FOUND');
    });
  });

  describe('state', () => {
    it('is active, then renewed, then lapsed', () => {
      expect(renewable([registered()]).state()).toMatchObject({ status: 'active' });
      expect(renewable([registered(), renewed()]).state()).toMatchObject({
        status: 'renewed',
        periodsRenewed: 1,
        nextRenewalOn: '2026-03-31',
      });
      expect(renewable([registered(), lapsedEvent()]).state()).toMatchObject({
        status: 'lapsed',
        lapsedOn: '2027-01-25',
      });
    });
  });
});
