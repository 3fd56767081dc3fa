import { ERASED } from '../customer/customer.erasure';
import { NO_PERSONAL_DATA, PersonalDataMap } from '../shared/personal-data';
import { SendEvent } from './send.events';

/**
 * A message's recipient (an e-mail address or a phone number) is the customer's personal
 * data, sealed under the customer's key; so is an attempt's error, which a mail server may
 * word with the address in it. Template, params (ids, numbers, amounts) and dates stay clear.
 */
export const SEND_PERSONAL_FIELDS = {
  MessageQueued: { paths: { recipient: ERASED } },
  MessageDeliveryClaimed: NO_PERSONAL_DATA,
  MessageDeliveryAttemptFailed: { paths: { error: ERASED } },
  MessageSent: NO_PERSONAL_DATA,
  MessageFailed: { paths: { error: ERASED } },
} satisfies PersonalDataMap<SendEvent>;
