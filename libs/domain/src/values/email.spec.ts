import fc from 'fast-check';
import { Email } from './email';

describe('Email (R2, format part)', () => {
  it('normalises to trimmed lower case', () => {
    expect(Email.parse('  Ana.Garcia@Example.COM ').value).toBe('ana.garcia@example.com');
  });

  it('compares case-insensitively', () => {
    expect(Email.parse('ana@example.com').equals('ANA@EXAMPLE.COM')).toBe(true);
  });

  it.each(['ana@example.com', 'a+tag@mail.example.es', 'first.last@sub-domain.example.org'])(
    'accepts %s',
    (email) => {
      expect(Email.check(email).ok).toBe(true);
    },
  );

  it.each([
    '',
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana @example.com',
    'a@b@c.com',
    'ana..g@example.com',
  ])('refuses "%s" with R2 on the given field', (email) => {
    expect(Email.check(email, 'notifyEmails[0]')).toEqual({
      ok: false,
      reason: { code: 'R2', field: 'notifyEmails[0]', message: expect.stringMatching(/e-mail/) },
    });
  });

  it('accepts generated addresses and their upper-cased forms as the same address', () => {
    const address = fc.emailAddress().filter((email) => !email.includes('..'));
    fc.assert(
      fc.property(address, (email) => {
        const lower = Email.parse(email);
        return lower.equals(Email.parse(email.toUpperCase()));
      }),
    );
  });

  it('serialises to its normalised value', () => {
    expect(JSON.stringify([Email.parse('A@B.CO')])).toBe('["a@b.co"]');
  });
});
