import { DomainCommand } from '../shared/decider';
import { IssuerInput, IssuerPatch } from './issuer.profile';

export type RegisterIssuer = DomainCommand<'RegisterIssuer', IssuerInput & { issuerId: string }>;

/** Sets the fields given; a NIF other than the registered one is refused (R21.NIF_IMMUTABLE). */
export type EditIssuer = DomainCommand<'EditIssuer', IssuerPatch & { issuerId: string }>;

export type IssuerCommand = RegisterIssuer | EditIssuer;
