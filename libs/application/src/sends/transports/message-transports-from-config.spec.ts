import { join } from 'node:path';
import { validateAppConfig } from '../../config/app-config';
import { messageTransportsFrom } from '../sends.scheduler';

describe('the transports the configuration chooses (rule 25)', () => {
  it('writes both channels as files under DATA_DIR/outbox when neither SMTP nor a gateway is set (npm start)', () => {
    const transports = messageTransportsFrom(validateAppConfig({ DATA_DIR: '/var/billing' }));
    expect(transports.email.description).toBe(`files in ${join('/var/billing', 'outbox')}`);
    expect(transports.sms).toBe(transports.email);
  });

  it('sends e-mail through SMTP_URL and SMS through SMS_GATEWAY_URL when set', () => {
    const transports = messageTransportsFrom(
      validateAppConfig({
        DATA_DIR: '/var/billing',
        SMTP_URL: 'smtp://user:secret@mail.example.com:587',
        SMS_GATEWAY_URL: 'https://sms.example.com/send',
      }),
    );
    expect(transports.email.description).toBe('SMTP mail.example.com:587');
    expect(transports.sms.description).toBe('SMS gateway sms.example.com');
    transports.email.close?.();
  });

  it('refuses a malformed SMTP_URL or SMS_GATEWAY_URL at boot', () => {
    expect(() => validateAppConfig({ SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => validateAppConfig({ SMS_GATEWAY_URL: 'ftp://x' })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => validateAppConfig({ SENDS_MAX_ATTEMPTS: '0' })).toThrow(/SENDS_MAX_ATTEMPTS/);
  });
});
