/**
 * Pieces shared by the settings screens: the tab strip, the roles field (a role's departments
 * beside it), the one-time temporary password, a confirmation dialog, how a role and an account's
 * state read, and the server's field errors by path.
 */
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useAbilities } from '../../api/session';
import type { Department, GrantInput, Role, UserView } from '../../api/settings';
import { useI18n } from '../../i18n';
import { ERROR_COLOR, OK_COLOR, WARN_COLOR } from '../../app/theme';
import { DEPARTMENT_ROLES, ROLES } from '../../../../src/domain/policy.js';

/** The settings pages, the ability each needs (the server's policy), in tab order. */
export const SETTINGS_PAGES = [
  { path: '/settings/users', key: 'users', ability: 'users.manage' },
  { path: '/settings/departments', key: 'departments', ability: 'departments.manage' },
  { path: '/settings/audit', key: 'audit', ability: 'audit.read' },
] as const;
export const SETTINGS_ABILITIES = SETTINGS_PAGES.map((p) => p.ability);

/** The tabs of the settings pages this session may open (a nav landmark of links). */
export function SettingsTabs() {
  const { m } = useI18n();
  const { can } = useAbilities();
  const { pathname } = useLocation();
  const pages = SETTINGS_PAGES.filter((p) => can(p.ability));
  return (
    <nav aria-label={m.settings.tabsLabel} className="settings-tabs no-print">
      <Group gap="xs">
        {pages.map((p) => {
          const current = pathname.startsWith(p.path);
          return (
            <Button
              key={p.key}
              component={RouterNavLink}
              to={p.path}
              variant={current ? 'filled' : 'default'}
              size="sm"
              aria-current={current ? 'page' : undefined}
            >
              {m.settings.tabs[p.key]}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}

/**
 * The failure line of a form save: «다른 사람이 먼저…» on a version conflict, «저장하지 못했습니다…»
 * when some field is marked, else the server's message.
 */
export function useSaveFailure() {
  const { m, format } = useI18n();
  return (err: unknown, byField: Record<string, string>, staleText: string): Notice => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ApiError && err.code === 'version_conflict') return { ok: false, text: staleText };
    if (Object.keys(byField).length) return { ok: false, text: `${m.settings.formError} ${message}` };
    return { ok: false, text: format(m.settings.failed, { message }) };
  };
}

/** A success or failure line after a write (a live region, so it is announced). */
export type Notice = { ok: boolean; text: string } | null;
export function NoticeLine({ notice, testId }: { notice: Notice; testId?: string }) {
  if (!notice) return null;
  return (
    <Alert
      color={notice.ok ? 'green' : 'red'}
      role={notice.ok ? 'status' : 'alert'}
      data-testid={testId}
      variant="light"
    >
      {notice.text}
    </Alert>
  );
}

export function useRoleText() {
  const { m, format } = useI18n();
  return (r: { role: Role; department: string | null }) =>
    r.department
      ? format(m.settings.roleWithDepartment, { role: m.roles[r.role], department: r.department })
      : m.roles[r.role];
}

/** The account's state in words and its colour (text, never colour alone). */
export function useAccountState() {
  const { m, format } = useI18n();
  const when = useDateTime();
  return (u: UserView): { text: string; color: string } => {
    if (!u.active) return { text: m.settings.status.inactive, color: ERROR_COLOR };
    if (u.lockedUntil)
      return { text: format(m.settings.status.lockedUntil, { time: when(u.lockedUntil) }), color: WARN_COLOR };
    return { text: m.settings.status.active, color: OK_COLOR };
  };
}

export function useDateTime() {
  const { locale, m } = useI18n();
  return (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : m.common.dash;
}

/** The roles and which of them need departments: the server's policy module (pure, no I/O). */
export const ALL_ROLES: readonly Role[] = ROLES;
export { DEPARTMENT_ROLES };

/** The roles form's value: which roles are ticked, and the department ids of the department roles. */
export type RolesValue = Partial<Record<Role, string[]>>;

export function rolesValueOf(u: UserView): RolesValue {
  const v: RolesValue = {};
  for (const r of u.roles) {
    const list = (v[r.role] ??= []);
    if (r.department) list.push(r.department.id);
  }
  return v;
}

/** The API's `roles` (in ALL_ROLES order, so `roles[i]` in an error names a known role). */
export function grantsOf(v: RolesValue): { grants: GrantInput[]; order: Role[] } {
  const order = ALL_ROLES.filter((r) => v[r] !== undefined);
  return {
    order,
    grants: order.map((role) => (DEPARTMENT_ROLES.includes(role) ? { role, departments: v[role] } : { role })),
  };
}

/** The same roles and departments, whatever the order they were picked in. */
export const rolesKey = (v: RolesValue) => JSON.stringify(ALL_ROLES.map((r) => (v[r] ? [...v[r]].sort() : null)));

/** The server's `roles[i].…` errors placed at the role they concern; the rest under `roles`. */
export function roleErrors(errors: Record<string, string>, order: Role[]): Partial<Record<Role | 'all', string>> {
  const out: Partial<Record<Role | 'all', string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    const hit = /^roles\[(\d+)\]/.exec(path);
    const role = hit ? order[Number(hit[1])] : undefined;
    if (role) out[role] ??= message;
    else if (path.startsWith('roles')) out.all ??= message;
  }
  return out;
}

/** The role checkboxes; a ticked department role shows its departments' picker beside it. */
export function RolesField({
  value,
  onChange,
  departments,
  errors,
  disabled,
}: {
  value: RolesValue;
  onChange: (v: RolesValue) => void;
  departments: Department[];
  errors: Partial<Record<Role | 'all', string>>;
  disabled?: boolean;
}) {
  const { m, format } = useI18n();
  const f = m.settings.form;
  const options = departments
    .filter((d) => d.active || ALL_ROLES.some((r) => value[r]?.includes(d.id)))
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <fieldset className="settings-roles" aria-describedby="roles-hint">
      <legend>{f.roles}</legend>
      <Text size="sm" c="dimmed" id="roles-hint">
        {f.rolesHint} {f.adminOnly}
      </Text>
      {errors.all ? (
        <Text size="sm" c="red" role="alert" data-testid="roles-error">
          {errors.all}
        </Text>
      ) : null}
      <Stack gap={6} mt="xs">
        {ALL_ROLES.map((role) => {
          const ticked = value[role] !== undefined;
          const deptRole = DEPARTMENT_ROLES.includes(role);
          return (
            <div key={role} className="settings-role">
              <Checkbox
                label={m.roles[role]}
                checked={ticked}
                disabled={disabled}
                error={!deptRole ? errors[role] : undefined}
                onChange={(e) => {
                  const next = { ...value };
                  if (e.currentTarget.checked) next[role] = [];
                  else delete next[role];
                  onChange(next);
                }}
              />
              {deptRole && ticked ? (
                <MultiSelect
                  ml={30}
                  mt={4}
                  maw={560}
                  label={format(f.departments, { role: m.roles[role] })}
                  placeholder={value[role]!.length ? undefined : f.departmentsPlaceholder}
                  data={options}
                  value={value[role]}
                  onChange={(ids) => onChange({ ...value, [role]: ids })}
                  searchable
                  clearable
                  disabled={disabled}
                  error={errors[role]}
                  nothingFoundMessage={m.settings.users.allDepartments}
                  comboboxProps={{ withinPortal: true }}
                />
              ) : null}
            </div>
          );
        })}
      </Stack>
    </fieldset>
  );
}

/** The temporary password, shown once, with a copy button. */
export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const { m, format } = useI18n();
  const p = m.settings.password;
  return (
    <Alert color="blue" variant="light" title={p.title} data-testid="temporary-password">
      <Stack gap="xs">
        <Text size="sm">{format(p.body, { username })}</Text>
        <Group gap="sm">
          <Code fz="lg" aria-label={format(p.label, { username })} data-testid="temporary-password-value">
            {password}
          </Code>
          <CopyPasswordButton value={password} what={format(p.label, { username })} />
        </Group>
      </Stack>
    </Alert>
  );
}

export function CopyPasswordButton({ value, what }: { value: string; what: string }) {
  const { m } = useI18n();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'filled' : 'outline'}
          color={copied ? 'teal' : undefined}
          onClick={copy}
          aria-label={`${copied ? m.settings.copied : m.settings.copy}: ${what}`}
        >
          {copied ? m.settings.copied : m.settings.copy}
        </Button>
      )}
    </CopyButton>
  );
}

/** A yes/no question before a write; the confirm button runs `onConfirm`. */
export function Confirm({
  opened,
  title,
  body,
  confirm,
  danger,
  busy,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { m } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': m.settings.close }}>
      <Stack>
        <Text>{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {m.settings.cancel}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
