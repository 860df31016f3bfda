/**
 * One account (/settings/users/:id, the id or the username): name and e-mail, roles and
 * departments (each saved with the account's version: a change made meanwhile by someone else is
 * refused and the account reloaded), and the account actions — reset password (the temporary
 * password shown once), deactivate / activate, unlock — each after a confirmation.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';
import {
  useAccountAction,
  useDepartmentList,
  useResetPassword,
  useSetRoles,
  useUpdateUser,
  useUser,
  type AccountAction,
  type Department,
  type UserView,
} from '../../api/settings';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import {
  Confirm,
  grantsOf,
  NoticeLine,
  roleErrors,
  RolesField,
  rolesKey,
  rolesValueOf,
  SettingsTabs,
  TemporaryPassword,
  useAccountState,
  useDateTime,
  useSaveFailure,
  type Notice,
  type RolesValue,
} from './shared';

export default function UserPage() {
  const { id = '' } = useParams();
  const { m, format } = useI18n();
  const user = useUser(id);
  const departments = useDepartmentList();
  if (user.isError && user.error instanceof ApiError && user.error.status === 404)
    return (
      <Page title={m.settings.users.title}>
        <SettingsTabs />
        <Text role="alert">{format(m.settings.user.notFound, { id })}</Text>
        <Anchor component={Link} to="/settings/users">
          {m.settings.user.back}
        </Anchor>
      </Page>
    );
  return (
    <Query q={user}>
      {(u) => (
        <Query q={departments}>
          {({ departments: list }) => <UserScreen key={u.id} user={u} departments={list} />}
        </Query>
      )}
    </Query>
  );
}

function UserScreen({ user, departments }: { user: UserView; departments: Department[] }) {
  const { m, format } = useI18n();
  const s = m.settings;
  const when = useDateTime();
  const stateOf = useAccountState();
  const update = useUpdateUser(user.id);
  const setRolesM = useSetRoles(user.id);
  const action = useAccountAction(user.id);
  const reset = useResetPassword(user.id);
  const saveFailure = useSaveFailure();

  const [profile, setProfile] = useState({ displayName: user.displayName, email: user.email });
  const [profileErrors, setProfileErrors] = useState<Record<string, string>>({});
  const [profileNotice, setProfileNotice] = useState<Notice>(null);
  const [roles, setRoles] = useState<RolesValue>(() => rolesValueOf(user));
  const [rolesErr, setRolesErr] = useState<Record<string, string>>({});
  const [rolesNotice, setRolesNotice] = useState<Notice>(null);
  const [accountNotice, setAccountNotice] = useState<Notice>(null);
  const [asked, setAsked] = useState<AccountAction | 'reset' | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);

  // A newer version from the server (after any save) becomes the form's starting point for the
  // parts that were not being edited.
  const rolesDirty = rolesKey(roles) !== rolesKey(rolesValueOf(user));
  const profileDirty = profile.displayName !== user.displayName || profile.email !== user.email;
  useEffect(() => {
    if (!profileDirty) setProfile({ displayName: user.displayName, email: user.email });
  }, [user.displayName, user.email]);

  const failure = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

  const saveProfile = (e: React.FormEvent) => {
    e.preventDefault();
    setProfileNotice(null);
    if (!profileDirty) return setProfileNotice({ ok: true, text: s.noChanges });
    update.mutate(
      { displayName: profile.displayName.trim(), email: profile.email.trim(), version: user.version },
      {
        onSuccess: (v) => {
          setProfileErrors({});
          setProfile({ displayName: v.displayName, email: v.email });
          setProfileNotice({ ok: true, text: s.user.saved });
        },
        onError: (err) => {
          const byField = fieldErrors(err);
          setProfileErrors(byField);
          setProfileNotice(saveFailure(err, byField, s.user.stale));
        },
      },
    );
  };

  const { grants, order } = grantsOf(roles);
  const saveRoles = (e: React.FormEvent) => {
    e.preventDefault();
    setRolesNotice(null);
    if (!rolesDirty) return setRolesNotice({ ok: true, text: s.noChanges });
    setRolesM.mutate(
      { roles: grants, version: user.version },
      {
        onSuccess: (v) => {
          setRolesErr({});
          setRoles(rolesValueOf(v));
          setRolesNotice({ ok: true, text: s.user.rolesSaved });
        },
        onError: (err) => {
          const byField = fieldErrors(err);
          if (err instanceof ApiError && err.status === 403) byField.roles = err.message;
          setRolesErr(byField);
          setRolesNotice(saveFailure(err, byField, s.user.stale));
        },
      },
    );
  };

  const username = user.username;
  const done: Record<AccountAction, string> = {
    deactivate: s.user.deactivated,
    activate: s.user.activated,
    unlock: s.user.unlocked,
  };
  const run = () => {
    if (!asked) return;
    setAccountNotice(null);
    setTemporary(null);
    const onError = (err: unknown) => {
      setAsked(null);
      setAccountNotice({ ok: false, text: format(s.failed, { message: failure(err) }) });
    };
    if (asked === 'reset')
      reset.mutate(undefined, {
        onSuccess: (r) => {
          setAsked(null);
          setTemporary(r.temporaryPassword);
          setAccountNotice({ ok: true, text: format(s.user.resetDone, { username }) });
        },
        onError,
      });
    else {
      const which = asked;
      action.mutate(which, {
        onSuccess: () => {
          setAsked(null);
          setAccountNotice({ ok: true, text: format(done[which], { username }) });
        },
        onError,
      });
    }
  };
  const dialog = asked
    ? {
        reset: { title: s.user.resetTitle, body: s.user.resetBody, confirm: s.user.resetConfirm, danger: false },
        deactivate: {
          title: s.user.deactivateTitle,
          body: s.user.deactivateBody,
          confirm: s.user.deactivateConfirm,
          danger: true,
        },
        activate: {
          title: s.user.activateTitle,
          body: s.user.activateBody,
          confirm: s.user.activateConfirm,
          danger: false,
        },
        unlock: { title: s.user.unlockTitle, body: s.user.unlockBody, confirm: s.user.unlockConfirm, danger: false },
      }[asked]
    : null;
  const st = stateOf(user);

  return (
    <Page title={format(s.user.title, { name: user.displayName, username })}>
      <SettingsTabs />
      <Anchor component={Link} to="/settings/users">
        {s.user.back}
      </Anchor>

      <Section title={s.user.account} id="user-account">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" component="dl" className="settings-facts">
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {s.user.state}
              </Text>
              <Text component="dd" fw={600} c={st.color} data-testid="account-state">
                {st.text}
                {user.mustChangePassword ? ` · ${s.status.mustChange}` : ''}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {s.user.lastLogin}
              </Text>
              <Text component="dd">{user.lastLoginAt ? when(user.lastLoginAt) : s.users.never}</Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {s.user.passwordChangedAt}
              </Text>
              <Text component="dd">{when(user.passwordChangedAt)}</Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {s.user.createdAt}
              </Text>
              <Text component="dd">{when(user.createdAt)}</Text>
            </div>
          </SimpleGrid>
          <Group gap="sm">
            <Button variant="light" onClick={() => setAsked('reset')}>
              {s.user.reset}
            </Button>
            {user.active ? (
              <Button variant="outline" color="red" onClick={() => setAsked('deactivate')}>
                {s.user.deactivate}
              </Button>
            ) : (
              <Button variant="outline" onClick={() => setAsked('activate')}>
                {s.user.activate}
              </Button>
            )}
            {user.lockedUntil ? (
              <Button variant="outline" onClick={() => setAsked('unlock')}>
                {s.user.unlock}
              </Button>
            ) : null}
          </Group>
          <NoticeLine notice={accountNotice} testId="account-notice" />
          {temporary ? <TemporaryPassword username={username} password={temporary} /> : null}
        </Stack>
      </Section>

      <Section title={s.user.profile} id="user-profile">
        <form onSubmit={saveProfile} noValidate>
          <Stack gap="sm" maw={640}>
            <TextInput label={s.form.username} value={username} readOnly />
            <TextInput
              label={s.form.displayName}
              value={profile.displayName}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setProfile((p) => ({ ...p, displayName: v }));
              }}
              error={profileErrors.displayName}
              required
            />
            <TextInput
              label={s.form.email}
              type="email"
              value={profile.email}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setProfile((p) => ({ ...p, email: v }));
              }}
              error={profileErrors.email}
            />
            <Group gap="sm">
              <Button type="submit" loading={update.isPending}>
                {s.user.save}
              </Button>
              {profileDirty ? <Text size="sm">{s.unsaved}</Text> : null}
            </Group>
            <NoticeLine notice={profileNotice} testId="profile-notice" />
          </Stack>
        </form>
      </Section>

      <Section title={s.user.rolesHeading} id="user-roles">
        <form onSubmit={saveRoles} noValidate>
          <Stack gap="sm" maw={720}>
            <RolesField
              value={roles}
              onChange={setRoles}
              departments={departments}
              errors={roleErrors(rolesErr, order)}
            />
            <Group gap="sm">
              <Button type="submit" loading={setRolesM.isPending}>
                {s.user.saveRoles}
              </Button>
              {rolesDirty ? <Text size="sm">{s.unsaved}</Text> : null}
            </Group>
            <NoticeLine notice={rolesNotice} testId="roles-notice" />
          </Stack>
        </form>
      </Section>

      <Confirm
        opened={!!dialog}
        title={dialog?.title ?? ''}
        body={dialog ? format(dialog.body, { username }) : ''}
        confirm={dialog?.confirm ?? ''}
        danger={dialog?.danger}
        busy={action.isPending || reset.isPending}
        onConfirm={run}
        onClose={() => setAsked(null)}
      />
      <UnsavedGuard dirty={profileDirty || rolesDirty} />
    </Page>
  );
}
