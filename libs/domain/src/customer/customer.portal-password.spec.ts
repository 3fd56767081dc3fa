import { given } from '../shared/testing/decider-specification';
import { customerDecider } from './customer.decider';
import { evolveCustomer } from './customer.evolve';
import {
  command,
  CUSTOMER_ID,
  deactivated,
  deleted,
  NOW,
  PORTAL_PASSWORD_HASH,
  registered,
} from './testing/customer.fixtures';

const customer = given(customerDecider);
const regenerate = (passwordHash = PORTAL_PASSWORD_HASH) =>
  command('RegeneratePortalPassword', { regenerationId: 'r-1', passwordHash });

describe('Customer decider: regenerating the portal password (rule 26)', () => {
  it('records the new salted hash under the regeneration, dated now', () => {
    customer([registered()])
      .when(regenerate())
      .then([
        {
          type: 'PortalPasswordRegenerated',
          data: {
            customerId: CUSTOMER_ID,
            regenerationId: 'r-1',
            passwordHash: PORTAL_PASSWORD_HASH,
            regeneratedAt: NOW,
          },
        },
      ]);
  });

  it('is allowed on an inactive customer: it still reads its invoices and debt', () => {
    customer([registered(), deactivated()])
      .when(regenerate())
      .then([expect.objectContaining({ type: 'PortalPasswordRegenerated' })]);
  });

  it('refuses a customer without a contact e-mail: there is nothing to log in with', () => {
    customer([registered({ email: null })])
      .when(regenerate())
      .thenRefuses('R26.NO_EMAIL', { message: /no contact e-mail/ });
  });

  it('refuses anything but a salted scrypt hash, so no clear password is ever written', () => {
    customer([registered()])
      .when(regenerate('Kx7pQ2mZr9Wd'))
      .thenRefuses('CUSTOMER.INVALID_INPUT', {
        details: [expect.objectContaining({ field: 'passwordHash' })],
      });
  });

  it('refuses a deleted customer', () => {
    customer([registered(), deleted()]).when(regenerate()).thenRefuses('CUSTOMER.DELETED');
  });

  it('leaves the state as it was: no decision reads the portal password', () => {
    const state = evolveCustomer(customerDecider.initialState, registered());
    const event = customerDecider.decide(regenerate(), state)[0];
    expect(evolveCustomer(state, event)).toBe(state);
  });
});
