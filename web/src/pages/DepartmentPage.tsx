/**
 * One department: its counts, its indicators with unit, direction, baseline and target (a
 * scorecard), and its part of the plan tree (its own goals and the convergence/common indicators
 * it leads or takes part in).
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useDepartment, useSummary } from '../api/plans';
import type { ScorecardRow, TreeNode } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Loading, QueryError } from '../components/QueryState';
import { PlanTree } from '../components/PlanTree';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';
import { periodLabel } from './indicator-utils';

function collectIndicators(nodes: TreeNode[]): TreeNode[] {
  const out = new Map<string, TreeNode>();
  const walk = (list: TreeNode[]) =>
    list.forEach((n) => {
      if (n.level === 'indicator' && !out.has(n.code)) out.set(n.code, n);
      walk(n.children);
    });
  walk(nodes);
  return [...out.values()];
}

/** A small line of the results over the periods, with the target as a dashed line; the values as its text. */
function Sparkline({ values, target, label }: { values: number[]; target: number | null; label: string }) {
  if (values.length === 0) return null;
  const w = 96;
  const h = 24;
  const all = target === null ? values : [...values, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const y = (v: number) => (hi === lo ? h / 2 : h - 2 - ((v - lo) / (hi - lo)) * (h - 4));
  const x = (i: number) => (values.length === 1 ? w / 2 : 2 + (i * (w - 4)) / (values.length - 1));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      {target !== null ? (
        <line x1={0} x2={w} y1={y(target)} y2={y(target)} stroke="#868e96" strokeDasharray="3 2" strokeWidth={1} />
      ) : null}
      <polyline points={points} fill="none" stroke="var(--mantine-color-brand-7)" strokeWidth={1.5} />
      {values.length === 1 ? <circle cx={x(0)} cy={y(values[0]!)} r={2} fill="var(--mantine-color-brand-7)" /> : null}
    </svg>
  );
}

function Scorecard({ name, rows, order }: { name: string; rows: ScorecardRow[]; order: TreeNode[] }) {
  const { m, format, num } = useI18n();
  const href = useHref();
  const byCode = new Map(rows.map((r) => [r.indicator.code, r]));
  return (
    <TableFrame caption={format(m.departments.scorecardCaption, { name })} captionHidden minWidth={980}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.departments.colIndicator}</Th>
          <Th>{m.departments.colKind}</Th>
          <Th>{m.departments.colUnit}</Th>
          <Th>{m.departments.colDirection}</Th>
          <Th num>{m.departments.colBaseline}</Th>
          <Th num>{m.departments.colTarget}</Th>
          <Th num>{m.departments.colLatest}</Th>
          <Th num>{m.departments.colRate}</Th>
          <Th>{m.departments.colTrend}</Th>
          <Th>{m.departments.colStatus}</Th>
          <Th num>{m.departments.colTasks}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {order.map((n) => {
          const d = byCode.get(n.code);
          const ind = d?.indicator;
          const latest = d?.latest ?? null;
          const series = (d?.results ?? []).filter((r) => r.actual !== null);
          const trendLabel = format(m.departments.trendLabel, {
            values:
              series.map((r) => `${periodLabel(r.period, m.periods)} ${num(r.actual)}`).join(', ') || m.common.dash,
            target: ind?.target === null || ind?.target === undefined ? m.common.dash : num(ind.target),
          });
          return (
            <Table.Tr key={n.code}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={href(`/indicators/${encodeURIComponent(n.code)}`)}>
                  {n.name}
                </Anchor>
                {n.department && n.department !== name ? <span className="cell-sub"> · {n.department}</span> : null}
                {n.illustrative ? (
                  <>
                    {' '}
                    <IllustrativeBadge />
                  </>
                ) : null}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {m.kindsShort[(n.kind ?? 'unique') as 'unique'] ?? n.kind}
              </Table.Td>
              <Table.Td>{ind?.unit ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ind ? m.direction[ind.direction] : ''}</Table.Td>
              <Table.Td className="num">{ind ? num(ind.baseline) : ''}</Table.Td>
              <Table.Td className="num">{ind ? num(ind.target) : ''}</Table.Td>
              <Table.Td className="num">
                {latest && latest.actual !== null ? (
                  <>
                    {num(latest.actual)} <span className="cell-sub">({periodLabel(latest.period, m.periods)})</span>
                  </>
                ) : (
                  m.common.dash
                )}
              </Table.Td>
              <Table.Td className="num">
                {latest?.rate !== null && latest?.rate !== undefined
                  ? format(m.common.percent, { value: num(latest.rate, 1) })
                  : m.common.dash}
              </Table.Td>
              <Table.Td>
                <Sparkline values={series.map((r) => r.actual!)} target={ind?.target ?? null} label={trendLabel} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {latest ? m.resultStatus[latest.status] : m.departments.noResult}
              </Table.Td>
              <Table.Td className="num">{d ? num(d.tasks, 0) : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}

export default function DepartmentPage() {
  const { m, format, num } = useI18n();
  const name = decodeURIComponent(useParams().name ?? '');
  const { year, plan } = useYear();
  const href = useHref();
  const dept = useDepartment(year, name);
  const summary = useSummary(year);
  const row = summary.data?.byDepartment.find((d) => d.name === name);
  const indicators = useMemo(() => collectIndicators(dept.data?.tree ?? []), [dept.data]);

  const notFound = dept.error instanceof ApiError && dept.error.status === 404;
  return (
    <Page
      title={format(m.departments.pageTitle, { name })}
      intro={year ? format(m.departments.pageIntro, { name, year }) : undefined}
      badges={plan?.illustrative ? <IllustrativeBadge /> : null}
      actions={
        <Anchor component={Link} to={href('/departments')} size="sm">
          ← {m.departments.back}
        </Anchor>
      }
    >
      {row ? (
        <dl className="stat-grid">
          {(['deptStrategicGoals', 'deptPerformanceGoals', 'indicators', 'tasks'] as const).map((k) => (
            <div key={k} className={`stat-card${k === 'indicators' ? ' primary' : ''}`}>
              <dt>{m.counts[k]}</dt>
              <dd>{num(row[k], 0)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {notFound ? (
        <Text role="alert">{format(m.departments.notFound, { name })}</Text>
      ) : dept.isError ? (
        <QueryError error={dept.error} onRetry={() => void dept.refetch()} />
      ) : !dept.data ? (
        <Loading />
      ) : (
        <>
          <Section title={m.departments.scorecard} id="scorecard">
            <Text size="sm" c="dimmed" mb="xs">
              {format(m.departments.scorecardNote, {
                own: indicators.filter((n) => n.department === name).length,
                other: indicators.filter((n) => n.department !== name).length,
              })}
            </Text>
            <Scorecard name={name} rows={dept.data.scorecard ?? []} order={indicators} />
          </Section>
          <Section title={m.departments.tree} id="dept-tree">
            <PlanTree nodes={dept.data.tree} label={`${name} · ${m.departments.tree}`} defaultExpandDepth={4} />
          </Section>
        </>
      )}
    </Page>
  );
}
