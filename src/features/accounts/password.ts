/** Password hashing (Argon2id) and the acceptability check with the shipped common-password list. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { validationError } from '../../domain/errors.js';
import { normalizePassword, passwordProblems } from '../../domain/password-policy.js';

/** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2: Options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(normalizePassword(password), ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: unknown usernames are verified against it so both paths take as long. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(crypto.randomBytes(24).toString('base64')));

let common: Set<string> | undefined;
/** The common/breached password list shipped beside this file (lower-cased). */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const text = fs.readFileSync(fileURLToPath(new URL('./common-passwords.txt', import.meta.url)), 'utf8');
    common = new Set(
      text
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return common;
}

/** Throws a validation error (code `password_rejected`) listing every rule the password breaks. */
export function assertPasswordAcceptable(
  password: string,
  opts: { username: string; refused?: string[]; current?: string },
) {
  const problems = passwordProblems(password, {
    username: opts.username,
    common: commonPasswords(),
    refused: opts.refused,
  });
  if (opts.current !== undefined && normalizePassword(opts.current) === normalizePassword(password))
    problems.push({ code: 'same_as_current', message: '지금 쓰는 비밀번호와 다른 비밀번호를 쓰세요.' });
  if (problems.length)
    throw validationError(
      problems.map((p) => p.message).join(' '),
      problems.map((p) => ({ path: 'password', message: p.message, code: p.code })),
      'password_rejected',
    );
}

const ALPHABET = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digit: '23456789',
  special: '!@#$%*-_+=?',
};

/** A random temporary password (16 characters, all four kinds), for accounts an administrator creates or resets. */
export function generateTemporaryPassword(): string {
  const all = Object.values(ALPHABET).join('');
  const pick = (s: string) => s[crypto.randomInt(s.length)]!;
  const chars = [pick(ALPHABET.upper), pick(ALPHABET.lower), pick(ALPHABET.digit), pick(ALPHABET.special)];
  while (chars.length < 16) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
