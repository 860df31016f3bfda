/**
 * 평가체계 설정 (/evaluation/scheme, plan.edit): every setting of the year's evaluation scheme with its
 * Korean name, basis (계획/선택), value and whether it is the default; edited in one form (numbers,
 * switches, choices, status lists, grade shares and group mappings as lines), each with
 * 「기본값으로 되돌리기」. Saving sends only the settings that differ from the defaults (and those the
 * plan already pinned); the server validates — its 400 details (`scheme.<path>`) are shown at the
 * fields and nothing is saved; a 409 (someone saved first) reloads the latest. Unsaved changes are
 * guarded. The ranking (/evaluation) shows the scheme in force.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { ApiError } from '../../api/client';
import { useSaveScheme, useScheme, type SchemeResponse, type SchemeSetting } from '../../api/evaluation';
import { useAbilities } from '../../api/session';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { EvaluationTabs, settingText } from './shared';
import { ERROR_COLOR, OK_COLOR } from '../../app/theme';

type Kind = 'number' | 'boolean' | 'choice' | 'statuses' | 'shares' | 'groupMap' | 'text';
/** How a setting is edited; the allowed words come with each setting (`options`, from domain/evaluation/scheme's schema). */
const kindOf = (s: SchemeSetting): Kind =>
  s.options && !Array.isArray(s.defaultValue)
    ? 'choice'
    : s.options
      ? 'statuses'
      : s.path === 'grades.shares'
        ? 'shares'
        : s.path === 'ranking.groupMap'
          ? 'groupMap'
          : typeof s.defaultValue === 'boolean'
            ? 'boolean'
            : typeof s.defaultValue === 'number' || s.defaultValue === null
              ? 'number'
              : 'text';

/** What a field holds while being edited. */
type Raw = string | boolean | string[];

function toRaw(kind: Kind, v: unknown): Raw {
  switch (kind) {
    case 'boolean':
      return v === true;
    case 'statuses':
      return Array.isArray(v) ? v.map(String) : [];
    case 'shares':
      return Array.isArray(v)
        ? (v as { grade: string; share: number }[]).map((g) => `${g.grade} ${g.share}`).join('\n')
        : '';
    case 'groupMap':
      return v && typeof v === 'object'
        ? Object.entries(v as Record<string, string>)
            .map(([k, g]) => `${k} = ${g}`)
            .join('\n')
        : '';
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };
type Msg = ReturnType<typeof useI18n>['m']['evaluation'];
const fill = (t: string, line: number) => t.replace('{line}', String(line));

function parseRaw(kind: Kind, raw: Raw, m: Msg): Parsed {
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l, i) => ({ l: l.trim(), n: i + 1 }))
      .filter((x) => x.l !== '');
  switch (kind) {
    case 'boolean':
    case 'statuses':
    case 'choice':
      return { ok: true, value: raw };
    case 'number': {
      const t = String(raw).trim().replace(/,/g, '');
      if (t === '') return { ok: true, value: null };
      const n = Number(t);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: m.schemeNumber };
    }
    case 'shares': {
      const out: { grade: string; share: number }[] = [];
      for (const { l, n } of lines(String(raw))) {
        const x = /^(\S+)\s+(-?[\d.]+)\s*%?$/.exec(l);
        if (!x || !Number.isFinite(Number(x[2]))) return { ok: false, message: fill(m.schemeSharesLine, n) };
        out.push({ grade: x[1]!, share: Number(x[2]) });
      }
      return { ok: true, value: out };
    }
    case 'groupMap': {
      const out: Record<string, string> = {};
      for (const { l, n } of lines(String(raw))) {
        const x = /^(.+?)\s*=\s*(.+)$/.exec(l);
        if (!x) return { ok: false, message: fill(m.schemeGroupMapLine, n) };
        out[x[1]!.trim()] = x[2]!.trim();
      }
      return { ok: true, value: out };
    }
    default:
      return { ok: true, value: raw };
  }
}

/** JSON with sorted keys: equal values give equal text. */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

function has(obj: Record<string, unknown>, path: string): boolean {
  let node: unknown = obj;
  for (const k of path.split('.')) {
    if (!node || typeof node !== 'object' || !(k in (node as object))) return false;
    node = (node as Record<string, unknown>)[k];
  }
  return true;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = obj;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The setting a server error path (`scheme.grades.shares[1].share`, `scheme.quality.criteria`) is about. */
function settingsOfError(path: string, settings: SchemeSetting[]): string[] {
  const p = path.replace(/^scheme\.?/, '');
  const exact = settings.find((s) => p === s.path || p.startsWith(`${s.path}.`) || p.startsWith(`${s.path}[`));
  if (exact) return [exact.path];
  return settings.filter((s) => p !== '' && s.path.startsWith(`${p}.`)).map((s) => s.path);
}

function SchemeForm({
  data,
  year,
  canEdit,
  onSaved,
  onConflict,
}: {
  data: SchemeResponse;
  year: number;
  canEdit: boolean;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const { m, format, lang } = useI18n();
  const save = useSaveScheme(year);
  const kinds = useMemo(() => new Map(data.settings.map((s) => [s.path, kindOf(s)])), [data.settings]);
  const initial = useMemo(
    () => Object.fromEntries(data.settings.map((s) => [s.path, toRaw(kinds.get(s.path)!, s.value)])),
    [data.settings, kinds],
  );
  const [raw, setRaw] = useState<Record<string, Raw>>(initial);
  /** Settings the stored scheme names (kept when equal to the default), minus those reset. */
  const [pinned, setPinned] = useState<Set<string>>(
    () => new Set(data.settings.filter((s) => has(data.stored, s.path)).map((s) => s.path)),
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const editable = canEdit && data.editable;

  const parsed = useMemo(
    () =>
      Object.fromEntries(
        data.settings.map((s) => [s.path, parseRaw(kinds.get(s.path)!, raw[s.path]!, m.evaluation)] as const),
      ),
    [data.settings, kinds, raw, m.evaluation],
  );
  const outgoing = () => {
    const scheme: Record<string, unknown> = {};
    for (const s of data.settings) {
      const p = parsed[s.path]!;
      if (!p.ok) continue;
      if (canon(p.value) !== canon(s.defaultValue) || pinned.has(s.path)) setPath(scheme, s.path, p.value);
    }
    return scheme;
  };
  const changed = data.settings.filter((s) => {
    const p = parsed[s.path]!;
    return !p.ok || canon(p.value) !== canon(s.value) || pinned.has(s.path) !== has(data.stored, s.path);
  });
  const dirty = changed.length > 0;

  const edit = (path: string, v: Raw) => {
    setRaw((prev) => ({ ...prev, [path]: v }));
    setServerErrors((prev) => {
      const { [path]: _gone, ...rest } = prev;
      return rest;
    });
  };
  const reset = (s: SchemeSetting) => {
    edit(s.path, toRaw(kinds.get(s.path)!, s.defaultValue));
    setPinned((prev) => {
      const next = new Set(prev);
      next.delete(s.path);
      return next;
    });
  };

  const submit = () => {
    setFormErrors([]);
    if (data.settings.some((s) => !parsed[s.path]!.ok)) {
      setFormErrors([m.evaluation.schemeInvalid]);
      return;
    }
    save.mutate(
      { scheme: outgoing(), version: data.version },
      {
        onSuccess: () => onSaved(),
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) return onConflict();
          if (!(err instanceof ApiError)) return setFormErrors([String(err)]);
          const at: Record<string, string> = {};
          const loose: string[] = [];
          for (const d of err.details) {
            const targets = settingsOfError(d.path, data.settings);
            if (targets.length === 0) loose.push(d.message);
            for (const t of targets) at[t] = at[t] ? `${at[t]} ${d.message}` : d.message;
          }
          setServerErrors(at);
          setFormErrors([err.message, ...loose]);
        },
      },
    );
  };

  const control = (s: SchemeSetting) => {
    const kind = kinds.get(s.path)!;
    const label = lang === 'en' ? s.labelEn : s.label;
    const p = parsed[s.path]!;
    const error = serverErrors[s.path] ?? (p.ok ? undefined : p.message);
    const common = { 'aria-label': label, error, disabled: !editable };
    const v = raw[s.path]!;
    const option = (o: string) => ({ value: o, label: m.evaluation.schemeOption[o] ?? o });
    switch (kind) {
      case 'boolean':
        return (
          <Switch
            {...common}
            label={v === true ? m.evaluation.schemeOn : m.evaluation.schemeOff}
            checked={v === true}
            onChange={(e) => edit(s.path, e.currentTarget.checked)}
          />
        );
      case 'choice':
        return (
          <Select
            {...common}
            data={(s.options ?? []).map(option)}
            value={String(v)}
            onChange={(x) => x && edit(s.path, x)}
            allowDeselect={false}
            w={240}
          />
        );
      case 'statuses':
        return (
          <MultiSelect
            {...common}
            data={(s.options ?? []).map(option)}
            value={v as string[]}
            onChange={(x) => edit(s.path, x)}
            description={m.evaluation.schemeStatusesHelp}
            w={280}
          />
        );
      case 'shares':
      case 'groupMap':
        return (
          <Textarea
            {...common}
            value={String(v)}
            onChange={(e) => edit(s.path, e.currentTarget.value)}
            description={kind === 'shares' ? m.evaluation.schemeSharesHelp : m.evaluation.schemeGroupMapHelp}
            autosize
            minRows={2}
            w={280}
          />
        );
      default:
        return (
          <TextInput
            {...common}
            value={String(v)}
            onChange={(e) => edit(s.path, e.currentTarget.value)}
            inputMode={kind === 'number' ? 'decimal' : undefined}
            description={kind === 'number' && s.defaultValue === null ? m.evaluation.schemeEmptyMeansNone : undefined}
            w={160}
          />
        );
    }
  };

  return (
    <Stack gap="sm">
      <UnsavedGuard dirty={dirty && editable} />
      {!editable ? (
        <Alert color="gray" variant="light">
          {m.evaluation.schemeReadOnly}
        </Alert>
      ) : null}
      <TableFrame caption={format(m.evaluation.schemeEditTitle, { year })} captionHidden minWidth={1000}>
        <Table.Thead>
          <Table.Tr>
            <Th>{m.evaluation.schemeColName}</Th>
            <Th>{m.evaluation.schemeColBasis}</Th>
            <Th>{m.evaluation.schemeColValue}</Th>
            <Th>{m.evaluation.schemeColDefault}</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.settings.map((s) => {
            const p = parsed[s.path]!;
            const isDefault = p.ok && canon(p.value) === canon(s.defaultValue);
            return (
              <Table.Tr key={s.path} data-setting={s.path}>
                <Table.Th scope="row" fw={500} style={{ maxWidth: 320 }}>
                  {lang === 'en' ? s.labelEn : s.label}
                  <Text size="xs" c="dimmed" fw={400}>
                    {s.description}
                  </Text>
                </Table.Th>
                <Table.Td style={{ maxWidth: 260 }}>
                  <Text size="sm" fw={600} span>
                    {s.source === 'plan' ? m.evaluation.schemeSourcePlan : m.evaluation.schemeSourceChoice}
                  </Text>
                  <Text size="xs">{s.basis}</Text>
                </Table.Td>
                <Table.Td>{control(s)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">
                      {isDefault
                        ? m.evaluation.schemeIsDefault
                        : format(m.evaluation.schemeNotDefault, { value: settingText(s.defaultValue) })}
                    </Text>
                    {editable && !isDefault ? (
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={format(m.evaluation.schemeResetLabel, { setting: s.label })}
                        onClick={() => reset(s)}
                      >
                        {m.evaluation.schemeReset}
                      </Button>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableFrame>
      {formErrors.length ? (
        <Alert color="red" variant="light" role="alert">
          {formErrors.map((e, i) => (
            <Text key={i} size="sm" c={ERROR_COLOR}>
              {e}
            </Text>
          ))}
        </Alert>
      ) : null}
      {editable ? (
        <Group
          gap="sm"
          className="no-print"
          style={{ position: 'sticky', bottom: 0, zIndex: 3, background: 'var(--mantine-color-body)', paddingBlock: 8 }}
        >
          <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
            {m.evaluation.schemeSave}
          </Button>
          <Button
            variant="default"
            disabled={!dirty}
            onClick={() => {
              setRaw(initial);
              setPinned(new Set(data.settings.filter((s) => has(data.stored, s.path)).map((s) => s.path)));
              setServerErrors({});
              setFormErrors([]);
            }}
          >
            {m.evaluation.schemeUndo}
          </Button>
          {dirty ? (
            <Text size="sm" fw={600} aria-live="polite">
              {format(m.evaluation.schemeDirty, { n: changed.length })}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function SchemeEditor({ data, refetch }: { data: SchemeResponse; refetch: () => unknown }) {
  const { m, format } = useI18n();
  const { can } = useAbilities();
  const href = useHref();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Section title={format(m.evaluation.schemeFormTitle, { n: data.settings.length })} id="scheme-form">
      {notice ? (
        notice.ok ? (
          <Text c={OK_COLOR} role="status" mb="sm">
            {notice.text}{' '}
            <Anchor component={Link} to={`${href('/evaluation')}#scheme`} underline="always">
              {m.evaluation.schemeTitle}
            </Anchor>
          </Text>
        ) : (
          <Alert color="yellow" variant="light" role="alert" mb="sm">
            {notice.text}
          </Alert>
        )
      ) : null}
      <SchemeForm
        key={data.version}
        data={data}
        year={data.year}
        canEdit={can('plan.edit')}
        onSaved={() => setNotice({ ok: true, text: m.evaluation.schemeSaved })}
        onConflict={() => {
          setNotice({ ok: false, text: m.evaluation.schemeConflict });
          void refetch();
        }}
      />
    </Section>
  );
}

export default function SchemePage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const q = useScheme(year);
  return (
    <Page title={format(m.evaluation.schemeEditTitle, { year: year ?? '' })} intro={m.evaluation.schemeEditIntro}>
      <EvaluationTabs />
      <Query q={q}>{(data) => <SchemeEditor data={data} refetch={q.refetch} />}</Query>
    </Page>
  );
}
