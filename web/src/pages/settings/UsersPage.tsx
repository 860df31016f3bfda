/**
 * 사용자 관리 (/settings/users): every account with its roles (and departments), state and last
 * sign-in; search by name or username and filter by role, department and state (kept in the
 * address); links to add a user, import a CSV and manage one account.
 */
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useDepartmentList, useUsers } from '../../api/settings';
import { Page } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { ALL_ROLES, SettingsTabs, useAccountState, useDateTime, useRoleText } from './shared';

export default function UsersPage() {
  const { m, format } = useI18n();
  const u = m.settings.users;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const department = params.get('department') ?? '';
  const state = params.get('active') ?? '';
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const users = useUsers({
    q: debounced || undefined,
    role: role || undefined,
    department: department || undefined,
    ...(state ? { active: state } : {}),
  });
  const departments = useDepartmentList();
  const roleText = useRoleText();
  const stateOf = useAccountState();
  const when = useDateTime();

  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Page
      title={u.title}
      intro={u.intro}
      actions={
        <>
          <Button component={Link} to="/settings/users/new">
            {u.add}
          </Button>
          <Button component={Link} to="/settings/users/import" variant="light">
            {u.import}
          </Button>
        </>
      }
    >
      <SettingsTabs />
      <Group gap="md" align="flex-end" wrap="wrap" role="search">
        <TextInput
          label={u.search}
          placeholder={u.searchPlaceholder}
          value={q}
          onChange={(e) => set('q', e.currentTarget.value)}
          w={240}
        />
        <Select
          label={u.role}
          data={[{ value: '', label: u.allRoles }, ...ALL_ROLES.map((r) => ({ value: r, label: m.roles[r] }))]}
          value={role}
          onChange={(v) => set('role', v)}
          allowDeselect={false}
          w={230}
        />
        <Select
          label={u.department}
          data={[
            { value: '', label: u.allDepartments },
            ...(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={department}
          onChange={(v) => set('department', v)}
          searchable
          allowDeselect={false}
          w={220}
        />
        <Select
          label={u.state}
          data={[
            { value: '', label: u.allStates },
            { value: 'true', label: u.stateActive },
            { value: 'false', label: u.stateInactive },
          ]}
          value={state}
          onChange={(v) => set('active', v)}
          allowDeselect={false}
          w={150}
        />
      </Group>
      <Query q={users}>
        {({ users: list }) =>
          list.length === 0 ? (
            <Text role="status">{u.empty}</Text>
          ) : (
            <TableFrame caption={format(u.caption, { n: list.length })} minWidth={860}>
              <Table.Thead>
                <Table.Tr>
                  <Th>{u.colUsername}</Th>
                  <Th>{u.colName}</Th>
                  <Th>{u.colRoles}</Th>
                  <Th>{u.colStatus}</Th>
                  <Th>{u.colLastLogin}</Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((x) => {
                  const st = stateOf(x);
                  return (
                    <Table.Tr key={x.id} data-username={x.username}>
                      <Table.Th scope="row">
                        <Anchor
                          component={Link}
                          to={`/settings/users/${encodeURIComponent(x.username)}`}
                          aria-label={`${x.username} – ${format(u.open, { name: x.displayName })}`}
                        >
                          {x.username}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{x.displayName}</Table.Td>
                      <Table.Td>
                        {x.roles.length
                          ? x.roles
                              .map((r) => roleText({ role: r.role, department: r.department?.name ?? null }))
                              .join(', ')
                          : u.noRoles}
                      </Table.Td>
                      <Table.Td>
                        <Text span size="sm" fw={600} c={st.color}>
                          {st.text}
                        </Text>
                        {x.mustChangePassword ? (
                          <Text span size="xs" c="dimmed" display="block">
                            {m.settings.status.mustChange}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{x.lastLoginAt ? when(x.lastLoginAt) : u.never}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </TableFrame>
          )
        }
      </Query>
    </Page>
  );
}
