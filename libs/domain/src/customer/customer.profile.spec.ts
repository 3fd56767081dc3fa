import { displayName, EMPTY_PROFILE } from './customer.profile';
import { customerIdOfStream, customerStream } from './customer.stream';

describe('displayName', () => {
  it('prefers the full name', () => {
    expect(displayName({ ...EMPTY_PROFILE, name: 'Bar Pepe', givenName: 'José' })).toBe('Bar Pepe');
  });

  it('joins the parts of a natural person without a full name', () => {
    const person = {
      ...EMPTY_PROFILE,
      personType: 'natural' as const,
      givenName: 'Ana',
      middleName: 'María',
      firstSurname: 'García',
      secondSurname: 'López',
    };
    expect(displayName(person)).toBe('Ana María García López');
    expect(displayName({ ...person, middleName: null })).toBe('Ana García López');
  });
});

describe('customer streams', () => {
  it('names the stream after the customer id and back', () => {
    expect(customerStream('6f1c')).toBe('customer-6f1c');
    expect(customerIdOfStream('customer-6f1c')).toBe('6f1c');
    expect(customerIdOfStream('contract-6f1c')).toBeNull();
  });
});
