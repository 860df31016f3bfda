/**
 * 평가 (/evaluation): every evaluated department's scores, rank, grade and group, final or provisional
 * (clearly labelled), the distribution of totals (chart + table), links to each breakdown, and the
 * planner's controls (close rating, freeze, re-open with a reason).
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { fieldErrors } from '../../api/client';
import {
  useEvaluation,
  useEvaluationControl,
  type ControlAction,
  type DepartmentScore,
  type EvalMode,
  type EvaluationResponse,
} from '../../api/evaluation';
import { useHref, useYear } from '../../app/year';
import { IllustrativeBadge } from '../../components/Illustrative';
import { Page, Section } from '../../components/Page';
import { Loading, Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { EvaluationTabs, settingText } from './shared';
import { useAbilities } from '../../api/session';
import { ERROR_COLOR, OK_COLOR, WARN_COLOR } from '../../app/theme';

const ScoreChart = lazy(() => import('./ScoreChart'));

/** A setting's value for reading: numbers and words as they are, lists and records as compact JSON. */
export const SCORE_COLUMNS = ['achievement', 'quality', 'qualitative', 'bonus', 'penalty'] as const;

export function ModeBadge({ mode }: { mode: EvalMode }) {
  const { m } = useI18n();
  return mode === 'final' ? (
    <Badge color={OK_COLOR} variant="filled">
      {m.evaluation.badgeFinal}
    </Badge>
  ) : (
    <Badge color={WARN_COLOR} variant="filled">
      {m.evaluation.badgeProvisional}
    </Badge>
  );
}

export function useMode(): [EvalMode, (mode: EvalMode) => void] {
  const [params, setParams] = useSearchParams();
  const mode: EvalMode = params.get('mode') === 'provisional' ? 'provisional' : 'final';
  return [
    mode,
    (next) => {
      const q = new URLSearchParams(params);
      if (next === 'final') q.delete('mode');
      else q.set('mode', next);
      setParams(q, { replace: true });
    },
  ];
}

function bandsOf(depts: DepartmentScore[]) {
  if (depts.length === 0) return { bands: [], counts: [] };
  const totals = depts.map((d) => d.total);
  const step = 5;
  const lo = Math.floor(Math.min(...totals) / step) * step;
  const hi = Math.max(lo + step, Math.floor(Math.max(...totals) / step) * step + step);
  const bands: string[] = [];
  const counts: number[] = [];
  for (let b = lo; b < hi; b += step) {
    bands.push(`${b}–${b + step}`);
    counts.push(totals.filter((t) => t >= b && t < b + step).length);
  }
  return { bands, counts };
}

function Controls({ data, year }: { data: EvaluationResponse; year: number }) {
  const { m, format } = useI18n();
  const control = useEvaluationControl(year);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { planStatus, ratingClosed } = data.source;
  const active = planStatus === 'active';
  const closed = planStatus === 'closed';
  const labels: Record<ControlAction, string> = {
    closeRating: m.evaluation.closeRating,
    reopenRating: m.evaluation.reopenRating,
    close: m.evaluation.freeze,
    reopen: m.evaluation.reopen,
  };
  const run = (action: ControlAction) => {
    setDone(null);
    if ((action === 'reopen' || action === 'reopenRating') && reason.trim() === '') {
      setReasonError(m.evaluation.reasonRequired);
      return;
    }
    setReasonError(null);
    control.mutate(
      { action, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(format(m.evaluation.controlDone, { what: labels[action] }));
          setReason('');
          setConfirming(false);
        },
        onError: (e) => {
          const reason = fieldErrors(e).reason;
          if (reason) setReasonError(reason);
        },
      },
    );
  };
  const needsReason = (active && ratingClosed) || closed;
  return (
    <Section title={m.evaluation.controls} id="controls">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {m.evaluation.controlsIntro}
        </Text>
        <Group gap="xs">
          <Badge variant="filled" color={closed ? '#495057' : undefined}>
            {format(m.evaluation.planStatus, {
              status: closed ? m.evaluation.statusClosed : m.evaluation.statusActive,
            })}
          </Badge>
          <Badge variant="filled" color={ratingClosed ? '#495057' : undefined}>
            {ratingClosed ? m.evaluation.ratingClosed : m.evaluation.ratingOpen}
          </Badge>
        </Group>
        {needsReason ? (
          <TextInput
            label={m.evaluation.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            maw={520}
          />
        ) : null}
        <Group gap="xs">
          {active && !ratingClosed ? (
            <Button onClick={() => run('closeRating')} loading={control.isPending}>
              {m.evaluation.closeRating}
            </Button>
          ) : null}
          {active && ratingClosed ? (
            <>
              <Button variant="default" onClick={() => run('reopenRating')} loading={control.isPending}>
                {m.evaluation.reopenRating}
              </Button>
              {!confirming ? (
                <Button color={ERROR_COLOR} onClick={() => setConfirming(true)}>
                  {m.evaluation.freeze}
                </Button>
              ) : null}
            </>
          ) : null}
          {closed ? (
            <Button color={WARN_COLOR} onClick={() => run('reopen')} loading={control.isPending}>
              {m.evaluation.reopen}
            </Button>
          ) : null}
        </Group>
        {confirming ? (
          <Alert color="red" variant="light" title={m.evaluation.freeze}>
            <Text size="sm" mb="xs">
              {m.evaluation.confirmFreeze}
            </Text>
            <Group gap="xs">
              <Button color={ERROR_COLOR} onClick={() => run('close')} loading={control.isPending}>
                {m.evaluation.confirm}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {m.evaluation.cancel}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {control.isError && !reasonError ? (
          <Alert color="red" variant="light" role="alert">
            {control.error.message}
          </Alert>
        ) : null}
        {done ? (
          <Text size="sm" c={OK_COLOR} role="status">
            {done}
          </Text>
        ) : null}
      </Stack>
    </Section>
  );
}

function Ranking({ data, year }: { data: EvaluationResponse; year: number }) {
  const { m, format, num, locale, lang } = useI18n();
  const href = useHref();
  const { can } = useAbilities();
  const groups = useMemo(() => [...new Set(data.departments.map((d) => d.group))], [data]);
  const [group, setGroup] = useState<string | null>(null);
  const shown = group ? data.departments.filter((d) => d.group === group) : data.departments;
  const dist = useMemo(() => bandsOf(shown), [shown]);
  const modeName = data.mode === 'final' ? m.evaluation.modeFinal : m.evaluation.modeProvisional;
  const multiGroups = data.rankingGroups.length > 1;
  return (
    <>
      <Alert color={data.mode === 'final' ? 'teal' : 'orange'} variant="light" title={<ModeBadge mode={data.mode} />}>
        <Text size="sm">{data.mode === 'final' ? m.evaluation.noteFinal : m.evaluation.noteProvisional}</Text>
        <Text size="sm" c="dimmed">
          {data.source.kind === 'snapshot'
            ? format(m.evaluation.sourceSnapshot, {
                at: data.source.closedAt ? new Date(data.source.closedAt).toLocaleString(locale) : '',
                by: data.source.closedBy ?? '',
              })
            : m.evaluation.sourceLive}
          {data.source.note ? ` ${data.source.note}` : ''}
        </Text>
      </Alert>
      {can('evaluation.close') ? <Controls data={data} year={year} /> : null}
      <Section
        title={format(m.evaluation.rankingCaption, { year, mode: modeName })}
        id="ranking"
        actions={
          groups.length > 1 ? (
            <Select
              label={m.evaluation.groupFilter}
              data={[{ value: '', label: m.evaluation.groupAll }, ...groups.map((g) => ({ value: g, label: g }))]}
              value={group ?? ''}
              onChange={(v) => setGroup(v ? v : null)}
              allowDeselect={false}
              size="xs"
              w={160}
            />
          ) : null
        }
      >
        {shown.length === 0 ? (
          <Text>{m.evaluation.noDepartments}</Text>
        ) : (
          <TableFrame
            caption={format(m.evaluation.rankingCaption, { year, mode: modeName })}
            captionHidden
            minWidth={900}
          >
            <Table.Thead>
              <Table.Tr>
                <Th num>{m.evaluation.colRank}</Th>
                <Th>{m.evaluation.colDepartment}</Th>
                <Th>{m.evaluation.colGroup}</Th>
                <Th num>{m.evaluation.colAchievement}</Th>
                <Th num>{m.evaluation.colQuality}</Th>
                <Th num>{m.evaluation.colQualitative}</Th>
                <Th num>{m.evaluation.colBonus}</Th>
                <Th num>{m.evaluation.colPenalty}</Th>
                <Th num>{m.evaluation.colTotal}</Th>
                <Th>{m.evaluation.colGrade}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((d) => (
                <Table.Tr key={d.department}>
                  <Table.Td className="num">
                    {num(d.rank, 0)}
                    {multiGroups ? (
                      <span className="cell-sub"> {format(m.evaluation.rankInGroup, { group: d.rankingGroup })}</span>
                    ) : null}
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>
                    <Anchor
                      component={Link}
                      to={href(
                        `/evaluation/departments/${encodeURIComponent(d.department)}`,
                        data.mode === 'provisional' ? { mode: 'provisional' } : {},
                      )}
                    >
                      {d.department}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{d.group}</Table.Td>
                  {SCORE_COLUMNS.map((k) => (
                    <Table.Td key={k} className="num">
                      {k === 'penalty' && d.display.penalty > 0 ? '−' : ''}
                      {num(d.display[k], 2)}
                    </Table.Td>
                  ))}
                  <Table.Td className="num" fw={700}>
                    {num(d.display.total, 2)}
                  </Table.Td>
                  <Table.Td fw={700}>{d.grade}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        )}
      </Section>
      <Section title={m.evaluation.distribution} id="distribution">
        <Suspense fallback={<Loading />}>
          <ScoreChart
            bands={dist.bands}
            counts={dist.counts}
            label={m.evaluation.chartLabel}
            seriesName={m.evaluation.colCount}
          />
        </Suspense>
        <Group align="flex-start" gap="md" mt="sm">
          <TableFrame caption={m.evaluation.distCaption}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colBand}</Th>
                <Th num>{m.evaluation.colCount}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dist.bands.map((b, i) => (
                <Table.Tr key={b}>
                  <Table.Th scope="row">{b}</Table.Th>
                  <Table.Td className="num">{num(dist.counts[i], 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
          {data.rankingGroups.map((g) => (
            <TableFrame key={g.name} caption={format(m.evaluation.gradeCaption, { group: g.name })}>
              <Table.Thead>
                <Table.Tr>
                  <Th>{m.evaluation.colGrade}</Th>
                  <Th num>{m.evaluation.colCount}</Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(g.gradeCounts).map(([grade, n]) => (
                  <Table.Tr key={grade}>
                    <Table.Th scope="row">{grade}</Table.Th>
                    <Table.Td className="num">{num(n, 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </TableFrame>
          ))}
        </Group>
      </Section>
      <Section title={m.evaluation.schemeTitle} id="scheme">
        <Text size="sm" c="dimmed" mb="xs">
          {m.evaluation.schemeIntro}
        </Text>
        <TableFrame caption={m.evaluation.schemeTitle} captionHidden minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Th>{m.evaluation.schemeColSetting}</Th>
              <Th>{m.evaluation.schemeColValue}</Th>
              <Th>{m.evaluation.schemeColDefault}</Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.schemeSettings.map((st) => (
              <Table.Tr key={st.path}>
                <Table.Th scope="row" fw={500}>
                  {lang === 'en' ? st.labelEn : st.label}
                  <span className="cell-sub"> · {st.basis}</span>
                </Table.Th>
                <Table.Td>{settingText(st.value)}</Table.Td>
                <Table.Td>
                  {st.isDefault
                    ? m.evaluation.schemeDefault
                    : format(m.evaluation.schemeChanged, { value: settingText(st.defaultValue) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </Section>
      {data.warnings.length > 0 ? (
        <Section title={m.evaluation.warnings} id="warnings">
          <ul>
            {data.warnings.slice(0, 20).map((w, i) => (
              <li key={i}>
                <Text size="sm">{w.message}</Text>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

export default function RankingPage() {
  const { m, format } = useI18n();
  const { year, plan } = useYear();
  const { can, ready } = useAbilities();
  const [mode, setMode] = useMode();
  const reads = can('evaluation.read');
  const q = useEvaluation(year, mode, ready && reads);
  if (ready && !reads && can('rating.read')) return <Navigate to="/evaluation/rating" replace />;
  return (
    <Page
      title={format(m.evaluation.rankingTitle, { year: year ?? '' })}
      intro={m.evaluation.rankingIntro}
      badges={
        <>
          <ModeBadge mode={mode} />
          {plan?.illustrative ? <IllustrativeBadge /> : null}
        </>
      }
    >
      <EvaluationTabs />
      <div role="group" aria-label={m.evaluation.modeLegend}>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as EvalMode)}
          data={[
            { value: 'final', label: m.evaluation.modeFinal },
            { value: 'provisional', label: m.evaluation.modeProvisional },
          ]}
        />
      </div>
      {year === undefined ? <Loading /> : <Query q={q}>{(data) => <Ranking data={data} year={year} />}</Query>}
    </Page>
  );
}
