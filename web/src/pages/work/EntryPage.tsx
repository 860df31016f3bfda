/**
 * 실적 입력 (/entry/:code?department=…&period=…): one indicator's result for one period — the
 * numeric actual or the milestones completed, an explanation, evidence (drop zone or file button,
 * upload progress), save and submit. Unsaved changes are guarded; a 409 (someone else saved first)
 * shows their value with the choice to take it or re-apply mine.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { ApiError } from '../../api/client';
import {
  useCreateResult,
  useEntrySheet,
  useResult,
  useTransition,
  useUpdateResult,
  useUploadEvidence,
  type ResultView,
  type SheetRow,
} from '../../api/results';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { ActualField, errorText, EvidenceList, parseActual, usePeriodLabel } from './shared';

interface Form {
  actual: string;
  milestonesDone: string[];
  comment: string;
}
const formOf = (r: ResultView | null): Form => ({
  actual: r?.actual === null || r?.actual === undefined ? '' : String(r.actual),
  milestonesDone: r?.milestonesDone ?? [],
  comment: r?.comment ?? '',
});
const same = (a: Form, b: Form) =>
  a.actual.trim() === b.actual.trim() &&
  a.comment === b.comment &&
  a.milestonesDone.join('\n') === b.milestonesDone.join('\n');

function EvidenceBox({ resultId, canUpload }: { resultId: string; canUpload: boolean }) {
  const { m, format } = useI18n();
  const w = m.work;
  const detail = useResult(resultId);
  const upload = useUploadEvidence();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; value: number } | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);

  const send = (file: File | undefined) => {
    if (!file) return;
    setMsg(null);
    setProgress({ name: file.name, value: 0 });
    upload.mutate(
      { id: resultId, file, onProgress: (f) => setProgress({ name: file.name, value: Math.round(f * 100) }) },
      {
        onSuccess: () => setMsg({ ok: true, text: format(w.uploaded, { name: file.name }) }),
        onError: (e) => {
          setProgress(null);
          setMsg({ ok: false, text: errorText(e) });
        },
      },
    );
  };

  return (
    <Section title={w.evidence}>
      <Stack gap="sm">
        {canUpload && (
          <Paper
            withBorder
            p="md"
            data-testid="evidence-drop"
            style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-blue-0)' : undefined }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              send(e.dataTransfer.files[0]);
            }}
          >
            <Group gap="sm">
              <Text>{w.dropHere}</Text>
              <Button variant="default" onClick={() => input.current?.click()} loading={upload.isPending}>
                {w.chooseFile}
              </Button>
              <input
                ref={input}
                type="file"
                hidden
                aria-label={w.chooseFile}
                onChange={(e) => {
                  send(e.currentTarget.files?.[0]);
                  e.currentTarget.value = '';
                }}
              />
            </Group>
          </Paper>
        )}
        {progress && (
          <div>
            <Text size="sm">{format(w.uploading, { name: progress.name })}</Text>
            <Progress
              value={progress.value}
              aria-label={w.uploadProgress}
              data-testid="upload-progress"
              data-value={progress.value}
            />
          </div>
        )}
        {msg && (
          <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'}>
            {msg.text}
          </Alert>
        )}
        {detail.data && <EvidenceList items={detail.data.evidence} canDelete={canUpload} />}
      </Stack>
    </Section>
  );
}

function EntryForm({
  year,
  row,
  department,
  period,
}: {
  year: number;
  row: SheetRow;
  department: string;
  period: string;
}) {
  const { m, format } = useI18n();
  const w = m.work;
  const ind = row.indicator;
  const milestone = ind.measurement === 'milestone';
  const [result, setResult] = useState<ResultView | null>(row.result);
  const [form, setForm] = useState<Form>(formOf(row.result));
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [alert, setAlert] = useState<{ color: string; text: string } | null>(null);
  const [conflict, setConflict] = useState<ResultView | null>(null);
  const create = useCreateResult(year);
  const update = useUpdateResult();
  const step = useTransition();
  const detail = useResult(result?.id);
  const href = useHref();
  const dirty = !same(form, formOf(result));
  const editable = !result || result.status === 'draft';
  const abilities = detail.data?.abilities ?? {};
  const busy = create.isPending || update.isPending || step.isPending;

  useEffect(() => {
    if (detail.data && result && detail.data.result.version > result.version && !dirty) {
      setResult(detail.data.result);
      setForm(formOf(detail.data.result));
    }
  }, [detail.data, result, dirty]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const byField: Partial<Record<keyof Form, string>> = {};
      for (const d of e.details) {
        const key = d.path.split(/[.[]/)[0] as keyof Form;
        if (key in form && !byField[key]) byField[key] = d.message;
      }
      setErrors(byField);
      setAlert({ color: 'red', text: e.message });
    } else setAlert({ color: 'red', text: String(e) });
  };

  const save = async (values: Form = form, base: ResultView | null = result): Promise<ResultView | null> => {
    setAlert(null);
    const actual = parseActual(values.actual);
    if (!milestone && actual === undefined) {
      setErrors({ actual: w.actualInvalid });
      return null;
    }
    const body = milestone
      ? { milestonesDone: values.milestonesDone, comment: values.comment }
      : { actual: actual ?? null, comment: values.comment };
    try {
      const saved = base
        ? await update.mutateAsync({ id: base.id, version: base.version, ...body })
        : await create.mutateAsync({ indicator: ind.code, department, period, ...body });
      setResult(saved);
      setForm(formOf(saved));
      setConflict(null);
      setAlert({ color: 'green', text: w.saved });
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && base) {
        // The server sends the value it now holds (error.current); without it, read the result again.
        const current = (e.extra.current as ResultView | null | undefined) ?? (await detail.refetch()).data?.result;
        if (current) {
          setConflict(current);
          return null;
        }
      }
      fail(e);
      return null;
    }
  };

  const submit = async () => {
    let r = result;
    if (!r || dirty) {
      if (!milestone && parseActual(form.actual) === null) {
        setErrors({ actual: w.actualRequired });
        return;
      }
      r = await save();
      if (!r) return;
    }
    try {
      const out = await step.mutateAsync({ id: r.id, step: 'submit', version: r.version });
      setResult(out.result);
      setForm(formOf(out.result));
      setAlert({
        color: out.lateEntryCase ? 'orange' : 'green',
        text: out.lateEntryCase ? format(w.lateCase, { detail: out.lateEntryCase.detail }) : w.submittedMsg,
      });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack gap="lg">
      <UnsavedGuard dirty={dirty} />
      <Text>
        {ind.code} {ind.name} · {w.target}: {ind.target ?? '—'} {ind.unit}
        {result && (
          <>
            {' · '}
            {w.status}: <strong data-testid="result-status">{result.statusLabel}</strong>{' '}
            <Anchor underline="always" component={Link} to={href(`/results/${encodeURIComponent(result.id)}`)}>
              {w.review}
            </Anchor>
          </>
        )}
      </Text>
      {!editable && result && <Alert color="gray">{format(w.readOnly, { status: result.statusLabel })}</Alert>}
      {conflict && (
        <Alert
          color="orange"
          styles={{ title: { color: '#862e08' } }}
          title={w.conflictTitle}
          role="alert"
          data-testid="conflict"
        >
          <Text mb="sm">{w.conflictBody}</Text>
          <SimpleGrid cols={2}>
            <div>
              <Text fw={700}>{w.theirs}</Text>
              <Text data-testid="conflict-theirs">
                {milestone ? conflict.milestonesDone.join(', ') || '—' : (conflict.actual ?? '—')} — {conflict.comment}
              </Text>
            </div>
            <div>
              <Text fw={700}>{w.mine}</Text>
              <Text data-testid="conflict-mine">
                {milestone ? form.milestonesDone.join(', ') || '—' : form.actual || '—'} — {form.comment}
              </Text>
            </div>
          </SimpleGrid>
          <Group mt="sm">
            <Button
              variant="default"
              onClick={() => {
                setResult(conflict);
                setForm(formOf(conflict));
                setConflict(null);
              }}
            >
              {w.takeTheirs}
            </Button>
            <Button onClick={() => void save(form, conflict)} disabled={conflict.status !== 'draft'}>
              {w.reapplyMine}
            </Button>
          </Group>
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="sm" maw={640}>
          {milestone ? (
            <Checkbox.Group
              label={w.milestones}
              value={form.milestonesDone}
              onChange={(v) => set('milestonesDone', v)}
              error={errors.milestonesDone}
            >
              <Stack gap={4} mt="xs">
                {ind.milestones.map((ms) => (
                  <Checkbox key={ms.name} value={ms.name} label={ms.name} disabled={!editable} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <ActualField
              label={`${w.actual} (${ind.unit})`}
              value={form.actual}
              onChange={(v) => set('actual', v)}
              onError={(message) => setErrors((x) => ({ ...x, actual: message }))}
              error={errors.actual}
              disabled={!editable}
            />
          )}
          <Textarea
            label={w.comment}
            autosize
            minRows={3}
            value={form.comment}
            onChange={(e) => set('comment', e.currentTarget.value)}
            error={errors.comment}
            disabled={!editable}
          />
          {alert && (
            <Alert color={alert.color} role={alert.color === 'red' ? 'alert' : 'status'}>
              {alert.text}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={create.isPending || update.isPending} disabled={busy}>
                {w.save}
              </Button>
              {(!result || abilities.submit !== false) && (
                <Button onClick={() => void submit()} loading={step.isPending} disabled={busy}>
                  {w.submit}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {result ? (
        <EvidenceBox resultId={result.id} canUpload={abilities.uploadEvidence === true} />
      ) : (
        <Section title={w.evidence}>
          <Text c="dimmed">{w.saveFirst}</Text>
        </Section>
      )}
    </Stack>
  );
}

export default function EntryPage() {
  const { m, format } = useI18n();
  const w = m.work;
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const department = params.get('department') ?? '';
  const period = params.get('period') ?? '';
  const { year } = useYear();
  const q = useEntrySheet(year, department, period);
  const periodText = usePeriodLabel();
  if (!department || !period)
    return (
      <Page title={w.entryTitle}>
        <Alert color="orange">{w.needParams}</Alert>
      </Page>
    );
  return (
    <Page
      title={`${w.entryTitle}: ${code}`}
      intro={
        q.data
          ? format(w.entryIntro, {
              department: q.data.department.name,
              period: periodText(period),
              deadline: q.data.deadline,
            })
          : undefined
      }
    >
      <Query q={q}>
        {(sheet) => {
          const row = sheet.rows.find((r) => r.indicator.code === code);
          if (!row) return <Alert color="orange">{format(w.notInSheet, { code })}</Alert>;
          return (
            <EntryForm
              key={`${code}-${department}-${period}`}
              year={sheet.year}
              row={row}
              department={sheet.department.name}
              period={period}
            />
          );
        }}
      </Query>
    </Page>
  );
}
