/**
 * One department: its counts, its indicators with unit, direction, baseline and target (a
 * scorecard), and its part of the plan tree (its own goals and the convergence/common indicators
 * it leads or takes part in).
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useDepartment, useIndicators, useSummary } from '../api/plans';
import type { IndicatorResponse, TreeNode } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Loading, QueryError } from '../components/QueryState';
import { PlanTree } from '../components/PlanTree';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';
import { latestResult, periodLabel } from './indicator-utils';

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

function Scorecard({ name, indicators, year }: { name: string; indicators: TreeNode[]; year: number | undefined }) {
  const { m, format, num } = useI18n();
  const href = useHref();
  const details = useIndicators(
    year,
    indicators.map((i) => i.code),
  );
  const byCode = new Map<string, IndicatorResponse>();
  details.forEach((q) => {
    if (q.data) byCode.set(q.data.indicator.code, q.data);
  });
  return (
    <TableFrame caption={format(m.departments.scorecardCaption, { name })} captionHidden minWidth={820}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.departments.colIndicator}</Th>
          <Th>{m.departments.colKind}</Th>
          <Th>{m.departments.colUnit}</Th>
          <Th>{m.departments.colDirection}</Th>
          <Th num>{m.departments.colBaseline}</Th>
          <Th num>{m.departments.colTarget}</Th>
          <Th num>{m.departments.colLatest}</Th>
          <Th num>{m.departments.colTasks}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indicators.map((n) => {
          const d = byCode.get(n.code);
          const ind = d?.indicator;
          const latest = d ? latestResult(d.results, name, ind?.leadDepartment) : undefined;
          const unit = ind?.unit ?? '';
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
              <Table.Td>{unit}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ind ? m.direction[ind.direction] : ''}</Table.Td>
              <Table.Td className="num">{ind ? num(ind.baseline) : ''}</Table.Td>
              <Table.Td className="num">{ind ? num(ind.target) : ''}</Table.Td>
              <Table.Td className="num">
                {latest ? (
                  <>
                    {num(latest.actual)} <span className="cell-sub">({periodLabel(latest.period, m.periods)})</span>
                  </>
                ) : d ? (
                  m.common.dash
                ) : (
                  ''
                )}
              </Table.Td>
              <Table.Td className="num">{d ? num(d.tasks.length, 0) : ''}</Table.Td>
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
            <Scorecard name={name} indicators={indicators} year={year} />
          </Section>
          <Section title={m.departments.tree} id="dept-tree">
            <PlanTree nodes={dept.data.tree} label={`${name} · ${m.departments.tree}`} defaultExpandDepth={4} />
          </Section>
        </>
      )}
    </Page>
  );
}
