import { totalsOf } from '../../billing/billing.lines';
import { CustomerRefusal } from '../../customer/customer.errors';
import { DomainError, RefusalReason, refuseIfAny } from '../../shared/domain-error';
import { inputChecks, optionalText } from '../../shared/input-checks';
import { isCalendarDate } from '../../shared/iso-dates';
import { CreateEstimate } from '../estimate.commands';
import { EstimateRefusal } from '../estimate.errors';
import { EstimateCreated } from '../estimate.events';
import { EstimateState } from '../estimate.state';
import { MAX_ESTIMATE_NOTES_LENGTH } from '../estimate.values';
import { priceEstimateLines } from './price-estimate-lines';

const checks = inputChecks(EstimateRefusal.invalidInput);

/** Rule 29: an estimate for a registered customer, its lines priced, valid from today on. */
export function createEstimate(command: CreateEstimate, state: EstimateState): EstimateCreated[] {
  const { data } = command;
  if (state.status !== 'none')
    throw new DomainError(
      EstimateRefusal.alreadyCreated,
      `Estimate ${data.estimateId} already exists; create another with a new id.`,
    );
  refuseUnlessCustomerTakesEstimates(command);
  const problems: RefusalReason[] = [];
  const lines = priceEstimateLines(data.lines, data.tariffs, data.defaultVatRatePercent, problems);
  if (!isCalendarDate(data.validUntil)) checks.checkDay(data.validUntil, 'validUntil', problems);
  else if (data.validUntil < data.today)
    problems.push(
      checks.invalid(
        'validUntil',
        `validUntil ${data.validUntil} has passed (today is ${data.today}): an estimate is valid from today on.`,
      ),
    );
  const notes = optionalText(typeof data.notes === 'string' ? data.notes : null);
  if (notes !== null && notes.length > MAX_ESTIMATE_NOTES_LENGTH)
    problems.push(
      checks.invalid('notes', `notes take at most ${MAX_ESTIMATE_NOTES_LENGTH} characters.`),
    );
  refuseIfAny(problems);
  return [
    {
      type: 'EstimateCreated',
      data: {
        estimateId: data.estimateId,
        customerId: data.customerId,
        lines,
        totals: totalsOf(lines),
        validUntil: data.validUntil,
        notes,
        createdAt: command.metadata.at,
      },
    },
  ];
}

function refuseUnlessCustomerTakesEstimates({ data }: CreateEstimate): void {
  if (data.customer.status === 'unregistered')
    throw new DomainError(CustomerRefusal.notFound, `No customer ${data.customerId}`);
  if (data.customer.status === 'deleted')
    throw new DomainError(CustomerRefusal.deleted, 'A deleted customer cannot get an estimate.');
  if (data.customer.status === 'erased')
    throw new DomainError(
      CustomerRefusal.erased,
      "The customer's personal data was erased: an estimate's lines could not be kept.",
    );
}
