import {
  generatePortalPassword,
  hashPortalPassword,
  PORTAL_PASSWORD_LENGTH,
  verifyPortalPassword,
} from './portal-password';

describe('Portal passwords (rule 26)', () => {
  it('are 14 characters of the unambiguous alphabet, different every time', () => {
    const passwords = Array.from({ length: 50 }, generatePortalPassword);
    for (const password of passwords) {
      expect(password).toHaveLength(PORTAL_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('are kept as a salted scrypt hash naming its cost, which holds nothing of the password', async () => {
    const password = generatePortalPassword();
    const [first, second] = [
      await hashPortalPassword(password),
      await hashPortalPassword(password),
    ];
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(first).not.toContain(password);
  });

  it('verify the password hashed, and nothing else', async () => {
    const hash = await hashPortalPassword('Kx7pQ2mZr9WdAb');
    expect(await verifyPortalPassword('Kx7pQ2mZr9WdAb', hash)).toBe(true);
    expect(await verifyPortalPassword('Kx7pQ2mZr9Wda', hash)).toBe(false);
    expect(await verifyPortalPassword('', hash)).toBe(false);
  });

  it('refuse every password when there is no hash, or a malformed one, still running scrypt', async () => {
    const hash = await hashPortalPassword('Kx7pQ2mZr9WdAb');
    const [, n, r, p, salt, key] = hash.split('$');
    for (const malformed of [
      'Kx7pQ2mZr9WdAb',
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`,
      `scrypt$${2 ** 20}$${r}$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}$${key.slice(4)}`,
    ])
      expect(await verifyPortalPassword('Kx7pQ2mZr9WdAb', malformed)).toBe(false);
    expect(await verifyPortalPassword('Kx7pQ2mZr9WdAb', null)).toBe(false);
  });
});
