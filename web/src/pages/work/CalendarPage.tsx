/**
 * 실적 입력 일정 (/calendar): every period of the year with its input deadline (by the rule or set
 * for that period) and the yearly cut-off, for everyone who may read the plan. The planner (the
 * session's `plan.edit`) edits the rules, the cut-off and each period's deadline: the server checks
 * them (dates, a deadline after its period, a cut-off after the year) and its Korean message is shown
 * at the field; unsaved changes are guarded; a stale plan version (409) offers the latest schedule.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useCalendar, useSetCalendar, type CalendarView } from '../../api/results';
import { useAbilities } from '../../api/session';
import { WARN_COLOR } from '../../app/theme';
import { useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { errorText, usePeriodLabel } from './shared';

/** The settings the page edits, as typed (strings until saved). */
interface Form {
  deadlineWorkingDays: string;
  deadlineDayOfNextMonth: string;
  cutoffDate: string;
  reminderDaysBefore: string;
  overdueReminderWindowDays: string;
  evidenceRequired: boolean;
  /** Period → the deadline set for it ('' = by the rule). */
  deadlineOverrides: Record<string, string>;
}
type Field = Exclude<keyof Form, 'deadlineOverrides'>;
const NUMBER_FIELDS = [
  'deadlineWorkingDays',
  'deadlineDayOfNextMonth',
  'reminderDaysBefore',
  'overdueReminderWindowDays',
] as const;
const NULLABLE = new Set<Field>(['deadlineDayOfNextMonth', 'cutoffDate']);
/** Yearly first: most indicators report once a year. */
const FREQUENCY_ORDER = ['yearly', 'half_yearly', 'quarterly', 'monthly'];

function formOf(v: CalendarView): Form {
  const s = v.settings;
  return {
    deadlineWorkingDays: String(s.deadlineWorkingDays),
    deadlineDayOfNextMonth: s.deadlineDayOfNextMonth === null ? '' : String(s.deadlineDayOfNextMonth),
    cutoffDate: s.cutoffDate ?? '',
    reminderDaysBefore: String(s.reminderDaysBefore),
    overdueReminderWindowDays: String(s.overdueReminderWindowDays),
    evidenceRequired: s.evidenceRequired,
    deadlineOverrides: Object.fromEntries(v.periods.map((p) => [p.period, s.deadlineOverrides[p.period] ?? ''])),
  };
}

/** Errors by field: a setting's name, or `deadlineOverrides.<period>`. */
type Errors = Record<string, string>;

/**
 * The settings to store: what the planner had stored, with the fields changed on this page replaced
 * (a field left as it was keeps being absent, so it follows the default). Numbers that are not whole
 * numbers are reported here; dates and ranges are the server's to check.
 */
function settingsOf(view: CalendarView, base: Form, form: Form, notNumber: string) {
  const next: Record<string, unknown> = { ...view.stored };
  const errors: Errors = {};
  for (const k of Object.keys(form) as (keyof Form)[]) {
    if (k === 'deadlineOverrides') continue;
    if (form[k] === base[k]) continue;
    const raw = form[k];
    if (typeof raw === 'boolean') next[k] = raw;
    else if (raw.trim() === '' && NULLABLE.has(k)) next[k] = null;
    else if ((NUMBER_FIELDS as readonly string[]).includes(k)) {
      if (/^\s*\d+\s*$/.test(raw)) next[k] = Number(raw);
      else errors[k] = notNumber;
    } else next[k] = raw.trim();
  }
  if (JSON.stringify(form.deadlineOverrides) !== JSON.stringify(base.deadlineOverrides))
    next.deadlineOverrides = Object.fromEntries(
      Object.entries(form.deadlineOverrides)
        .map(([p, d]) => [p, d.trim()] as const)
        .filter(([, d]) => d !== ''),
    );
  return { settings: next, errors };
}

function Schedule({
  view,
  editable,
  reload,
}: {
  view: CalendarView;
  editable: boolean;
  reload: () => Promise<CalendarView | undefined>;
}) {
  const { m, format } = useI18n();
  const c = m.work.calendar;
  const periodText = usePeriodLabel();
  const save = useSetCalendar(view.year);
  const [base, setBase] = useState<Form>(() => formOf(view));
  const [form, setForm] = useState<Form>(base);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<{ color: string; text: string; stale?: boolean } | null>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(base);

  // A newer schedule from the server (after saving, or another tab) replaces an untouched form.
  useEffect(() => {
    if (dirty) return;
    const next = formOf(view);
    setBase(next);
    setForm(next);
  }, [view]);

  const periods = useMemo(
    () =>
      [...view.periods].sort(
        (a, b) =>
          FREQUENCY_ORDER.indexOf(a.frequency) - FREQUENCY_ORDER.indexOf(b.frequency) ||
          a.period.localeCompare(b.period),
      ),
    [view.periods],
  );
  const yearDeadline = view.periods.find((p) => p.frequency === 'yearly')?.deadline ?? '';

  const set = <K extends Field>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors(({ [k]: _, ...rest }) => rest);
  };
  const setOverride = (period: string, v: string) => {
    setForm((f) => ({ ...f, deadlineOverrides: { ...f.deadlineOverrides, [period]: v } }));
    setErrors(({ [`deadlineOverrides.${period}`]: _, ...rest }) => rest);
  };

  const submit = () => {
    setAlert(null);
    const { settings, errors: local } = settingsOf(view, base, form, c.notNumber);
    setErrors(local);
    if (Object.keys(local).length) {
      setAlert({ color: 'red', text: c.fixFields });
      return;
    }
    save.mutate(
      { version: view.version, settings },
      {
        onSuccess: (saved) => {
          const next = formOf(saved);
          setBase(next);
          setForm(next);
          setAlert({ color: 'green', text: c.saved });
        },
        onError: (e) => {
          const byField: Errors = {};
          if (e instanceof ApiError)
            for (const d of e.details) {
              const key = d.path.replace(/^calendar\./, '');
              byField[key] = byField[key] ? `${byField[key]} ${d.message}` : d.message;
            }
          setErrors(byField);
          setAlert({
            color: 'red',
            text: e instanceof ApiError ? e.message : errorText(e),
            stale: e instanceof ApiError && e.status === 409,
          });
        },
      },
    );
  };

  const field = (k: Exclude<Field, 'evidenceRequired'>, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      inputMode={k === 'cutoffDate' ? undefined : 'numeric'}
      placeholder={k === 'cutoffDate' ? 'YYYY-MM-DD' : undefined}
      value={form[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={errors[k]}
    />
  );

  const rules = editable ? (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={820}>
      {field('deadlineWorkingDays', c.workingDays, c.workingDaysHint)}
      {field('deadlineDayOfNextMonth', c.dayOfNextMonth, c.dayOfNextMonthHint)}
      {field('cutoffDate', c.cutoff, format(c.cutoffHint, { date: yearDeadline }))}
      {field('reminderDaysBefore', c.reminderDays)}
      {field('overdueReminderWindowDays', c.overdueWindow)}
      <Checkbox
        label={c.evidenceRequired}
        checked={form.evidenceRequired}
        onChange={(e) => set('evidenceRequired', e.currentTarget.checked)}
        error={errors.evidenceRequired}
        mt="md"
      />
    </SimpleGrid>
  ) : (
    <dl className="facts">
      {(
        [
          [c.cutoff, view.cutoff],
          [c.evidenceRequired, view.settings.evidenceRequired ? c.yes : c.no],
        ] as const
      ).map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <Stack gap="lg">
      <UnsavedGuard dirty={dirty} />
      {!editable && <Text c="dimmed">{c.readOnly}</Text>}
      <Section title={c.rules}>
        <Stack gap="xs">
          <Text fw={700} data-testid="calendar-cutoff">
            {format(c.cutoffLine, { date: view.cutoff })}
          </Text>
          <Text>
            {view.settings.deadlineDayOfNextMonth === null
              ? format(c.ruleWorkingDays, { n: view.settings.deadlineWorkingDays })
              : format(c.ruleNextMonth, { day: view.settings.deadlineDayOfNextMonth })}
          </Text>
          {rules}
        </Stack>
      </Section>
      <Section title={c.periods}>
        <TableFrame caption={format(c.periodsCaption, { year: view.year })} minWidth={editable ? 760 : 560}>
          <Table.Thead>
            <Table.Tr>
              <Th>{c.period}</Th>
              <Th>{c.frequency}</Th>
              <Th>{c.start}</Th>
              <Th>{c.end}</Th>
              <Th>{c.deadline}</Th>
              {editable && <Th width={220}>{c.override}</Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.period} data-period={p.period}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {periodText(p.period)}
                </Table.Th>
                <Table.Td>{(c.frequencies as Record<string, string>)[p.frequency] ?? p.frequency}</Table.Td>
                <Table.Td className="nowrap">{p.start}</Table.Td>
                <Table.Td className="nowrap">{p.end}</Table.Td>
                <Table.Td className="nowrap">
                  <span data-testid="deadline">{p.deadline}</span>{' '}
                  {p.overridden ? (
                    <Badge variant="filled" color={WARN_COLOR} size="sm">
                      {c.overridden}
                    </Badge>
                  ) : (
                    <Badge variant="outline" color="dark" size="sm">
                      {c.byRule}
                    </Badge>
                  )}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={format(c.overrideLabel, { period: periodText(p.period) })}
                      placeholder={c.overrideHint}
                      value={form.deadlineOverrides[p.period] ?? ''}
                      onChange={(e) => setOverride(p.period, e.currentTarget.value)}
                      error={errors[`deadlineOverrides.${p.period}`]}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </Section>
      {editable && (
        <Stack gap="sm" maw={820}>
          {alert && (
            <Alert color={alert.color} role={alert.color === 'red' ? 'alert' : 'status'}>
              {alert.text}
              {alert.stale && (
                <Group mt="xs">
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() =>
                      void reload().then((latest) => {
                        if (!latest) return;
                        const next = formOf(latest);
                        setBase(next);
                        setForm(next);
                        setErrors({});
                        setAlert(null);
                      })
                    }
                  >
                    {c.reload}
                  </Button>
                </Group>
              )}
            </Alert>
          )}
          <Group>
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              {c.save}
            </Button>
            <Button
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setForm(base);
                setErrors({});
                setAlert(null);
              }}
            >
              {c.reset}
            </Button>
          </Group>
        </Stack>
      )}
      <Section title={format(c.holidays, { n: view.holidays.length })}>
        <details>
          <summary>{c.holidaysCaption}</summary>
          <TableFrame caption={c.holidaysCaption} captionHidden>
            <Table.Thead>
              <Table.Tr>
                <Th>{c.date}</Th>
                <Th>{c.name}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.holidays.map((h) => (
                <Table.Tr key={`${h.date}-${h.name}`}>
                  <Table.Td className="nowrap">{h.date}</Table.Td>
                  <Table.Td>{h.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        </details>
      </Section>
    </Stack>
  );
}

export default function CalendarPage() {
  const { m } = useI18n();
  const c = m.work.calendar;
  const { year } = useYear();
  const { can } = useAbilities();
  const q = useCalendar(year);
  return (
    <Page title={year ? `${c.title} (${year})` : c.title} intro={c.intro}>
      <Query q={q}>
        {(v) => <Schedule view={v} editable={can('plan.edit')} reload={async () => (await q.refetch()).data} />}
      </Query>
    </Page>
  );
}
