/**
 * 부서 관리 (/settings/departments): the organization's departments (order, name, group, evaluated,
 * in use, former names) and one form to add a department or edit the chosen one; the server's
 * Korean errors at the field (a duplicate name at 부서명), a guard for unsaved changes.
 */
import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Button, Checkbox, Grid, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';
import { useDepartmentList, useSaveDepartment, type Department } from '../../api/settings';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { NoticeLine, SettingsTabs, useSaveFailure, type Notice } from './shared';

interface FormState {
  name: string;
  group: string;
  evaluated: boolean;
  active: boolean;
}
const EMPTY: FormState = { name: '', group: '', evaluated: true, active: true };
const formOf = (d: Department | null): FormState =>
  d ? { name: d.name, group: d.group, evaluated: d.evaluated, active: d.active } : EMPTY;

export default function DepartmentsPage() {
  const { m, format } = useI18n();
  const t = m.settings.departments;
  const list = useDepartmentList();
  const save = useSaveDepartment();
  const saveFailure = useSaveFailure();
  const [editing, setEditing] = useState<Department | null>(null);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<Department | 'new' | null>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(editing));
  // Opening a department (or 부서 추가) puts the cursor in its name, beside the list.
  const nameRef = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (opened) nameRef.current?.focus();
  }, [opened]);

  const open = (d: Department | null) => {
    setEditing(d);
    setForm(formOf(d));
    setErrors({});
    setNotice(null);
    setPending(null);
    setOpened((n) => n + 1);
  };
  const request = (d: Department | null) => (dirty ? setPending(d ?? 'new') : open(d));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (editing && !dirty) return setNotice({ ok: true, text: m.settings.noChanges });
    save.mutate(
      editing
        ? { id: editing.id, version: editing.version, ...form, name: form.name.trim(), group: form.group.trim() }
        : { name: form.name.trim(), group: form.group.trim(), evaluated: form.evaluated },
      {
        onSuccess: (d) => {
          setEditing(d);
          setForm(formOf(d));
          setErrors({});
          setNotice({ ok: true, text: format(editing ? t.saved : t.created, { name: d.name }) });
        },
        onError: (err) => {
          const byField = fieldErrors(err);
          if (err instanceof ApiError && err.code === 'department_exists') byField.name = err.message;
          setErrors(byField);
          setNotice(saveFailure(err, byField, t.stale));
        },
      },
    );
  };

  return (
    <Page title={t.title} intro={t.intro}>
      <SettingsTabs />
      <Query q={list}>
        {({ departments }) => {
          const groups = [...new Set(departments.map((d) => d.group).filter(Boolean))];
          return (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                {departments.length === 0 ? (
                  <Text role="status">{t.empty}</Text>
                ) : (
                  <TableFrame caption={format(t.caption, { n: departments.length })} minWidth={620}>
                    <Table.Thead>
                      <Table.Tr>
                        <Th num>{t.colSeq}</Th>
                        <Th>{t.colName}</Th>
                        <Th>{t.colGroup}</Th>
                        <Th>{t.colEvaluated}</Th>
                        <Th>{t.colActive}</Th>
                        <Th>{t.colFormer}</Th>
                        <Th>{t.colEdit}</Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {departments.map((d) => (
                        <Table.Tr
                          key={d.id}
                          data-department={d.name}
                          aria-current={editing?.id === d.id ? 'true' : undefined}
                          className={editing?.id === d.id ? 'settings-row-current' : undefined}
                        >
                          <Table.Td className="num">{d.seq}</Table.Td>
                          <Table.Th scope="row">{d.name}</Table.Th>
                          <Table.Td>{d.group}</Table.Td>
                          <Table.Td>{d.evaluated ? t.yes : t.no}</Table.Td>
                          <Table.Td>{d.active ? t.yes : t.no}</Table.Td>
                          <Table.Td>{d.formerNames.join(', ') || m.common.dash}</Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => request(d)}
                              aria-label={`${t.colEdit}: ${d.name}`}
                            >
                              {t.colEdit}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </TableFrame>
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }} className="settings-sticky">
                <Section
                  title={editing ? format(t.editHeading, { name: editing.name }) : t.addHeading}
                  id="department-form"
                  actions={
                    editing ? (
                      <Button variant="light" size="xs" onClick={() => request(null)}>
                        {t.add}
                      </Button>
                    ) : null
                  }
                >
                  <form onSubmit={submit} noValidate>
                    <Stack gap="sm">
                      <NoticeLine notice={notice} testId="department-notice" />
                      <TextInput
                        ref={nameRef}
                        label={t.name}
                        value={form.name}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setForm((f) => ({ ...f, name: v }));
                        }}
                        error={errors.name}
                        required
                      />
                      <Autocomplete
                        label={t.group}
                        description={t.groupHint}
                        data={groups}
                        value={form.group}
                        onChange={(v) => setForm((f) => ({ ...f, group: v }))}
                        error={errors.group}
                      />
                      <Checkbox
                        label={t.evaluated}
                        checked={form.evaluated}
                        onChange={(e) => {
                          const v = e.currentTarget.checked;
                          setForm((f) => ({ ...f, evaluated: v }));
                        }}
                      />
                      {editing ? (
                        <Checkbox
                          label={t.active}
                          description={t.activeHint}
                          checked={form.active}
                          onChange={(e) => {
                            const v = e.currentTarget.checked;
                            setForm((f) => ({ ...f, active: v }));
                          }}
                        />
                      ) : null}
                      <Group gap="sm">
                        <Button type="submit" loading={save.isPending}>
                          {editing ? t.save : t.create}
                        </Button>
                        {dirty ? (
                          <Button variant="default" onClick={() => open(editing)}>
                            {m.settings.cancel}
                          </Button>
                        ) : null}
                        {dirty ? <Text size="sm">{m.settings.unsaved}</Text> : null}
                      </Group>
                    </Stack>
                  </form>
                </Section>
              </Grid.Col>
            </Grid>
          );
        }}
      </Query>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={m.settings.unsavedTitle}
        closeButtonProps={{ 'aria-label': m.settings.close }}
      >
        <Text mb="md">{m.settings.unsaved}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)}>
            {m.settings.keepEditing}
          </Button>
          <Button color="red" onClick={() => open(pending === 'new' ? null : pending)}>
            {m.settings.discard}
          </Button>
        </Group>
      </Modal>
      <UnsavedGuard dirty={dirty} />
    </Page>
  );
}
