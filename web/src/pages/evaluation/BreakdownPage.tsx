/**
 * One department's evaluation (/evaluation/departments/:name): every component of the score with its
 * points, the explanation tree (why this score: per indicator achievement, weights, ratings,
 * penalties, bonus, qualitative), the indicators, and a what-if panel (nothing saved).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client';
import {
  useBonusAwards,
  useDepartmentEvaluation,
  useQualitativeScores,
  useWhatIf,
  type DepartmentEvaluationResponse,
  type ExplanationNode,
  type WhatIfChanges,
} from '../../api/evaluation';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Loading, QueryError } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { ModeBadge, SCORE_COLUMNS, useMode } from './RankingPage';
import { EvaluationTabs, inRange, parseScore } from './shared';
import { ERROR_COLOR, WARN_COLOR } from '../../app/theme';

function Explanation({ node, depth = 0 }: { node: ExplanationNode; depth?: number }) {
  const { m, num } = useI18n();
  const sources = [...(node.source ? [node.source] : []), ...(node.sources ?? [])];
  return (
    <li style={{ marginBottom: 4 }}>
      <Text size="sm" component="div">
        <strong>{node.label}</strong>: {num(node.value, 2)}
        {node.formula ? <span className="cell-sub"> = {node.formula}</span> : null}
      </Text>
      {node.note ? (
        <Text size="xs" c="dimmed">
          {node.note}
        </Text>
      ) : null}
      {sources.length > 0 && depth > 0 ? (
        <Text size="xs" c="dimmed">
          {m.evaluation.sources}:{' '}
          {sources
            .slice(0, 6)
            .map((s) =>
              s.value === undefined || s.value === null
                ? s.ref
                : `${s.ref} (${typeof s.value === 'number' ? num(s.value, 2) : String(s.value)})`,
            )
            .join(' · ')}
          {sources.length > 6 ? ' …' : ''}
        </Text>
      ) : null}
      {node.children.length > 0 ? (
        <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
          {node.children.map((c, i) => (
            <Explanation key={`${c.rule}-${i}`} node={c} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function WhatIfPanel({ data, year }: { data: DepartmentEvaluationResponse; year: number }) {
  const { m, format, num } = useI18n();
  const d = data.department;
  const bonus = useBonusAwards(year);
  const qual = useQualitativeScores(year);
  const whatIf = useWhatIf(year);
  const max = qual.data?.max ?? 5;
  const [indicator, setIndicator] = useState<string>('');
  const [actual, setActual] = useState('');
  const [item, setItem] = useState<string>('');
  const [bonusPoints, setBonusPoints] = useState('');
  const [qualitative, setQualitative] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const indicators = [...new Map((d.indicators ?? []).map((i) => [i.indicator, i])).values()];

  const run = () => {
    const e: Record<string, string> = {};
    const changes: WhatIfChanges = {};
    if (indicator) {
      const a = parseScore(actual);
      if (a === null || Number.isNaN(a)) e.actual = m.evaluation.whatIfRequired;
      else changes.actuals = [{ indicator, department: d.department, actual: a }];
    }
    if (item) {
      const p = parseScore(bonusPoints);
      if (!inRange(p, 0, 1)) e.bonusPoints = format(m.evaluation.numberRange, { min: 0, max: 1 });
      else changes.bonusAwards = [{ department: d.department, item, points: p! }];
    }
    if (qualitative.trim() !== '') {
      const q = parseScore(qualitative);
      if (!inRange(q, 0, max)) e.qualitative = format(m.evaluation.numberRange, { min: 0, max });
      else changes.qualitativeScores = [{ department: d.department, points: q! }];
    }
    if (Object.keys(e).length === 0 && !changes.actuals && !changes.bonusAwards && !changes.qualitativeScores)
      e.form = m.evaluation.whatIfNothing;
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    whatIf.mutate(
      { changes, mode: data.mode },
      {
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const map: Record<string, string> = {};
          for (const x of err.details) {
            if (x.path.startsWith('changes.actuals')) map.actual = x.message;
            else if (x.path.startsWith('changes.bonusAwards')) map.bonusPoints = x.message;
            else if (x.path.startsWith('changes.qualitativeScores')) map.qualitative = x.message;
          }
          setErrors(Object.keys(map).length ? map : { form: err.message });
        },
      },
    );
  };
  const reset = () => {
    setIndicator('');
    setActual('');
    setItem('');
    setBonusPoints('');
    setQualitative('');
    setErrors({});
    whatIf.reset();
  };
  const row = whatIf.data?.departments.find((r) => r.department === d.department);
  return (
    <Section title={m.evaluation.whatIf} id="what-if">
      <Stack gap="sm">
        <Text size="sm">{m.evaluation.whatIfIntro}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={m.evaluation.whatIfIndicator}
            data={[
              { value: '', label: m.evaluation.whatIfIndicatorNone },
              ...indicators.map((i) => ({ value: i.indicator, label: `${i.name} (${i.indicator})` })),
            ]}
            value={indicator}
            onChange={(v) => setIndicator(v ?? '')}
            allowDeselect={false}
            searchable
          />
          <TextInput
            label={m.evaluation.whatIfActual}
            value={actual}
            onChange={(e) => setActual(e.currentTarget.value)}
            error={errors.actual}
            disabled={!indicator}
            inputMode="decimal"
          />
          <Select
            label={m.evaluation.whatIfBonusItem}
            data={[
              { value: '', label: m.evaluation.whatIfIndicatorNone },
              ...(bonus.data?.items ?? []).map((i) => ({ value: i.item, label: i.label })),
            ]}
            value={item}
            onChange={(v) => setItem(v ?? '')}
            allowDeselect={false}
          />
          <TextInput
            label={m.evaluation.whatIfBonusPoints}
            value={bonusPoints}
            onChange={(e) => setBonusPoints(e.currentTarget.value)}
            error={errors.bonusPoints}
            disabled={!item}
            inputMode="decimal"
          />
          <TextInput
            label={format(m.evaluation.whatIfQualitative, { max })}
            value={qualitative}
            onChange={(e) => setQualitative(e.currentTarget.value)}
            error={errors.qualitative}
            inputMode="decimal"
          />
        </SimpleGrid>
        {errors.form ? (
          <Text c={ERROR_COLOR} size="sm" role="alert">
            {errors.form}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button onClick={run} loading={whatIf.isPending}>
            {m.evaluation.whatIfRun}
          </Button>
          <Button variant="default" onClick={reset}>
            {m.evaluation.whatIfReset}
          </Button>
        </Group>
        {whatIf.isError && !(whatIf.error instanceof ApiError && whatIf.error.status === 400) ? (
          <QueryError error={whatIf.error} />
        ) : null}
        {row ? (
          <div aria-live="polite">
            <TableFrame caption={format(m.evaluation.whatIfCaption, { name: d.department })}>
              <Table.Thead>
                <Table.Tr>
                  <Th> </Th>
                  <Th num>{m.evaluation.whatIfCurrent}</Th>
                  <Th num>{m.evaluation.whatIfAlt}</Th>
                  <Th num>{m.evaluation.whatIfDiff}</Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{m.evaluation.rowTotal}</Table.Th>
                  <Table.Td className="num">{num(row.base.display, 2)}</Table.Td>
                  <Table.Td className="num" fw={700}>
                    {num(row.alt.display, 2)}
                  </Table.Td>
                  <Table.Td className="num">
                    {row.totalDiff > 0 ? '+' : ''}
                    {num(row.totalDiff, 2)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{m.evaluation.rowRank}</Table.Th>
                  <Table.Td className="num">{num(row.base.rank, 0)}</Table.Td>
                  <Table.Td className="num" fw={700}>
                    {num(row.alt.rank, 0)}
                  </Table.Td>
                  <Table.Td className="num">
                    {row.rankChange > 0 ? '▲' : row.rankChange < 0 ? '▼' : ''}
                    {num(Math.abs(row.rankChange), 0)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{m.evaluation.rowGrade}</Table.Th>
                  <Table.Td className="num">{row.base.grade}</Table.Td>
                  <Table.Td className="num" fw={700}>
                    {row.alt.grade}
                  </Table.Td>
                  <Table.Td className="num">{row.gradeChanged ? `${row.base.grade} → ${row.alt.grade}` : ''}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </TableFrame>
            <Text size="sm" c={WARN_COLOR} fw={600} mt={4}>
              {m.evaluation.whatIfNotSaved}
            </Text>
          </div>
        ) : null}
      </Stack>
    </Section>
  );
}

function Breakdown({ data, year }: { data: DepartmentEvaluationResponse; year: number }) {
  const { m, format, num } = useI18n();
  const d = data.department;
  const componentLabel = {
    achievement: m.evaluation.colAchievement,
    quality: m.evaluation.colQuality,
    qualitative: m.evaluation.colQualitative,
    bonus: m.evaluation.colBonus,
    penalty: m.evaluation.colPenalty,
  };
  const counted = {
    rate: m.evaluation.countedRate,
    zero: m.evaluation.countedZero,
    excluded: m.evaluation.countedExcluded,
  };
  return (
    <>
      <Alert color={data.mode === 'final' ? 'teal' : 'orange'} variant="light" title={<ModeBadge mode={data.mode} />}>
        <Text size="sm">{data.mode === 'final' ? m.evaluation.noteFinal : m.evaluation.noteProvisional}</Text>
      </Alert>
      <Section title={m.evaluation.scoreSummary} id="summary">
        <Group gap="md" mb="xs">
          <Badge size="lg" variant="filled">
            {m.evaluation.colGrade} {d.grade}
          </Badge>
          <Text fw={600}>
            {format(m.evaluation.rankOf, {
              rank: d.rank,
              size: data.rankingGroup?.size ?? '',
              group: d.rankingGroup,
            })}
          </Text>
          <Text c="dimmed">
            {m.evaluation.colGroup}: {d.group}
          </Text>
        </Group>
        <TableFrame caption={format(m.evaluation.summaryCaption, { name: d.department })} captionHidden>
          <Table.Thead>
            <Table.Tr>
              <Th>{m.evaluation.colComponent}</Th>
              <Th num>{m.evaluation.colPoints}</Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SCORE_COLUMNS.map((k) => (
              <Table.Tr key={k}>
                <Table.Th scope="row">{componentLabel[k]}</Table.Th>
                <Table.Td className="num">
                  {k === 'penalty' && d.display.penalty > 0 ? '−' : ''}
                  {num(d.display[k], 2)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{m.evaluation.colTotal}</Table.Th>
              <Table.Td className="num" fw={700}>
                {num(d.display.total, 2)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </TableFrame>
      </Section>
      <WhatIfPanel data={data} year={year} />
      {d.explanation ? (
        <Section title={m.evaluation.explanation} id="explanation">
          <Text size="sm" c="dimmed" mb="xs">
            {m.evaluation.explanationIntro}
          </Text>
          <ul style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
            <Explanation node={d.explanation} />
          </ul>
        </Section>
      ) : null}
      {d.indicators && d.indicators.length > 0 ? (
        <Section title={m.evaluation.indicatorsTitle} id="indicators">
          <TableFrame
            caption={format(m.evaluation.indicatorsCaption, { name: d.department })}
            captionHidden
            minWidth={900}
          >
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colIndicator}</Th>
                <Th num>{m.evaluation.colWeight}</Th>
                <Th num>{m.evaluation.colActual}</Th>
                <Th num>{m.evaluation.colRate}</Th>
                <Th>{m.evaluation.colCounted}</Th>
                <Th num>{m.evaluation.colAchievementPoints}</Th>
                <Th num>{m.evaluation.colQualityScore}</Th>
                <Th num>{m.evaluation.colQualityPoints}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.indicators.map((i, n) => (
                <Table.Tr key={`${i.indicator}-${n}`}>
                  <Table.Th scope="row" fw={500}>
                    {i.name} <span className="cell-sub">{i.indicator}</span>
                  </Table.Th>
                  <Table.Td className="num">{num(i.weight, 2)}</Table.Td>
                  <Table.Td className="num">{i.value.value === null ? m.common.dash : num(i.value.value, 2)}</Table.Td>
                  <Table.Td className="num">{i.rate.ok ? `${num(i.rate.rate, 1)}%` : i.rate.message}</Table.Td>
                  <Table.Td>{counted[i.counted] ?? i.counted}</Table.Td>
                  <Table.Td className="num">{num(i.achievementPoints, 2)}</Table.Td>
                  <Table.Td className="num">
                    {i.quality.score === null ? m.common.dash : num(i.quality.score, 1)}
                  </Table.Td>
                  <Table.Td className="num">{num(i.qualityPoints, 2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        </Section>
      ) : null}
    </>
  );
}

export default function BreakdownPage() {
  const { m, format } = useI18n();
  const name = decodeURIComponent(useParams().name ?? '');
  const { year } = useYear();
  const href = useHref();
  const [mode] = useMode();
  const q = useDepartmentEvaluation(year, name, mode);
  const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  return (
    <Page
      title={format(m.evaluation.breakdownTitle, { name })}
      badges={<ModeBadge mode={mode} />}
      actions={
        <Anchor component={Link} to={href('/evaluation', mode === 'provisional' ? { mode } : {})} size="sm">
          ← {m.evaluation.backToRanking}
        </Anchor>
      }
    >
      <EvaluationTabs />
      {notFound ? (
        <Text role="alert">{format(m.evaluation.notFound, { name })}</Text>
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data || year === undefined ? (
        <Loading />
      ) : (
        <Breakdown data={q.data} year={year} />
      )}
    </Page>
  );
}
