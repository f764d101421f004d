import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
// `algorithm: 2` is Argon2id (the package's const enum cannot be imported under isolated modules).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Verifies against a stored hash; a malformed hash verifies as false. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** A hash to verify against when no account matches, so both answers take the same time. */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('kinga-no-such-account-placeholder');
  return dummyHash;
}

export interface PasswordIssue {
  code: 'too_short' | 'too_long' | 'common' | 'contains_email' | 'repetitive';
  message: string;
}

/** Checks a new password: length, the common-password list, and the obvious guesses. */
export function checkPasswordStrength(password: string, minLength: number, email?: string): PasswordIssue | undefined {
  if ([...password].length < minLength) return { code: 'too_short', message: `Use at least ${minLength} characters` };
  if (password.length > 256) return { code: 'too_long', message: 'Use at most 256 characters' };
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[^a-z0-9]/g, '');
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(squashed) ||
    COMMON_PASSWORDS.has(squashed.replace(/\d+$/, ''))
  ) {
    return { code: 'common', message: 'This password is too common; choose another' };
  }
  if (/^[\d\s]+$/.test(password)) return { code: 'common', message: 'Digits alone are too easy to guess; add letters' };
  if (/^(.)\1+$/.test(password) || new Set(lower).size < 4) {
    return { code: 'repetitive', message: 'Use more different characters' };
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return { code: 'contains_email', message: 'Do not use your email address in the password' };
  }
  return undefined;
}
