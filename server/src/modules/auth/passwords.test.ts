import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

describe('checkPasswordStrength', () => {
  const check = (password: string, email?: string) => checkPasswordStrength(password, 12, email)?.code;

  it('accepts a long passphrase', () => {
    expect(check('Mvua ya Kericho inanyesha', 'wanjiku.kamau@tumaini.example')).toBeUndefined();
    expect(check('Matatu za Githurai 45')).toBeUndefined();
  });

  it('refuses what is shorter than the minimum, counting characters rather than bytes', () => {
    expect(check('Kisumu#2026')).toBe('too_short');
    expect(checkPasswordStrength('Kisumu#2026', 8)).toBeUndefined();
    // Twelve characters, of which some take more than one UTF-16 unit.
    expect(check('🦁🦒🐘🦓🐆🦏 Jambo!')).toBeUndefined();
    expect(check('🦁🦒🐘🦓🐆')).toBe('too_short');
  });

  it('refuses more than 256 characters', () => {
    expect(check('Jambo rafiki '.repeat(20) + 'z'.repeat(10))).toBe('too_long');
  });

  it.each(['password1234', 'PASSWORD1234', 'Password!1234', 'qwerty123456', 'iloveyou2026'])(
    'refuses the common password %s, however decorated',
    (pw) => {
      expect(check(pw)).toBe('common');
    },
  );

  it('refuses passwords of digits alone, however long', () => {
    expect(check('123456789012')).toBe('common');
    expect(check('2026 0412 7788 15')).toBe('common');
  });

  it('refuses repetitive passwords', () => {
    expect(check('aaaaaaaaaaaaaa')).toBe('repetitive');
    expect(check('abababababababab')).toBe('repetitive');
  });

  it('refuses a password containing the local part of the email', () => {
    expect(check('achieng.otieno-Kenya!', 'achieng.otieno@staff.example')).toBe('contains_email');
    expect(check('ACHIENG.OTIENO 2026 ya!', 'achieng.otieno@staff.example')).toBe('contains_email');
  });
});

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password only, and a malformed hash as false', async () => {
    const hash = await hashPassword('Mvua ya Kericho inanyesha');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Mvua ya Kericho inanyesha')).toBe(true);
    expect(await verifyPassword(hash, 'mvua ya kericho inanyesha')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
