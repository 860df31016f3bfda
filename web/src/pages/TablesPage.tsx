/**
 * 목표·지표 현황: the plan's derived tables, as the plan document prints them, from
 * GET /plans/:year/summary (computed on the server from the data, never typed in).
 */
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { useSummary, useTree } from '../api/plans';
import type { CountKey, OrgPerformanceGoalRow, PlanSummary, TreeNode } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge, IllustrativeNotice } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Query } from '../components/QueryState';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';

const OVERVIEW: CountKey[] = [
  'orgStrategicGoals',
  'orgPerformanceGoals',
  'deptStrategicGoals',
  'deptPerformanceGoals',
  'indicators',
  'convergenceIndicators',
  'commonIndicators',
  'tasks',
  'departments',
];

const sections = ['overview', 'byOrgStrategicGoal', 'byOrgPerformanceGoal', 'byDepartment', 'convergence'] as const;

const goalLabel = (r: OrgPerformanceGoalRow) => (r.goalNo !== null ? `${r.goalNo}. ${r.goal}` : r.goal);

function Overview({ s }: { s: PlanSummary }) {
  const { m, format, num } = useI18n();
  return (
    <TableFrame caption={format(m.tables.overviewCaption, { year: s.year })} captionHidden minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.tables.colLevel}</Th>
          {OVERVIEW.map((k) => (
            <Th num key={k}>
              {m.counts[k]}
            </Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{format(m.header.yearOption, { year: s.year })}</Table.Th>
          {OVERVIEW.map((k) => (
            <Table.Td className="num big-num" key={k}>
              {num(s.counts[k], 0)}
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </TableFrame>
  );
}

function ByOrgStrategicGoal({ s }: { s: PlanSummary }) {
  const { m, num } = useI18n();
  const rows = s.byOrgStrategicGoal;
  const withPillar = rows.some((r) => r.visionPillar);
  const sum = (k: 'indicators' | 'convergenceIndicators' | 'tasks') => rows.reduce((a, r) => a + r[k], 0);
  return (
    <TableFrame caption={m.tables.byOrgStrategicGoal} captionHidden>
      <Table.Thead>
        <Table.Tr>
          {withPillar ? <Th>{m.tables.colPillar}</Th> : null}
          <Th>{m.tables.colStrategicGoal}</Th>
          <Th num>{m.tables.colIndicators}</Th>
          <Th num>{m.tables.colConvergence}</Th>
          <Th num>{m.tables.colTasks}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.name}>
            {withPillar ? <Table.Td>{r.visionPillar ?? ''}</Table.Td> : null}
            <Table.Th scope="row">{r.name}</Table.Th>
            <Table.Td className="num">{num(r.indicators, 0)}</Table.Td>
            <Table.Td className="num">{num(r.convergenceIndicators, 0)}</Table.Td>
            <Table.Td className="num">{num(r.tasks, 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={withPillar ? 2 : 1}>
            {m.common.total}
          </Table.Th>
          <Table.Td className="num">{num(sum('indicators'), 0)}</Table.Td>
          <Table.Td className="num">{num(sum('convergenceIndicators'), 0)}</Table.Td>
          <Table.Td className="num">{num(sum('tasks'), 0)}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </TableFrame>
  );
}

function ByOrgPerformanceGoal({ s }: { s: PlanSummary }) {
  const { m, num } = useI18n();
  const href = useHref();
  const groups: { goal: string; rows: OrgPerformanceGoalRow[] }[] = [];
  for (const r of s.byOrgPerformanceGoal) {
    const goal = goalLabel(r);
    const last = groups[groups.length - 1];
    if (last && last.goal === goal) last.rows.push(r);
    else groups.push({ goal, rows: [r] });
  }
  type NumKey = 'indicators' | 'convergence' | 'common' | 'tasks';
  const total = (k: NumKey) => s.byOrgPerformanceGoal.reduce((a, r) => a + r[k], 0);
  return (
    <TableFrame caption={m.tables.byOrgPerformanceGoal} captionHidden minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.tables.colGoal}</Th>
          <Th>{m.tables.colDeptStrategicGoal}</Th>
          <Th>{m.tables.colDepartment}</Th>
          <Th num>{m.tables.colIndicators}</Th>
          <Th num>{m.tables.colConvergence}</Th>
          <Th num>{m.tables.colCommon}</Th>
          <Th num>{m.tables.colTasks}</Th>
        </Table.Tr>
      </Table.Thead>
      {groups.map((g, gi) => (
        <Table.Tbody key={`${g.goal}-${gi}`}>
          {g.rows.map((r, i) => (
            <Table.Tr key={i}>
              {i === 0 ? (
                <Table.Th scope="rowgroup" rowSpan={g.rows.length} className="rowgroup-head">
                  {g.goal}
                </Table.Th>
              ) : null}
              <Table.Td>
                {r.deptStrategicGoal}
                {r.illustrative ? (
                  <>
                    {' '}
                    <IllustrativeBadge />
                  </>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={href(`/departments/${encodeURIComponent(r.department)}`)} size="sm">
                  {r.department}
                </Anchor>
              </Table.Td>
              <Table.Td className="num">{num(r.indicators, 0)}</Table.Td>
              <Table.Td className="num">{num(r.convergence, 0)}</Table.Td>
              <Table.Td className="num">{num(r.common, 0)}</Table.Td>
              <Table.Td className="num">{num(r.tasks, 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={3}>
            {m.common.total}
          </Table.Th>
          <Table.Td className="num">{num(total('indicators'), 0)}</Table.Td>
          <Table.Td className="num">{num(total('convergence'), 0)}</Table.Td>
          <Table.Td className="num">{num(total('common'), 0)}</Table.Td>
          <Table.Td className="num">{num(total('tasks'), 0)}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </TableFrame>
  );
}

export function ByDepartmentTable({ s, filter = '', caption }: { s: PlanSummary; filter?: string; caption: string }) {
  const { m, num } = useI18n();
  const href = useHref();
  const f = filter.replace(/\s+/g, '');
  const rows = s.byDepartment.filter((d) => !f || d.name.includes(f));
  const sum = (k: 'deptStrategicGoals' | 'deptPerformanceGoals' | 'indicators' | 'tasks') =>
    rows.reduce((a, r) => a + r[k], 0);
  return (
    <TableFrame caption={caption} captionHidden>
      <Table.Thead>
        <Table.Tr>
          <Th num width={56}>
            {m.tables.colNo}
          </Th>
          <Th>{m.tables.colDepartment}</Th>
          <Th num>{m.tables.colDeptStrategicGoals}</Th>
          <Th num>{m.tables.colDeptPerformanceGoals}</Th>
          <Th num>{m.tables.colIndicators}</Th>
          <Th num>{m.tables.colTasks}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d, i) => (
          <Table.Tr key={d.name}>
            <Table.Td className="num">{i + 1}</Table.Td>
            <Table.Th scope="row">
              <Anchor component={Link} to={href(`/departments/${encodeURIComponent(d.name)}`)}>
                {d.name}
              </Anchor>
              {d.group && d.group !== '본청' ? <span className="cell-sub"> ({d.group})</span> : null}
            </Table.Th>
            <Table.Td className="num">{num(d.deptStrategicGoals, 0)}</Table.Td>
            <Table.Td className="num">{num(d.deptPerformanceGoals, 0)}</Table.Td>
            <Table.Td className="num">{num(d.indicators, 0)}</Table.Td>
            <Table.Td className="num">{num(d.tasks, 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {!f ? (
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {m.common.total}
            </Table.Th>
            <Table.Td className="num">{num(sum('deptStrategicGoals'), 0)}</Table.Td>
            <Table.Td className="num">{num(sum('deptPerformanceGoals'), 0)}</Table.Td>
            <Table.Td className="num">{num(sum('indicators'), 0)}</Table.Td>
            <Table.Td className="num">{num(sum('tasks'), 0)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      ) : null}
    </TableFrame>
  );
}

function Convergence({ s, codes }: { s: PlanSummary; codes: Map<string, string> }) {
  const { m } = useI18n();
  const href = useHref();
  return (
    <TableFrame caption={m.tables.convergence} captionHidden>
      <Table.Thead>
        <Table.Tr>
          <Th num width={56}>
            {m.tables.colNo}
          </Th>
          <Th>{m.tables.colLeadDepartment}</Th>
          <Th>{m.tables.colIndicatorName}</Th>
          <Th>{m.tables.colCommonMark}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {s.convergenceIndicators.map((c, i) => {
          const code = c.code ?? codes.get(`${c.department}|${c.name}`);
          return (
            <Table.Tr key={`${c.department}-${c.name}-${i}`}>
              <Table.Td className="num">{i + 1}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={href(`/departments/${encodeURIComponent(c.department)}`)}>
                  {c.department}
                </Anchor>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {code ? (
                  <Anchor component={Link} to={href(`/indicators/${encodeURIComponent(code)}`)}>
                    {c.name}
                  </Anchor>
                ) : (
                  c.name
                )}
              </Table.Th>
              <Table.Td>{c.common ? m.tables.commonMark : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}

export default function TablesPage() {
  const { m } = useI18n();
  const { year, plan } = useYear();
  const summary = useSummary(year);
  // The summary's convergence rows carry no code: find it in the tree (by lead department and name) to link them.
  const tree = useTree(year);
  const codes = useMemo(() => {
    const map = new Map<string, string>();
    const walk = (nodes: TreeNode[]) =>
      nodes.forEach((n) => {
        if (n.level === 'indicator' && n.kind && n.kind !== 'unique')
          map.set(`${n.department ?? ''}|${n.name}`, n.code);
        walk(n.children);
      });
    walk(tree.data?.tree ?? []);
    return map;
  }, [tree.data]);
  const titles: Record<(typeof sections)[number], string> = {
    overview: m.tables.overview,
    byOrgStrategicGoal: m.tables.byOrgStrategicGoal,
    byOrgPerformanceGoal: m.tables.byOrgPerformanceGoal,
    byDepartment: m.tables.byDepartment,
    convergence: m.tables.convergence,
  };
  return (
    <Page title={m.tables.title} intro={m.tables.intro} badges={plan?.illustrative ? <IllustrativeBadge /> : null}>
      <IllustrativeNotice show={plan?.illustrative} />
      <nav aria-label={m.tables.jumpTo} className="no-print">
        <Group gap="md" wrap="wrap">
          <Text size="sm" c="dimmed" component="span">
            {m.tables.jumpTo}:
          </Text>
          {sections.map((k) => (
            <Anchor key={k} href={`#t-${k}`} size="sm">
              {titles[k]}
            </Anchor>
          ))}
        </Group>
      </nav>
      <Query q={summary}>
        {(s) => (
          <Fragment>
            <Section title={titles.overview} id="t-overview">
              <Overview s={s} />
            </Section>
            <Section title={titles.byOrgStrategicGoal} id="t-byOrgStrategicGoal">
              <ByOrgStrategicGoal s={s} />
            </Section>
            <Section title={titles.byOrgPerformanceGoal} id="t-byOrgPerformanceGoal">
              <ByOrgPerformanceGoal s={s} />
            </Section>
            <Section title={titles.byDepartment} id="t-byDepartment">
              <ByDepartmentTable s={s} caption={titles.byDepartment} />
            </Section>
            <Section title={titles.convergence} id="t-convergence">
              <Convergence s={s} codes={codes} />
            </Section>
          </Fragment>
        )}
      </Query>
    </Page>
  );
}
