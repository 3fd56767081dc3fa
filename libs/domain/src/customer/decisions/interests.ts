import { dateInZone } from '../../billing/billing.calendar';
import { chooseCatalogEntry } from '../../catalog/catalog.choice';
import { INITIAL_CATALOG_STATE } from '../../catalog/catalog.state';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { inputChecks, optionalText } from '../../shared/input-checks';
import { isCalendarDate } from '../../shared/iso-dates';
import { EditInterest, InterestInput, RecordInterest, RemoveInterest } from '../customer.commands';
import { CustomerRefusal } from '../customer.errors';
import { InterestEdited, InterestRecorded, InterestRemoved } from '../customer.events';
import {
  CustomerInterest,
  interestChanges,
  MAX_INTEREST_CONTACT_NAME_LENGTH,
  MAX_INTEREST_NOTES_LENGTH,
  MAX_INTEREST_PRODUCT_LENGTH,
} from '../customer.interests';
import { RegisteredCustomer } from '../customer.state';

const checks = inputChecks(CustomerRefusal.invalidInput);

const interestsOf = (customer: RegisteredCustomer) => customer.interests ?? [];

/** Seed 003: a product of interest, who showed it and when ("por defecto, hoy"). */
export function recordInterest(
  command: RecordInterest,
  customer: RegisteredCustomer,
): InterestRecorded[] {
  const { interestId } = command.data;
  if (interestsOf(customer).some((interest) => interest.interestId === interestId))
    throw new DomainError(
      CustomerRefusal.interestAlreadyRecorded,
      `Interest ${interestId} is already on customer ${customer.customerId}; use a new id.`,
    );
  const today = dateInZone(command.metadata.at);
  const blank: CustomerInterest = {
    interestId,
    product: '',
    tariffId: null,
    contactId: null,
    contactName: null,
    shownOn: today,
    notes: null,
  };
  const interest = resolveInterest(command.data, blank, customer, { recording: true, today });
  const data = { customerId: customer.customerId, ...interest, recordedAt: command.metadata.at };
  return [{ type: 'InterestRecorded', data }];
}

/** Fields left out keep their value, checked as on recording; no change writes nothing. */
export function editInterest(
  command: EditInterest,
  customer: RegisteredCustomer,
): InterestEdited[] {
  const current = findInterest(customer, command.data.interestId);
  const today = dateInZone(command.metadata.at);
  const edited = resolveInterest(command.data, current, customer, { recording: false, today });
  const changes = interestChanges(current, edited);
  if (changes.length === 0) return [];
  const { customerId } = customer;
  const data = {
    customerId,
    interestId: current.interestId,
    changes,
    editedAt: command.metadata.at,
  };
  return [{ type: 'InterestEdited', data }];
}

export function removeInterest(
  command: RemoveInterest,
  customer: RegisteredCustomer,
): InterestRemoved[] {
  const { interestId } = findInterest(customer, command.data.interestId);
  const data = { customerId: customer.customerId, interestId, removedAt: command.metadata.at };
  return [{ type: 'InterestRemoved', data }];
}

function findInterest(customer: RegisteredCustomer, interestId: string): CustomerInterest {
  const interest = interestsOf(customer).find((candidate) => candidate.interestId === interestId);
  if (!interest)
    throw new DomainError(
      CustomerRefusal.interestNotFound,
      `Customer ${customer.customerId} has no interest ${interestId}; it may have been removed.`,
    );
  return interest;
}

/**
 * The interest once `input` applies to `current` (a blank one when recording). Every bad field
 * is refused at once; the product and the contact are each given one way, not both.
 */
function resolveInterest(
  input: InterestInput,
  current: CustomerInterest,
  customer: RegisteredCustomer,
  { recording, today }: { recording: boolean; today: string },
): CustomerInterest {
  const problems: RefusalReason[] = [];
  const product = resolveProduct(input, current, recording, problems);
  const contact = resolveContact(input, current, customer, problems);
  let shownOn = current.shownOn;
  if (input.shownOn !== undefined && input.shownOn !== null) {
    if (!isCalendarDate(input.shownOn))
      problems.push(checks.invalid('shownOn', 'The day shown must be a real day, YYYY-MM-DD.'));
    else if (input.shownOn > today)
      problems.push(checks.invalid('shownOn', `An interest is shown by now: not after ${today}.`));
    else shownOn = input.shownOn;
  }
  const notes = input.notes === undefined ? current.notes : optionalText(input.notes);
  if (notes !== null && notes.length > MAX_INTEREST_NOTES_LENGTH)
    problems.push(checks.invalid('notes', `At most ${MAX_INTEREST_NOTES_LENGTH} characters.`));
  // A tariff that cannot be chosen is refused under rule 28's own code, after the rest.
  refuseIfAny(problems);
  const tariffGiven = product.tariffId !== null && input.tariffId !== undefined;
  const tariff = tariffGiven ? chosenTariff(input, current, product.tariffId as string) : null;
  return {
    interestId: current.interestId,
    product: tariff?.name ?? product.text,
    tariffId: product.tariffId,
    ...contact,
    shownOn,
    notes,
  };
}

function resolveProduct(
  input: InterestInput,
  current: CustomerInterest,
  recording: boolean,
  problems: RefusalReason[],
): { text: string; tariffId: string | null } {
  const text = input.product === undefined ? undefined : optionalText(input.product);
  const tariffId = input.tariffId === undefined ? undefined : optionalText(input.tariffId);
  if (typeof text === 'string' && typeof tariffId === 'string') {
    problems.push(checks.invalid('product', 'Give the product as text or as tariffId, not both.'));
    return { text: current.product, tariffId: current.tariffId };
  }
  if (typeof tariffId === 'string') return { text: current.product, tariffId };
  if (typeof text === 'string') {
    if (text.length > MAX_INTEREST_PRODUCT_LENGTH)
      problems.push(
        checks.invalid('product', `At most ${MAX_INTEREST_PRODUCT_LENGTH} characters.`),
      );
    return { text, tariffId: null };
  }
  if (recording || text === null) {
    problems.push(checks.invalid('product', 'Name the product (text) or a catalog tariffId.'));
    return { text: current.product, tariffId: current.tariffId };
  }
  // `tariffId: null` alone detaches the tariff, its name kept as the product's text.
  return { text: current.product, tariffId: tariffId === null ? null : current.tariffId };
}

/** A tariff given now must be one rule 28 lets a record choose; the one held stays, even retired. */
function chosenTariff(input: InterestInput, current: CustomerInterest, tariffId: string) {
  return chooseCatalogEntry(
    input.tariff ?? INITIAL_CATALOG_STATE,
    'tariff',
    tariffId,
    'tariffId',
    current.tariffId,
  );
}

function resolveContact(
  input: InterestInput,
  current: CustomerInterest,
  customer: RegisteredCustomer,
  problems: RefusalReason[],
): { contactId: string | null; contactName: string | null } {
  const contactId = input.contactId === undefined ? undefined : optionalText(input.contactId);
  const name = input.contactName === undefined ? undefined : optionalText(input.contactName);
  if (typeof contactId === 'string' && typeof name === 'string') {
    problems.push(
      checks.invalid('contactName', 'Name the contact by contactId or contactName, not both.'),
    );
    return current;
  }
  if (typeof contactId === 'string') {
    const contact = customer.contacts.find((candidate) => candidate.contactId === contactId);
    if (contact) return { contactId, contactName: contact.name };
    problems.push({
      code: CustomerRefusal.interestContactUnknown,
      field: 'contactId',
      message: `Customer ${customer.customerId} has no contact person ${contactId}.`,
    });
    return current;
  }
  if (name !== undefined) {
    if (name !== null && name.length > MAX_INTEREST_CONTACT_NAME_LENGTH)
      problems.push(
        checks.invalid('contactName', `At most ${MAX_INTEREST_CONTACT_NAME_LENGTH} characters.`),
      );
    return { contactId: null, contactName: name };
  }
  if (contactId === null) return { contactId: null, contactName: null };
  return { contactId: current.contactId, contactName: current.contactName };
}
