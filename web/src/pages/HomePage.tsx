/**
 * 홈: the year's plan at a glance — the vision, the counts of every level, and the strategy map
 * (one row per vision pillar, a card per 區 전략목표 with its goals, indicators and tasks).
 */
import { Link } from 'react-router';
import { Anchor, Group, Text } from '@mantine/core';
import { useSummary, useTree } from '../api/plans';
import type { CountKey, OrgStrategicGoalRow, PlanSummary, TreeNode, TreeResponse } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge, IllustrativeNotice } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Loading, QueryError } from '../components/QueryState';
import { useI18n } from '../i18n';
import { EvaluationHomeCard } from './evaluation';

const COUNT_GROUPS: { title: 'groupGoals' | 'groupIndicators' | 'groupTasks'; keys: CountKey[] }[] = [
  {
    title: 'groupGoals',
    keys: ['orgStrategicGoals', 'orgPerformanceGoals', 'deptStrategicGoals', 'deptPerformanceGoals'],
  },
  { title: 'groupIndicators', keys: ['indicators', 'convergenceIndicators', 'commonIndicators'] },
  { title: 'groupTasks', keys: ['tasks', 'departments'] },
];
const PRIMARY: CountKey[] = ['indicators', 'tasks'];
const GOAL_COLORS = ['#0c4bbf', '#0f7b6c', '#b4460b', '#7a3fb8', '#b0216b', '#3c6e14'];

interface GoalCard {
  row: OrgStrategicGoalRow;
  node: TreeNode | undefined;
  color: string;
}

function strategyRows(
  summary: PlanSummary,
  tree: TreeResponse | undefined,
): { pillar: string | null; goals: GoalCard[] }[] {
  const nodes = tree?.tree ?? [];
  const cards = summary.byOrgStrategicGoal.map((row, i): GoalCard => ({
    row,
    node: nodes.find((n) => (row.code ? n.code === row.code : n.name === row.name)),
    color: GOAL_COLORS[i % GOAL_COLORS.length]!,
  }));
  const rows: { pillar: string | null; goals: GoalCard[] }[] = [];
  for (const c of cards) {
    const pillar = c.row.visionPillar ?? null;
    const last = rows[rows.length - 1];
    if (last && last.pillar === pillar) last.goals.push(c);
    else rows.push({ pillar, goals: [c] });
  }
  return rows;
}

export default function HomePage() {
  const { m, format, num } = useI18n();
  const { year, plan } = useYear();
  const href = useHref();
  const summary = useSummary(year);
  const tree = useTree(year);
  const title = format(m.home.title, { year: year ?? '' });

  return (
    <Page
      title={title}
      badges={
        <>
          {plan ? (
            <span className="status-badge">
              {m.planStatus[plan.status as keyof typeof m.planStatus] ?? plan.status}
            </span>
          ) : null}
          {plan?.illustrative ? <IllustrativeBadge /> : null}
        </>
      }
      intro={plan?.title}
    >
      <IllustrativeNotice show={plan?.illustrative} />
      <EvaluationHomeCard />
      {tree.data?.plan ? (
        <div className="vision-banner">
          <div className="vision-label">{m.home.vision}</div>
          <p className="vision-name">{tree.data.plan.visionName}</p>
          {tree.data.plan.visionSlogan ? <Text size="sm">{tree.data.plan.visionSlogan}</Text> : null}
        </div>
      ) : null}

      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="counts-heading" className="count-groups">
            <h2 id="counts-heading" className="visually-hidden">
              {m.home.countsHeading}
            </h2>
            {COUNT_GROUPS.map((g) => (
              <div key={g.title} className="count-group" style={{ flexGrow: g.keys.length }}>
                <h3 className="count-group-title">{m.home[g.title]}</h3>
                <dl className="stat-row">
                  {g.keys.map((k) => (
                    <div key={k} className={`stat${PRIMARY.includes(k) ? ' primary' : ''}`}>
                      <dt>{m.counts[k]}</dt>
                      <dd>{num(summary.data.counts[k], 0)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </section>

          <Section title={m.home.strategyMap} id="strategy-map">
            <Text size="sm" c="dimmed" mb="sm">
              {m.home.strategyMapHint}
            </Text>
            <div className="strategy-map">
              {strategyRows(summary.data, tree.data).map((row, ri) => (
                <div className="pillar-row" key={`${row.pillar ?? ''}-${ri}`}>
                  {row.pillar ? (
                    <h3 className="pillar-label">
                      <span className="visually-hidden">{m.home.pillar}: </span>
                      {row.pillar}
                    </h3>
                  ) : null}
                  <ul className="pillar-goals" style={row.pillar ? undefined : { gridColumn: '1 / -1' }}>
                    {row.goals.map(({ row: g, node, color }) => (
                      <li key={g.name}>
                        <Link
                          className="goal-card"
                          style={{ ['--goal-color' as string]: color }}
                          to={href('/plan', node ? { focus: node.code } : {})}
                          title={format(m.home.openInExplorer, { name: g.name })}
                        >
                          <h4>{g.name}</h4>
                          <dl>
                            <div>
                              <dt>{m.home.goalPerformanceGoals}</dt>
                              <dd>{num(g.orgPerformanceGoals ?? node?.children.length ?? null, 0)}</dd>
                            </div>
                            <div>
                              <dt>{m.home.goalIndicators}</dt>
                              <dd>
                                {num(g.indicators, 0)}
                                <span className="goal-sub">
                                  {' '}
                                  ({m.home.goalConvergence} {num(g.convergenceIndicators, 0)})
                                </span>
                              </dd>
                            </div>
                            <div>
                              <dt>{m.home.goalTasks}</dt>
                              <dd>{num(g.tasks, 0)}</dd>
                            </div>
                          </dl>
                          <div className="goal-bar" aria-hidden="true">
                            <span
                              style={{
                                width: `${(100 * g.indicators) / Math.max(1, summary.data.counts.indicators)}%`,
                              }}
                            />
                          </div>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </Section>

          <Section title={m.home.quickLinks} id="quick-links">
            <Group gap="lg">
              <Anchor component={Link} to={href('/tables')}>
                {m.nav.tables}
              </Anchor>
              <Anchor component={Link} to={href('/departments')}>
                {m.nav.departments}
              </Anchor>
              <Anchor component={Link} to={href('/checks')}>
                {m.nav.checks}
              </Anchor>
              <Anchor component={Link} to={href('/diff')}>
                {m.nav.diff}
              </Anchor>
            </Group>
          </Section>
        </>
      )}
    </Page>
  );
}
