/**
 * The edit form of one plan item (or a new one under a parent): the fields of its level, Korean
 * errors at the field (the server's, by path, and the few the browser can tell), save/cancel,
 * delete with confirmation, the item's plan-check problems and what depends on it.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { ApiError } from '../../api/client';
import {
  CHILD_OF,
  LIST_OF,
  PARENT_FIELD,
  useCreateItem,
  useDeleteItem,
  useItem,
  useSaveItem,
  type ItemValues,
} from '../../api/admin';
import type { Level, PlanProblem } from '../../api/types';
import { useI18n } from '../../i18n';

type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'nullableNumber'
  | 'int'
  | 'date'
  | 'parent'
  | 'department'
  | 'departments'
  | 'tags'
  | 'milestones'
  | 'checkbox'
  | 'optionalText'
  | { enum: readonly string[] };

type FieldName = keyof ReturnType<typeof useI18n>['m']['admin']['fields'];
interface Field {
  name: FieldName;
  type: FieldType;
}

const FIELDS: Record<Level, Field[]> = {
  orgStrategicGoal: [
    { name: 'name', type: 'text' },
    { name: 'visionPillar', type: 'optionalText' },
  ],
  orgPerformanceGoal: [
    { name: 'name', type: 'text' },
    { name: 'no', type: 'int' },
    { name: 'orgStrategicGoal', type: 'parent' },
  ],
  deptStrategicGoal: [
    { name: 'name', type: 'text' },
    { name: 'orgPerformanceGoal', type: 'parent' },
    { name: 'department', type: 'department' },
    { name: 'illustrative', type: 'checkbox' },
  ],
  deptPerformanceGoal: [
    { name: 'name', type: 'text' },
    { name: 'deptStrategicGoal', type: 'parent' },
    { name: 'illustrative', type: 'checkbox' },
  ],
  indicator: [
    { name: 'name', type: 'text' },
    { name: 'deptPerformanceGoal', type: 'parent' },
    { name: 'kind', type: { enum: ['unique', 'convergence', 'common'] } },
    { name: 'leadDepartment', type: 'department' },
    { name: 'participants', type: 'departments' },
    { name: 'unit', type: 'text' },
    { name: 'direction', type: { enum: ['higher', 'lower'] } },
    { name: 'measurement', type: { enum: ['quantitative', 'milestone'] } },
    { name: 'baseline', type: 'nullableNumber' },
    { name: 'target', type: 'nullableNumber' },
    { name: 'weight', type: 'number' },
    { name: 'frequency', type: { enum: ['monthly', 'quarterly', 'half_yearly', 'yearly'] } },
    { name: 'convergenceRule', type: { enum: ['sum', 'average', 'lead'] } },
    { name: 'formula', type: 'textarea' },
    { name: 'dataSource', type: 'text' },
    { name: 'milestones', type: 'milestones' },
    { name: 'tags', type: 'tags' },
    { name: 'illustrative', type: 'checkbox' },
  ],
  task: [
    { name: 'name', type: 'text' },
    { name: 'indicator', type: 'parent' },
    { name: 'department', type: 'department' },
    { name: 'startDate', type: 'date' },
    { name: 'endDate', type: 'date' },
    { name: 'progress', type: 'number' },
    { name: 'budgetProgramCode', type: 'text' },
    { name: 'budgetProgramName', type: 'text' },
    { name: 'budgetAmount', type: 'int' },
    { name: 'executedAmount', type: 'int' },
    { name: 'illustrative', type: 'checkbox' },
  ],
};

type FormValue = string | number | boolean | string[];
type FormState = Record<string, FormValue>;

function toForm(level: Level, item: ItemValues): FormState {
  const out: FormState = {};
  for (const f of FIELDS[level]) {
    const v = item[f.name];
    if (f.type === 'milestones')
      out[f.name] = ((v as { name: string; weight: number }[] | undefined) ?? [])
        .map((x) => `${x.name} | ${x.weight}`)
        .join('\n');
    else if (f.type === 'tags' || f.type === 'departments') out[f.name] = (v as string[] | undefined) ?? [];
    else if (f.type === 'checkbox') out[f.name] = v === true;
    else if (f.type === 'number' || f.type === 'nullableNumber' || f.type === 'int')
      out[f.name] = typeof v === 'number' ? v : '';
    else out[f.name] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** The form's values as the API's row; errors for what the browser can tell (a milestone line). */
function fromForm(
  level: Level,
  form: FormState,
  lineError: (n: number) => string,
): { row: ItemValues; errors: Record<string, string> } {
  const row: ItemValues = {};
  const errors: Record<string, string> = {};
  for (const f of FIELDS[level]) {
    const v = form[f.name];
    if (f.type === 'milestones') {
      const lines = String(v)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      row[f.name] = lines.map((l, i) => {
        const m = /^(.+?)\s*\|\s*(-?[\d.]+)$/.exec(l);
        if (!m) errors[f.name] ??= lineError(i + 1);
        return m ? { name: m[1]!.trim(), weight: Number(m[2]) } : { name: l, weight: 1 };
      });
    } else if (f.type === 'number' || f.type === 'nullableNumber' || f.type === 'int')
      row[f.name] = v === '' ? null : Number(v);
    else if (f.type === 'date' || f.type === 'optionalText') row[f.name] = v === '' ? null : v;
    else row[f.name] = v;
  }
  return { row, errors };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export type EditorTarget =
  { mode: 'edit'; level: Level; code: string } | { mode: 'create'; level: Level; parent: string | null };

export interface ParentOption {
  value: string;
  label: string;
}

export function ItemEditor({
  year,
  target,
  parentOptions,
  problems,
  readOnly,
  onDirty,
  onSelect,
  onDone,
}: {
  year: number;
  target: EditorTarget;
  /** Codes (with names) of each level, for the parent field. */
  parentOptions: Partial<Record<Level, ParentOption[]>>;
  problems: PlanProblem[];
  readOnly: boolean;
  onDirty: (dirty: boolean) => void;
  /** Opens another item (after a create or a delete, or "add child"). */
  onSelect: (t: EditorTarget | null) => void;
  onDone: (message: string) => void;
}) {
  const { m, format } = useI18n();
  const a = m.admin;
  const level = target.level;
  const list = LIST_OF[level];
  const parentLv = Object.entries(CHILD_OF).find(([, c]) => c === level)?.[0] as Level | undefined;
  const parentLevel = target.mode === 'create' && target.parent ? parentLv : undefined;
  // The item (edit) or the parent (create: only for its department list).
  const read = useItem(
    year,
    target.mode === 'edit' ? list : parentLevel ? LIST_OF[parentLevel] : undefined,
    target.mode === 'edit' ? target.code : (target.parent ?? undefined),
  );
  const departments = read.data?.departments ?? [];
  const initial = useMemo<FormState | null>(() => {
    if (target.mode === 'edit') return read.data ? toForm(level, read.data.item) : null;
    const base: ItemValues = {};
    const pf = PARENT_FIELD[level];
    if (pf && target.parent) base[pf] = target.parent;
    if (read.data && (level === 'indicator' || level === 'task' || level === 'deptStrategicGoal')) {
      const parentDept = read.data.item.department ?? read.data.item.leadDepartment;
      if (parentDept) base[level === 'indicator' ? 'leadDepartment' : 'department'] = parentDept;
    }
    if (level === 'indicator')
      Object.assign(base, {
        kind: 'unique',
        direction: 'higher',
        measurement: 'quantitative',
        frequency: 'quarterly',
        convergenceRule: 'sum',
        weight: 1,
      });
    return { code: '', ...toForm(level, base) };
  }, [target, read.data, level]);

  const [form, setForm] = useState<FormState | null>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<{ color: string; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => {
    setForm(initial);
    setErrors({});
  }, [initial]);
  useEffect(() => setAlert(null), [target]);

  const dirty = !!form && !!initial && !same(form, initial);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const save = useSaveItem(year);
  const create = useCreateItem(year);
  const del = useDeleteItem(year);
  const busy = save.isPending || create.isPending || del.isPending;

  const set = (name: string, v: FormValue) => {
    setForm((f) => (f ? { ...f, [name]: v } : f));
    setErrors((e) => {
      if (!e[name]) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  };

  const fail = (err: unknown) => {
    if (err instanceof ApiError) {
      if (err.status === 409 && err.code === 'stale_version') {
        setAlert({ color: 'orange', text: a.stale });
        void read.refetch();
        return;
      }
      const byField: Record<string, string> = {};
      for (const d of err.details) {
        const key = d.path.split(/[.[]/)[0] ?? '';
        if (key && !byField[key]) byField[key] = d.message;
      }
      setErrors(byField);
      setAlert({ color: 'red', text: Object.keys(byField).length ? `${a.formError} ${err.message}` : err.message });
    } else setAlert({ color: 'red', text: String(err) });
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!form || !initial || readOnly) return;
    const { row, errors: local } = fromForm(level, form, (n) => format(a.milestoneLine, { n }));
    if (!String(form.name ?? '').trim()) local.name = a.required;
    if (target.mode === 'create' && !String(form.code ?? '').trim()) local.code = a.required;
    if (Object.keys(local).length) {
      setErrors(local);
      setAlert({ color: 'red', text: a.formError });
      return;
    }
    setAlert(null);
    if (target.mode === 'edit') {
      const before = fromForm(level, initial, () => '').row;
      const changes = Object.fromEntries(Object.entries(row).filter(([k, v]) => !same(v, before[k])));
      if (!Object.keys(changes).length) {
        setAlert({ color: 'blue', text: a.noChanges });
        return;
      }
      save.mutate(
        { level: list, code: target.code, version: read.data!.version, changes },
        {
          onSuccess: () => {
            setErrors({});
            setAlert({ color: 'green', text: a.saved });
          },
          onError: fail,
        },
      );
    } else {
      const code = String(form.code).trim();
      const body = Object.fromEntries(
        Object.entries({ code, ...row }).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)),
      );
      create.mutate(
        { level: list, row: body },
        {
          onSuccess: () => {
            onDirty(false);
            onDone(format(a.created, { code }));
            onSelect({ mode: 'edit', level, code });
          },
          onError: fail,
        },
      );
    }
  };

  const onDelete = () => {
    if (target.mode !== 'edit' || !read.data) return;
    setConfirmDelete(false);
    del.mutate(
      { level: list, code: target.code, version: read.data.version },
      {
        onSuccess: () => {
          onDirty(false);
          onDone(format(a.deleted, { code: target.code }));
          onSelect(null);
        },
        onError: fail,
      },
    );
  };

  if (read.isError && target.mode === 'edit') return <Alert color="red">{(read.error as Error).message}</Alert>;
  if (!form || (target.mode === 'edit' && !read.data)) return <Text role="status">{a.loading}</Text>;

  const heading =
    target.mode === 'edit'
      ? format(a.editing, { level: m.levels[level], code: target.code })
      : target.parent
        ? format(a.creating, { level: m.levels[level], parent: target.parent })
        : format(a.creatingRoot, { level: m.levels[level] });
  const child = CHILD_OF[level];
  const deptOptions = departments.map((d) => ({ value: d, label: d }));
  const fieldId = (n: string) => `admin-field-${n}`;

  const renderField = (f: Field) => {
    const label = a.fields[f.name];
    const error = errors[f.name];
    const common = { id: fieldId(f.name), label, error, disabled: readOnly || busy };
    const v = form[f.name];
    const t = f.type;
    if (typeof t === 'object') {
      const labels: Record<string, string> =
        f.name === 'kind'
          ? m.kinds
          : f.name === 'direction'
            ? m.direction
            : f.name === 'measurement'
              ? m.measurement
              : f.name === 'frequency'
                ? m.frequency
                : a.convergenceRule;
      return (
        <Select
          key={f.name}
          {...common}
          data={t.enum.map((x) => ({ value: x, label: labels[x] ?? x }))}
          value={String(v)}
          allowDeselect={false}
          onChange={(x) => set(f.name, x ?? '')}
        />
      );
    }
    switch (t) {
      case 'text':
      case 'optionalText':
        return (
          <TextInput key={f.name} {...common} value={String(v)} onChange={(e) => set(f.name, e.currentTarget.value)} />
        );
      case 'textarea':
        return (
          <Textarea
            key={f.name}
            {...common}
            autosize
            minRows={2}
            value={String(v)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'milestones':
        return (
          <Textarea
            key={f.name}
            {...common}
            description={a.fields.milestonesHint}
            autosize
            minRows={2}
            value={String(v)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'date':
        return (
          <TextInput
            key={f.name}
            {...common}
            type="date"
            value={String(v)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      case 'number':
      case 'nullableNumber':
      case 'int':
        return (
          <NumberInput
            key={f.name}
            {...common}
            value={v as number | string}
            thousandSeparator={t === 'int' ? ',' : undefined}
            allowDecimal={t !== 'int'}
            onChange={(x) => set(f.name, x)}
          />
        );
      case 'checkbox':
        return (
          <Checkbox
            key={f.name}
            id={fieldId(f.name)}
            label={label}
            error={error}
            disabled={readOnly || busy}
            checked={v === true}
            onChange={(e) => set(f.name, e.currentTarget.checked)}
          />
        );
      case 'parent': {
        return (
          <Select
            key={f.name}
            {...common}
            searchable
            allowDeselect={false}
            data={(parentLv && parentOptions[parentLv]) || []}
            value={String(v)}
            onChange={(x) => set(f.name, x ?? '')}
          />
        );
      }
      case 'department':
        return (
          <Select
            key={f.name}
            {...common}
            searchable
            allowDeselect={false}
            data={deptOptions}
            value={String(v) || null}
            onChange={(x) => set(f.name, x ?? '')}
          />
        );
      case 'departments':
        return (
          <MultiSelect
            key={f.name}
            {...common}
            searchable
            data={deptOptions}
            value={v as string[]}
            onChange={(x) => set(f.name, x)}
          />
        );
      case 'tags':
        return (
          <TagsInput
            key={f.name}
            {...common}
            description={a.fields.tagsHint}
            value={v as string[]}
            onChange={(x) => set(f.name, x)}
          />
        );
    }
  };

  const deps = read.data && target.mode === 'edit' ? read.data.dependents : {};
  const depList = Object.entries(deps)
    .map(
      ([k, n]) =>
        `${(m.counts as Record<string, string>)[k] ?? (a.dependentLabels as Record<string, string>)[k] ?? k} ${n}`,
    )
    .join(', ');

  return (
    <Stack gap="sm">
      <Title order={3} id="admin-editor-title">
        {heading}
      </Title>
      {target.mode === 'edit' ? (
        problems.length ? (
          <Alert
            color={problems.some((p) => p.severity === 'error') ? 'red' : 'yellow'}
            title={format(a.itemProblems, { n: problems.length })}
          >
            <List size="sm" spacing={2}>
              {problems.map((p, i) => (
                <List.Item key={i}>
                  <Text span fw={700} size="sm">
                    {a.severity[p.severity]}:
                  </Text>{' '}
                  {p.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {a.itemClean}
          </Text>
        )
      ) : null}
      {alert ? (
        <Alert
          color={alert.color}
          role={alert.color === 'red' || alert.color === 'orange' ? 'alert' : 'status'}
          data-testid="admin-form-alert"
        >
          {alert.text}
        </Alert>
      ) : null}
      {dirty ? (
        <Text size="sm" fw={700} role="status">
          {a.unsaved}
        </Text>
      ) : null}
      <form onSubmit={onSubmit} aria-labelledby="admin-editor-title" noValidate>
        <Stack gap="xs">
          {target.mode === 'create' ? (
            <TextInput
              id={fieldId('code')}
              label={a.fields.code}
              error={errors.code}
              required
              value={String(form.code ?? '')}
              onChange={(e) => set('code', e.currentTarget.value)}
            />
          ) : (
            <Text size="sm">
              {a.fields.code}: <code>{target.code}</code>
            </Text>
          )}
          {FIELDS[level].map(renderField)}
          {!readOnly ? (
            <Group gap="xs" mt="xs">
              <Button type="submit" loading={save.isPending || create.isPending}>
                {target.mode === 'edit' ? a.save : a.create}
              </Button>
              <Button
                variant="default"
                disabled={busy}
                onClick={() => {
                  if (target.mode === 'create') {
                    onDirty(false);
                    onSelect(null);
                  } else {
                    setForm(initial);
                    setErrors({});
                    setAlert(null);
                  }
                }}
              >
                {a.cancel}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      {target.mode === 'edit' ? (
        <>
          <Text size="sm">{depList ? format(a.dependents, { list: depList }) : a.noDependents}</Text>
          {!readOnly ? (
            <Group gap="xs">
              {child ? (
                <Button
                  variant="light"
                  disabled={busy}
                  onClick={() => onSelect({ mode: 'create', level: child, parent: target.code })}
                >
                  {format(a.addChild, { level: m.levels[child] })}
                </Button>
              ) : null}
              <Button variant="light" color="red" disabled={busy} onClick={() => setConfirmDelete(true)}>
                {a.remove}
              </Button>
            </Group>
          ) : null}
          <Modal
            opened={confirmDelete}
            onClose={() => setConfirmDelete(false)}
            title={a.removeTitle}
            closeButtonProps={{ 'aria-label': a.cancel }}
          >
            <Stack>
              <Text>
                {format(a.removeBody, {
                  level: m.levels[level],
                  name: String(read.data?.item.name ?? ''),
                  code: target.code,
                })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirmDelete(false)}>
                  {a.cancel}
                </Button>
                <Button color="red" onClick={onDelete}>
                  {a.removeConfirm}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      ) : null}
    </Stack>
  );
}
