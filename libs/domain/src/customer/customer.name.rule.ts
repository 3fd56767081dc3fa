import { RefusalReason } from '../shared/domain-error';
import { RuleCode } from '../shared/rule-codes';
import { NAME_FIELDS, NameField, PERSON_TYPES, PersonName, isPersonType } from './customer.profile';

/** Rule R1: a natural person fills at least four of the five name fields. */
export const MIN_NATURAL_PERSON_NAME_FIELDS = 4;

const NAME_FIELD_LABELS: Record<NameField, string> = {
  name: 'full name',
  givenName: 'given name',
  middleName: 'second given name',
  firstSurname: 'first surname',
  secondSurname: 'second surname',
};

/** Rule R1 on a complete name: what is missing for its person type, if anything. */
export function personNameProblems(person: PersonName): RefusalReason[] {
  const code = RuleCode.personTypeNames;
  if (!isPersonType(person.personType))
    return [
      {
        code,
        field: 'personType',
        message: `Unknown person type "${String(person.personType)}"; use one of ${PERSON_TYPES.join(', ')}.`,
      },
    ];
  if (person.personType !== 'natural') {
    if (person.name !== null) return [];
    const kind = person.personType === 'legal' ? 'A legal person' : 'A customer';
    return [{ code, field: 'name', message: `${kind} needs a name; fill in the full name.` }];
  }
  const missing = NAME_FIELDS.filter((field) => person[field] === null);
  if (NAME_FIELDS.length - missing.length >= MIN_NATURAL_PERSON_NAME_FIELDS) return [];
  const labels = missing.map((field) => NAME_FIELD_LABELS[field]).join(', ');
  return [
    {
      code,
      field: missing[0],
      message: `A natural person needs at least ${MIN_NATURAL_PERSON_NAME_FIELDS} of the 5 name fields; missing: ${labels}.`,
    },
  ];
}
