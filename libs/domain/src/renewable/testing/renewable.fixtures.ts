import { LapseRenewable, RegisterRenewable, RenewRenewable } from '../renewable.commands';
import { RenewableEvent, RenewableRegistered, RenewableRenewed } from '../renewable.events';

export const RENEWABLE_ID = 'ren-1';
export const RENEWABLE_CUSTOMER_ID = 'cus-1';
/** 10:00 in Madrid on 2026-01-31. */
export const REGISTERED_AT = '2026-01-31T09:00:00.000Z';
/** 23:30 UTC on 2027-01-24 is already the 25th in Madrid. */
export const STEP_AT = '2027-01-24T23:30:00.000Z';

export const registerCommand = (
  data: Partial<RegisterRenewable['data']> = {},
): RegisterRenewable => ({
  type: 'RegisterRenewable',
  data: {
    renewableId: RENEWABLE_ID,
    customerId: RENEWABLE_CUSTOMER_ID,
    customer: { status: 'active' },
    productCode: 'DOM-ES',
    description: 'Domain fibranorte.es',
    purchasedOn: '2026-01-31',
    period: { every: 1, unit: 'month' },
    ...data,
  },
  metadata: { at: REGISTERED_AT },
});

export const registered = (
  data: Partial<RenewableRegistered['data']> = {},
): RenewableRegistered => ({
  type: 'RenewableRegistered',
  data: {
    renewableId: RENEWABLE_ID,
    customerId: RENEWABLE_CUSTOMER_ID,
    productCode: 'DOM-ES',
    description: 'Domain fibranorte.es',
    purchasedOn: '2026-01-31',
    period: { every: 1, unit: 'month' },
    nextRenewalOn: '2026-02-28',
    registeredAt: REGISTERED_AT,
    ...data,
  },
});

export const renewed = (data: Partial<RenewableRenewed['data']> = {}): RenewableRenewed => ({
  type: 'RenewableRenewed',
  data: {
    renewableId: RENEWABLE_ID,
    customerId: RENEWABLE_CUSTOMER_ID,
    renewalDueOn: '2026-02-28',
    renewedOn: '2027-01-25',
    nextRenewalOn: '2026-03-31',
    periodsRenewed: 1,
    renewedAt: STEP_AT,
    ...data,
  },
});

export const lapsedEvent = (): RenewableEvent => ({
  type: 'RenewableLapsed',
  data: {
    renewableId: RENEWABLE_ID,
    customerId: RENEWABLE_CUSTOMER_ID,
    lapsedOn: '2027-01-25',
    lapsedAt: STEP_AT,
  },
});

export const renew = (renewedOn?: string | null): RenewRenewable => ({
  type: 'RenewRenewable',
  data: { renewableId: RENEWABLE_ID, ...(renewedOn === undefined ? {} : { renewedOn }) },
  metadata: { at: STEP_AT },
});

export const lapse = (): LapseRenewable => ({
  type: 'LapseRenewable',
  data: { renewableId: RENEWABLE_ID },
  metadata: { at: STEP_AT },
});
