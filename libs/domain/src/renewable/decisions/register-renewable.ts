import { CustomerRefusal } from '../../customer/customer.errors';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { inputChecks, optionalText } from '../../shared/input-checks';
import { isCalendarDate } from '../../shared/iso-dates';
import { RegisterRenewable } from '../renewable.commands';
import { RenewableRefusal } from '../renewable.errors';
import { RenewableRegistered } from '../renewable.events';
import { RenewableState } from '../renewable.state';
import { MAX_PRODUCT_CODE_LENGTH, MAX_RENEWABLE_DESCRIPTION_LENGTH } from '../renewable.values';
import {
  MAX_RENEWAL_MONTHS,
  nextRenewalOn,
  periodMonths,
  RenewalPeriod,
  RenewalUnit,
} from '../renewal-period';

const checks = inputChecks(RenewableRefusal.invalidInput);

/** Seed 003: a product the customer bought that renews every period from its purchase date. */
export function registerRenewable(
  command: RegisterRenewable,
  state: RenewableState,
): RenewableRegistered[] {
  const { data } = command;
  if (state.status !== 'none')
    throw new DomainError(
      RenewableRefusal.alreadyRegistered,
      `Renewable ${data.renewableId} already exists; register another with a new id.`,
    );
  refuseUnlessCustomerTakesRenewables(command);
  const problems: RefusalReason[] = [];
  const productCode = checks.requireText(
    data.productCode,
    'productCode',
    'Give the product code.',
    problems,
  );
  if (productCode.length > MAX_PRODUCT_CODE_LENGTH)
    problems.push(checks.invalid('productCode', `At most ${MAX_PRODUCT_CODE_LENGTH} characters.`));
  const description = optionalText(data.description);
  if (description !== null && description.length > MAX_RENEWABLE_DESCRIPTION_LENGTH)
    problems.push(
      checks.invalid('description', `At most ${MAX_RENEWABLE_DESCRIPTION_LENGTH} characters.`),
    );
  if (!isCalendarDate(data.purchasedOn))
    problems.push(
      checks.invalid('purchasedOn', 'The purchase date must be a real day, YYYY-MM-DD.'),
    );
  const months = periodMonths(data.period ?? {});
  if (months === null)
    problems.push(
      checks.invalid(
        'period',
        `The period is every 1…${MAX_RENEWAL_MONTHS} months or 1…${MAX_RENEWAL_MONTHS / 12} years.`,
      ),
    );
  refuseIfAny(problems);
  const period: RenewalPeriod = { every: data.period.every, unit: data.period.unit as RenewalUnit };
  return [
    {
      type: 'RenewableRegistered',
      data: {
        renewableId: data.renewableId,
        customerId: data.customerId,
        productCode,
        description,
        purchasedOn: data.purchasedOn,
        period,
        nextRenewalOn: nextRenewalOn(data.purchasedOn, period, 0),
        registeredAt: command.metadata.at,
      },
    },
  ];
}

function refuseUnlessCustomerTakesRenewables({ data }: RegisterRenewable): void {
  if (data.customer.status === 'unregistered')
    throw new DomainError(CustomerRefusal.notFound, `No customer ${data.customerId}`);
  if (data.customer.status === 'deleted')
    throw new DomainError(CustomerRefusal.deleted, 'A deleted customer cannot buy a renewable.');
  if (data.customer.status === 'erased')
    throw new DomainError(
      CustomerRefusal.erased,
      "The customer's personal data was erased: it takes no new renewable.",
    );
}
