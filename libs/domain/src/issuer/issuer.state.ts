import { IssuerProfile } from './issuer.profile';

export type IssuerState =
  | { status: 'unregistered' }
  | { status: 'registered'; issuerId: string; registeredAt: string; profile: IssuerProfile };

export const INITIAL_ISSUER_STATE: IssuerState = { status: 'unregistered' };

export const isRegisteredIssuer = (
  state: IssuerState,
): state is Extract<IssuerState, { status: 'registered' }> => state.status === 'registered';
