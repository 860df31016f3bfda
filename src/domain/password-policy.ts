/**
 * Password rules: OWASP ASVS 5 (V6: at least 8 characters, 64 or more allowed, no truncation, no
 * composition rule beyond length, refuse common and breached passwords) together with the Korean
 * 개인정보의 안전성 확보조치 기준 해설서 (at least 10 characters of two kinds, or 8 of three kinds;
 * not derived from the user's ID). Both are satisfied by: ≥ 10 characters, or ≥ 8 with three kinds.
 *
 * Pure: the common-password list is passed in.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MIN_SIMPLE = 10;
export const PASSWORD_MAX = 128;

export interface PasswordProblem {
  code: 'too_short' | 'too_simple' | 'too_long' | 'contains_username' | 'common' | 'same_as_current' | 'blank';
  message: string;
}

/** The text stored and compared: Unicode NFC, never truncated. */
export const normalizePassword = (p: string) => p.normalize('NFC');

/** Character kinds: 영대문자, 영소문자, 숫자, 특수문자(그 밖의 모든 문자). */
export function characterKinds(p: string): number {
  let kinds = 0;
  if (/[A-Z]/.test(p)) kinds++;
  if (/[a-z]/.test(p)) kinds++;
  if (/[0-9]/.test(p)) kinds++;
  if (/[^A-Za-z0-9]/.test(p)) kinds++;
  return kinds;
}

export interface PasswordContext {
  username: string;
  /** Lower-cased common/breached passwords. */
  common: ReadonlySet<string>;
  /** Passwords refused for this account in particular (e.g. the demo password for a real account). */
  refused?: readonly string[];
}

/** All the problems of a candidate password (empty = acceptable). Messages are Korean. */
export function passwordProblems(password: string, ctx: PasswordContext): PasswordProblem[] {
  const p = normalizePassword(password);
  const length = [...p].length;
  const problems: PasswordProblem[] = [];
  if (p.trim().length === 0) return [{ code: 'blank', message: '비밀번호를 입력하세요.' }];
  if (length > PASSWORD_MAX)
    problems.push({ code: 'too_long', message: `비밀번호는 ${PASSWORD_MAX}자까지 쓸 수 있습니다.` });
  if (length < PASSWORD_MIN) {
    problems.push({
      code: 'too_short',
      message: `비밀번호는 ${PASSWORD_MIN_SIMPLE}자 이상(영문 대문자·소문자·숫자·특수문자 중 3종류 이상이면 ${PASSWORD_MIN}자 이상)이어야 합니다.`,
    });
  } else if (length < PASSWORD_MIN_SIMPLE && characterKinds(p) < 3) {
    problems.push({
      code: 'too_simple',
      message: `${PASSWORD_MIN_SIMPLE}자보다 짧은 비밀번호는 영문 대문자·소문자·숫자·특수문자 중 3종류 이상을 섞어야 합니다.`,
    });
  }
  const user = ctx.username.trim().toLowerCase();
  if (user.length >= 3 && p.toLowerCase().includes(user)) {
    problems.push({ code: 'contains_username', message: '비밀번호에 아이디를 넣을 수 없습니다.' });
  }
  const lower = p.toLowerCase();
  if (ctx.common.has(lower) || ctx.refused?.some((r) => normalizePassword(r).toLowerCase() === lower)) {
    problems.push({
      code: 'common',
      message: '널리 쓰이거나 유출된 적이 있는 비밀번호입니다. 다른 비밀번호를 쓰세요.',
    });
  }
  return problems;
}
