import { CommandContext } from '../commands/command-context';
import { DeactivateCustomerCommand, RemoveAddressCommand } from './customer.commands';

const context: CommandContext = {
  actor: 'spec',
  via: 'spec',
  correlationId: 'spec',
  causationId: null,
  at: '2026-01-01T00:00:00.000Z',
};

describe('customer use cases', () => {
  it('are typed by the domain command they run: a misspelt or mistyped field does not compile', () => {
    // @ts-expect-error `adressId` is not a field of RemoveAddress
    new RemoveAddressCommand('c-1', { adressId: 'a-1' }, context);
    // @ts-expect-error `addressId` is a string
    new RemoveAddressCommand('c-1', { addressId: 1 }, context);
    const command = new RemoveAddressCommand('c-1', { addressId: 'a-1' }, context);
    expect(command).toMatchObject({ customerId: 'c-1', data: { addressId: 'a-1' } });
  });

  it('leave facts from other aggregates to the handler: deactivation takes only the reason', () => {
    const command = new DeactivateCustomerCommand('c-1', 'moved away', context);
    expect(command.data).toEqual({ reason: 'moved away' });
  });
});
