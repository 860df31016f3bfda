/**
 * 사용자 추가 (/settings/users/new): username, name, e-mail and roles (departments for the
 * department roles); the server's Korean errors at their fields; on success the temporary password
 * once, with a copy button (it must be changed at first sign-in).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';
import { useCreateUser, useDepartmentList, type UserView } from '../../api/settings';
import { Page } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import {
  grantsOf,
  NoticeLine,
  roleErrors,
  RolesField,
  SettingsTabs,
  TemporaryPassword,
  useSaveFailure,
  type Notice,
  type RolesValue,
} from './shared';

const EMPTY = { username: '', displayName: '', email: '' };

export default function NewUserPage() {
  const { m, format } = useI18n();
  const s = m.settings;
  const departments = useDepartmentList();
  const create = useCreateUser();
  const saveFailure = useSaveFailure();
  const [form, setForm] = useState(EMPTY);
  const [roles, setRoles] = useState<RolesValue>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [order, setOrder] = useState(grantsOf({}).order);
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<{ user: UserView; temporaryPassword: string | null } | null>(null);
  const dirty = !created && (Object.values(form).some((v) => v.trim() !== '') || Object.keys(roles).length > 0);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { grants, order: o } = grantsOf(roles);
    setOrder(o);
    setNotice(null);
    create.mutate(
      {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        roles: grants,
      },
      {
        onSuccess: (r) => {
          setErrors({});
          setCreated(r);
        },
        onError: (err) => {
          const byField = fieldErrors(err);
          if (err instanceof ApiError && err.code === 'username_taken') byField.username = err.message;
          if (err instanceof ApiError && err.code === 'forbidden_admin_only') byField.roles = err.message;
          setErrors(byField);
          setNotice(saveFailure(err, byField, err.message));
        },
      },
    );
  };

  const again = () => {
    setCreated(null);
    setForm(EMPTY);
    setRoles({});
    setNotice(null);
  };

  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: v }));
  };

  return (
    <Page title={s.create.title} intro={s.create.intro}>
      <SettingsTabs />
      <Anchor component={Link} to="/settings/users">
        {s.create.back}
      </Anchor>
      {created ? (
        <Stack gap="sm">
          <NoticeLine notice={{ ok: true, text: format(s.create.created, { username: created.user.username }) }} />
          {created.temporaryPassword ? (
            <TemporaryPassword username={created.user.username} password={created.temporaryPassword} />
          ) : null}
          <Group gap="sm">
            <Button
              component={Link}
              to={`/settings/users/${encodeURIComponent(created.user.username)}`}
              variant="light"
            >
              {format(s.create.openUser, { username: created.user.username })}
            </Button>
            <Button variant="default" onClick={again}>
              {s.create.another}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Query q={departments}>
          {({ departments: list }) => (
            <form onSubmit={submit} noValidate aria-label={s.create.title}>
              <Stack gap="sm" maw={640}>
                <NoticeLine notice={notice} testId="new-user-alert" />
                <TextInput
                  label={s.form.username}
                  description={s.form.usernameHint}
                  value={form.username}
                  onChange={set('username')}
                  error={errors.username}
                  required
                  autoComplete="off"
                />
                <TextInput
                  label={s.form.displayName}
                  value={form.displayName}
                  onChange={set('displayName')}
                  error={errors.displayName}
                  required
                  autoComplete="off"
                />
                <TextInput
                  label={s.form.email}
                  type="email"
                  value={form.email}
                  onChange={set('email')}
                  error={errors.email}
                  autoComplete="off"
                />
                <RolesField value={roles} onChange={setRoles} departments={list} errors={roleErrors(errors, order)} />
                <Group gap="sm">
                  <Button type="submit" loading={create.isPending}>
                    {s.create.submit}
                  </Button>
                  <Button component={Link} to="/settings/users" variant="default">
                    {s.cancel}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Query>
      )}
      <UnsavedGuard dirty={dirty} />
    </Page>
  );
}
