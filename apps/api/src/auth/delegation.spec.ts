import { ExecutionContext, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { validateAppConfig } from '@app/application';
import { commandContextOf } from '../infrastructure/commands/command-context';
import { ApiKeyGuard, AuthenticatedRequest } from './api-key.guard';
import { ApiKeys } from './api-keys';
import { CommandEndpoint } from './access.decorator';

/** A command endpoint, as the controllers declare them. */
class Commands {
  @CommandEndpoint()
  run(): void {}
}

const requestWith = (headers: Record<string, string>): AuthenticatedRequest =>
  ({ headers }) as unknown as AuthenticatedRequest;

/** The guard's view of one HTTP request to a command endpoint. */
function authenticate(apiKeys: string | undefined, request: AuthenticatedRequest) {
  const guard = new ApiKeyGuard(new Reflector(), validateAppConfig({ API_KEYS: apiKeys }));
  const context = {
    getHandler: () => Commands.prototype.run,
    getClass: () => Commands,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  guard.canActivate(context);
  return request;
}

describe('acting for others (X-Actor): only delegate keys', () => {
  const keys = 'admin:admin-key-0001,operator+delegate:front-office-0001';

  it('reads the +delegate marker of API_KEYS, and refuses any other marker', () => {
    const apiKeys = new ApiKeys(keys);
    expect(apiKeys.identify('front-office-0001')).toMatchObject({
      role: 'operator',
      delegate: true,
    });
    expect(apiKeys.identify('admin-key-0001')).toMatchObject({ role: 'admin', delegate: false });
    expect(validateAppConfig({ API_KEYS: keys }).API_KEYS).toBe(keys);
    expect(() => validateAppConfig({ API_KEYS: 'operator+boss:front-office-0001' })).toThrow(
      /API_KEYS/,
    );
  });

  it('records X-Actor from a delegate key, with the key as via', () => {
    const request = authenticate(
      keys,
      requestWith({ authorization: 'Bearer front-office-0001', 'x-actor': 'ana' }),
    );
    const context = commandContextOf(request);
    expect(context.actor).toBe('ana');
    expect(context.via).toMatch(/^operator:[0-9a-f]{8}$/);
  });

  it('refuses X-Actor from any other key (403), even an admin one; without it the key acts', () => {
    const admin = authenticate(
      keys,
      requestWith({ authorization: 'Bearer admin-key-0001', 'x-actor': 'ana' }),
    );
    expect(() => commandContextOf(admin)).toThrow(ForbiddenException);
    const plain = authenticate(keys, requestWith({ authorization: 'Bearer admin-key-0001' }));
    const context = commandContextOf(plain);
    expect(context.actor).toBe(context.via);
  });

  it('accepts X-Actor from every caller when API_KEYS is unset (development)', () => {
    const request = authenticate(undefined, requestWith({ 'x-actor': 'ana' }));
    expect(commandContextOf(request)).toMatchObject({ actor: 'ana', via: 'admin:open' });
  });
});
