/** `bsc users …`: accounts from the command line (whoever runs it owns the database: no policy check, audited as cli:<user>). */
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command, CommandContext } from '../command.js';
import { cliActor } from '../../features/plans/context.js';
import { createUser } from '../../features/accounts/create-user.js';
import { importUsersCsv } from '../../features/accounts/import-users.js';
import { listUserViews, usersByRole } from '../../features/accounts/list-users.js';
import {
  deactivateDemoAccounts,
  resetUserPassword,
  setUserActive,
  setUserRoles,
  unlockUser,
} from '../../features/accounts/manage-user.js';
import { accountSettings } from '../../features/accounts/settings.js';
import type { GrantInput } from '../../features/accounts/grants.js';
import type { UserView } from '../../features/accounts/user-view.js';
import { ROLE_LABELS } from '../../domain/policy.js';
import { orgOf, requiredArg } from '../shared.js';

const caller = () => ({ actor: cliActor(), principal: null });

/** "department_staff:교통과;보건소" or "rater" → a grant. */
export function parseRoleArg(s: string): GrantInput {
  const i = s.indexOf(':');
  if (i < 0) return { role: s.trim() };
  return {
    role: s.slice(0, i).trim(),
    departments: s
      .slice(i + 1)
      .split(/[;|,]/)
      .map((d) => d.trim())
      .filter(Boolean),
  };
}

/**
 * A command on one account: parses `options` with `--org` and the account (USER, required, named
 * with the usage when missing), then opens the organization.
 */
async function accountArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  ctx: CommandContext,
  usage: string,
  options: O,
) {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { ...options, org: { type: 'string' } },
  });
  const user = requiredArg(positionals[0], 'USER', usage);
  return { values, user, ...(await orgOf(ctx, (values as { org?: string }).org)) };
}

function describeUser(u: UserView): string {
  const roles = u.roles
    .map((r) => (r.department ? `${ROLE_LABELS[r.role]}(${r.department.name})` : ROLE_LABELS[r.role]))
    .join(', ');
  const flags = [
    !u.active && '중지',
    u.demo && '데모',
    u.mustChangePassword && '비밀번호 변경 필요',
    u.lockedUntil && '잠김',
  ]
    .filter(Boolean)
    .join(', ');
  return `${u.username}\t${u.displayName}\t${roles || '(역할 없음)'}${flags ? `\t[${flags}]` : ''}`;
}

export const usersListCommand: Command = {
  name: 'users list',
  usage: 'users list [--json] [--all] [--org CODE]',
  description: '사용자와 역할·부서 (--json: [{"username","role","departments"}]; --all: 중지된 계정도)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { json: { type: 'boolean' }, all: { type: 'boolean' }, org: { type: 'string' } },
    });
    const { db, org } = await orgOf(ctx, values.org);
    const views = await listUserViews(db, org.id, caller(), values.all ? {} : { active: true });
    if (values.json) ctx.io.out(JSON.stringify(usersByRole(views)));
    else {
      for (const v of views) ctx.io.out(describeUser(v));
      ctx.io.err(`\n사용자 ${views.length}명`);
    }
    return 0;
  },
};

export const usersCreateCommand: Command = {
  name: 'users create',
  usage: 'users create --username U --name 이름 --role ROLE[:부서;부서] … [--email E] [--org CODE]',
  description: '사용자 만들기 (임시 비밀번호를 한 번 출력; 첫 로그인 때 바꿔야 함)',
  async run(ctx) {
    const usage = this.usage;
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string', multiple: true },
        org: { type: 'string' },
      },
    });
    const { db, org } = await orgOf(ctx, values.org);
    const r = await createUser(db, accountSettings(ctx.config), org.id, caller(), {
      username: requiredArg(values.username, '--username', usage),
      displayName: requiredArg(values.name, '--name', usage),
      email: values.email,
      roles: (values.role ?? []).map(parseRoleArg),
    });
    ctx.io.out(describeUser(r.user));
    ctx.io.out(`임시 비밀번호: ${r.temporaryPassword}`);
    ctx.io.err('임시 비밀번호는 다시 보여 주지 않습니다. 본인에게 안전하게 전달하세요. 첫 로그인 때 바꿔야 합니다.');
    return 0;
  },
};

export const usersImportCommand: Command = {
  name: 'users import',
  usage: 'users import FILE.csv [--out FILE] [--org CODE]',
  description: 'CSV로 사용자 일괄 만들기 (username,display_name,email,role,departments; 전부 아니면 전무)',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { out: { type: 'string' }, org: { type: 'string' } },
    });
    const file = requiredArg(positionals[0], 'FILE.csv', this.usage);
    const { db, org } = await orgOf(ctx, values.org);
    const r = await importUsersCsv(db, org.id, caller(), fs.readFileSync(file, 'utf8'));
    const lines = [
      'username,display_name,temporary_password',
      ...r.created.map((c) => `${c.username},"${c.displayName.replace(/"/g, '""')}",${c.temporaryPassword}`),
    ];
    if (values.out) {
      fs.writeFileSync(values.out, lines.join('\n') + '\n', { mode: 0o600 });
      ctx.io.out(
        `사용자 ${r.created.length}명을 만들었습니다. 임시 비밀번호는 ${values.out} 에 저장했습니다 (전달 뒤 지우세요).`,
      );
    } else {
      for (const l of lines) ctx.io.out(l);
      ctx.io.err(`사용자 ${r.created.length}명을 만들었습니다.`);
    }
    return 0;
  },
};

export const usersRolesCommand: Command = {
  name: 'users roles',
  usage: 'users roles USER --role ROLE[:부서;부서] … [--org CODE]',
  description: '역할·부서를 이 목록으로 바꾸기 (권한 변경 기록)',
  async run(ctx) {
    const { values, user, db, org } = await accountArgs(ctx, this.usage, { role: { type: 'string', multiple: true } });
    const v = await setUserRoles(db, org.id, caller(), user, (values.role ?? []).map(parseRoleArg));
    ctx.io.out(describeUser(v));
    return 0;
  },
};

export const usersResetPasswordCommand: Command = {
  name: 'users reset-password',
  usage: 'users reset-password USER [--org CODE]',
  description: '임시 비밀번호로 초기화 (잠금 해제, 세션 종료, 다음 로그인 때 변경)',
  async run(ctx) {
    const { user, db, org } = await accountArgs(ctx, this.usage, {});
    const r = await resetUserPassword(db, accountSettings(ctx.config), org.id, caller(), user);
    ctx.io.out(`${r.user.username} 임시 비밀번호: ${r.temporaryPassword}`);
    return 0;
  },
};

export const usersUnlockCommand: Command = {
  name: 'users unlock',
  usage: 'users unlock USER [--org CODE]',
  description: '로그인 잠금 해제',
  async run(ctx) {
    const { user, db, org } = await accountArgs(ctx, this.usage, {});
    ctx.io.out(describeUser(await unlockUser(db, org.id, caller(), user)));
    return 0;
  },
};

export const usersDeactivateCommand: Command = {
  name: 'users deactivate',
  usage: 'users deactivate USER | --demo [--org CODE]',
  description: '계정 사용 중지 (세션도 끝남); --demo: 데모 계정 전부 (운영 전에)',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { demo: { type: 'boolean' }, org: { type: 'string' } },
    });
    const { db, org } = await orgOf(ctx, values.org);
    if (values.demo) {
      const names = await deactivateDemoAccounts(db, org.id, caller());
      ctx.io.out(`데모 계정 ${names.length}개를 중지했습니다.`);
      return 0;
    }
    const user = requiredArg(positionals[0], 'USER', this.usage);
    ctx.io.out(describeUser(await setUserActive(db, org.id, caller(), user, false)));
    return 0;
  },
};

export const usersActivateCommand: Command = {
  name: 'users activate',
  usage: 'users activate USER [--org CODE]',
  description: '중지한 계정 다시 사용',
  async run(ctx) {
    const { user, db, org } = await accountArgs(ctx, this.usage, {});
    ctx.io.out(describeUser(await setUserActive(db, org.id, caller(), user, true)));
    return 0;
  },
};

export const usersCommands: Command[] = [
  usersListCommand,
  usersCreateCommand,
  usersImportCommand,
  usersRolesCommand,
  usersResetPasswordCommand,
  usersUnlockCommand,
  usersDeactivateCommand,
  usersActivateCommand,
];
