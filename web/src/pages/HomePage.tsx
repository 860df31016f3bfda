/**
 * 홈: the year's plan at a glance — the vision, the counts of every level, and the strategy map
 * (one row per vision pillar, a card per 區 전략목표 with its goals, indicators and tasks).
 */
import { Link } from 'react-router';
import { Anchor, Group, Text } from '@mantine/core';
import { useHome } from '../api/plans';
import type { CountKey } from '../api/types';
import type { PlanHome, StrategyGoal } from '../../../src/domain/plan-progress.js';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge, IllustrativeNotice } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Loading, QueryError } from '../components/QueryState';
import { useI18n } from '../i18n';
import { EvaluationHomeCard } from './evaluation';
import { WorkHomeCard } from './work/WorkHomeCard';

const COUNT_GROUPS: { title: 'groupGoals' | 'groupIndicators' | 'groupTasks'; keys: CountKey[] }[] = [
  {
    title: 'groupGoals',
    keys: ['orgStrategicGoals', 'orgPerformanceGoals', 'deptStrategicGoals', 'deptPerformanceGoals'],
  },
  { title: 'groupIndicators', keys: ['indicators', 'convergenceIndicators', 'commonIndicators'] },
  { title: 'groupTasks', keys: ['tasks', 'departments'] },
];
const PRIMARY: CountKey[] = ['indicators', 'tasks'];
/** The strategy map's colour of a goal by its achievement band (the text says the band too). */
const BAND_COLORS = { good: '#237032', fair: '#a35200', poor: '#c92a2a' } as const;
const NO_BAND_COLOR = '#5c6670';
const RESULT_STATUSES = ['draft', 'submitted', 'approved', 'verified'] as const;

/** The strategy map's rows: consecutive goals of one vision pillar (or of none). */
function pillarRows(goals: PlanHome['goals']): { pillar: string | null; goals: StrategyGoal[] }[] {
  const rows: { pillar: string | null; goals: StrategyGoal[] }[] = [];
  for (const g of goals) {
    const last = rows[rows.length - 1];
    if (last && last.pillar === g.visionPillar) last.goals.push(g);
    else rows.push({ pillar: g.visionPillar, goals: [g] });
  }
  return rows;
}

export default function HomePage() {
  const { m, format, num } = useI18n();
  const { year, plan } = useYear();
  const href = useHref();
  const home = useHome(year);
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
      <WorkHomeCard />
      <EvaluationHomeCard />
      {home.isError ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} />
      ) : !home.data ? (
        <Loading />
      ) : (
        <>
          <div className="vision-banner">
            <div className="vision-label">{m.home.vision}</div>
            <p className="vision-name">{home.data.vision.name}</p>
            {home.data.vision.slogan ? <Text size="sm">{home.data.vision.slogan}</Text> : null}
          </div>

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
                      <dd>{num(home.data.counts[k], 0)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </section>

          <Section title={m.home.strategyMap} id="strategy-map">
            <Text size="sm" c="dimmed" mb="sm">
              {m.home.strategyMapHint} {m.home.bandLegend}
            </Text>
            <div className="strategy-map">
              {pillarRows(home.data.goals).map((row, ri) => (
                <div className="pillar-row" key={`${row.pillar ?? ''}-${ri}`}>
                  {row.pillar ? (
                    <h3 className="pillar-label">
                      <span className="visually-hidden">{m.home.pillar}: </span>
                      {row.pillar}
                    </h3>
                  ) : null}
                  <ul className="pillar-goals" style={row.pillar ? undefined : { gridColumn: '1 / -1' }}>
                    {row.goals.map(({ progress: p, ...g }) => (
                      <li key={g.code}>
                        <Link
                          className="goal-card"
                          style={{
                            ['--goal-color' as string]: p.band ? BAND_COLORS[p.band] : NO_BAND_COLOR,
                          }}
                          to={href('/plan', { focus: g.code })}
                          title={format(m.home.openInExplorer, { name: g.name })}
                        >
                          <h4>{g.name}</h4>
                          <dl>
                            <div>
                              <dt>{m.home.goalPerformanceGoals}</dt>
                              <dd>{num(g.orgPerformanceGoals, 0)}</dd>
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
                            <div className="goal-rate">
                              <dt>{m.home.goalRate}</dt>
                              <dd>
                                {p.rate !== null && p.band
                                  ? format(m.home.goalRateValue, { rate: num(p.rate, 1), band: m.home.bands[p.band] })
                                  : m.home.goalRateNone}
                                <span className="goal-sub">
                                  {format(m.home.goalRated, { rated: p.rated, total: p.indicators })}
                                </span>
                              </dd>
                            </div>
                          </dl>
                          <div className="goal-bar" aria-hidden="true">
                            <span style={{ width: `${p.rate ?? 0}%` }} />
                          </div>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </Section>

          <Section title={m.home.progressHeading} id="progress">
            <Text size="sm" c="dimmed" mb="xs">
              {m.home.progressHint}
            </Text>
            <dl className="stat-row">
              {RESULT_STATUSES.map((k) => (
                <div key={k} className={`stat${k === 'verified' ? ' primary' : ''}`}>
                  <dt>{m.resultStatus[k]}</dt>
                  <dd>{num(home.data.results[k], 0)}</dd>
                </div>
              ))}
            </dl>
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
