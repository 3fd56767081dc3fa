import { assertNever, Decider } from '../shared/decider';
import { DomainError, RefusalReason, refuseIfAny } from '../shared/domain-error';
import { changedFields } from '../shared/field-changes';
import { inputChecks } from '../shared/input-checks';
import { EditIssuer, IssuerCommand, RegisterIssuer } from './issuer.commands';
import { IssuerRefusal, issuerNotFound } from './issuer.errors';
import { IssuerEdited, IssuerEvent, IssuerRegistered } from './issuer.events';
import {
  checkNif,
  EDITABLE_ISSUER_FIELDS,
  EditableIssuerFields,
  IssuerProfile,
  issuerProfileOf,
  patchedIssuerInput,
} from './issuer.profile';
import { INITIAL_ISSUER_STATE, IssuerState } from './issuer.state';

const { requireText } = inputChecks(IssuerRefusal.invalidInput);

function evolve(state: IssuerState, event: IssuerEvent): IssuerState {
  switch (event.type) {
    case 'IssuerRegistered': {
      const { issuerId, registeredAt, ...profile } = event.data;
      return { status: 'registered', issuerId, registeredAt, profile };
    }
    case 'IssuerEdited': {
      if (state.status !== 'registered') return state;
      const profile: IssuerProfile = { ...state.profile };
      for (const change of event.data.changes)
        (profile as unknown as Record<string, unknown>)[change.field] = change.after;
      return { ...state, profile };
    }
    default:
      return assertNever(event, 'issuer event');
  }
}

/** Rule 21: an issuer with a legal name, a checked NIF and address, and its series. */
function register(command: RegisterIssuer, state: IssuerState): IssuerRegistered[] {
  if (state.status === 'registered')
    throw new DomainError(
      IssuerRefusal.idTaken,
      `Issuer ${state.issuerId} is already registered; edit it (PATCH /issuers/${state.issuerId}) instead.`,
    );
  const problems: RefusalReason[] = [];
  const { issuerId: rawId, ...input } = command.data;
  const issuerId = requireText(rawId, 'issuerId', 'Name the issuer.', problems);
  const profile = issuerProfileOf(input, problems);
  refuseIfAny(problems);
  return [
    {
      type: 'IssuerRegistered',
      data: { issuerId, ...profile, registeredAt: command.metadata.at },
    },
  ];
}

/** Sets the fields given; the NIF stays (another NIF is another legal entity, another chain). */
function edit(command: EditIssuer, state: IssuerState): IssuerEdited[] {
  if (state.status !== 'registered') throw issuerNotFound(command.data.issuerId);
  const { issuerId, nif, ...patch } = command.data;
  const problems: RefusalReason[] = [];
  if (nif !== undefined) {
    const given = checkNif(nif, problems);
    refuseIfAny(problems);
    if (given !== state.profile.nif)
      throw new DomainError(
        IssuerRefusal.nifImmutable,
        `Issuer ${issuerId} is ${state.profile.nif}; a different NIF (${given}) is another legal entity with its own VERI*FACTU chain: register it as a new issuer.`,
        [{ code: IssuerRefusal.nifImmutable, field: 'nif', message: 'The NIF cannot change' }],
      );
  }
  const after = issuerProfileOf(patchedIssuerInput(state.profile, patch), problems);
  refuseIfAny(problems);
  const changes = changedFields<EditableIssuerFields>(state.profile, after, EDITABLE_ISSUER_FIELDS);
  if (changes.length === 0) return [];
  return [{ type: 'IssuerEdited', data: { issuerId, changes, editedAt: command.metadata.at } }];
}

function decide(command: IssuerCommand, state: IssuerState): IssuerEvent[] {
  switch (command.type) {
    case 'RegisterIssuer':
      return register(command, state);
    case 'EditIssuer':
      return edit(command, state);
    default:
      return assertNever(command, 'issuer command');
  }
}

export const issuerDecider: Decider<IssuerCommand, IssuerEvent, IssuerState> = {
  initialState: INITIAL_ISSUER_STATE,
  evolve,
  decide,
};
