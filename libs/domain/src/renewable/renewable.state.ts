import { RenewalPeriod } from './renewal-period';

export interface RenewableRecord {
  renewableId: string;
  customerId: string;
  purchasedOn: string;
  period: RenewalPeriod;
  periodsRenewed: number;
  nextRenewalOn: string;
}

export type NoRenewable = { status: 'none' };
export type LiveRenewable = { status: 'active' | 'renewed' } & RenewableRecord;
export type LapsedRenewable = { status: 'lapsed'; lapsedOn: string } & RenewableRecord;

export type RenewableState = NoRenewable | LiveRenewable | LapsedRenewable;

export const INITIAL_RENEWABLE_STATE: RenewableState = { status: 'none' };
