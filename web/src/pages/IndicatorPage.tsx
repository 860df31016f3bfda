/**
 * One indicator: where it sits in the plan, its definition (unit, direction, formula, baseline,
 * target), its tasks with progress and budget (KRW), and its results over the periods as a chart
 * with the target line, with the results table as the chart's text alternative. For signed-in
 * users the results work (pages/work/IndicatorWork): links to the entry form for those who enter
 * this indicator's results, to the review page for approvers and verifiers, and each result's comments.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useIndicator } from '../api/plans';
import type { IndicatorResponse } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Loading, QueryError } from '../components/QueryState';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';
import { periodLabel, periodOrder, sortResults } from './indicator-utils';
import { IndicatorComments, IndicatorWork } from './work/IndicatorWork';
import type { ChartSeries } from '../components/ResultsChart';

const ResultsChart = lazy(() => import('../components/ResultsChart'));

function Facts({ d }: { d: IndicatorResponse }) {
  const { m, num } = useI18n();
  const href = useHref();
  const i = d.indicator;
  const rows: [string, React.ReactNode][] = [
    [m.indicator.kind, m.kinds[i.kind]],
    [
      m.indicator.leadDepartment,
      <Anchor component={Link} to={href(`/departments/${encodeURIComponent(i.leadDepartment)}`)} key="lead">
        {i.leadDepartment}
      </Anchor>,
    ],
  ];
  if (i.kind === 'common') rows.push([m.indicator.participants, m.indicator.participantsAll]);
  else if (i.participants.length)
    rows.push([
      m.indicator.participants,
      <span key="p">
        {i.participants.map((p, k) => (
          <span key={p}>
            {k ? ', ' : ''}
            <Anchor component={Link} to={href(`/departments/${encodeURIComponent(p)}`)}>
              {p}
            </Anchor>
          </span>
        ))}
      </span>,
    ]);
  rows.push(
    [m.indicator.unit, i.unit || m.common.dash],
    [m.indicator.direction, m.direction[i.direction]],
    [m.indicator.measurement, m.measurement[i.measurement]],
    [m.indicator.frequency, m.frequency[i.frequency]],
    [m.indicator.baseline, i.baseline === null ? m.common.dash : `${num(i.baseline)} ${i.unit}`],
    [m.indicator.target, i.target === null ? m.common.dash : <strong key="t">{`${num(i.target)} ${i.unit}`}</strong>],
    [m.indicator.weight, num(i.weight)],
  );
  if (i.formula) rows.push([m.indicator.formula, i.formula]);
  if (i.dataSource) rows.push([m.indicator.dataSource, i.dataSource]);
  if (i.tags.length) rows.push([m.indicator.tags, i.tags.join(', ')]);
  if (i.milestones.length)
    rows.push([m.indicator.milestones, i.milestones.map((ms) => `${ms.name} (${num(ms.weight)})`).join(' · ')]);
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function GoalPath({ d }: { d: IndicatorResponse }) {
  const { m } = useI18n();
  const href = useHref();
  const p = d.path;
  const items = [
    p.orgStrategicGoal
      ? { label: m.levels.orgStrategicGoal, name: p.orgStrategicGoal.name, code: p.orgStrategicGoal.code }
      : null,
    p.orgPerformanceGoal
      ? {
          label: m.levels.orgPerformanceGoal,
          name: p.orgPerformanceGoal.no
            ? `${p.orgPerformanceGoal.no}. ${p.orgPerformanceGoal.name}`
            : p.orgPerformanceGoal.name,
          code: p.orgPerformanceGoal.code,
        }
      : null,
    p.deptStrategicGoal
      ? { label: m.levels.deptStrategicGoal, name: p.deptStrategicGoal.name, code: p.deptStrategicGoal.code }
      : null,
    p.deptPerformanceGoal
      ? { label: m.levels.deptPerformanceGoal, name: p.deptPerformanceGoal.name, code: p.deptPerformanceGoal.code }
      : null,
  ].filter((x): x is { label: string; name: string; code: string } => x !== null);
  return (
    <ol className="path-list" aria-label={m.indicator.path}>
      {items.map((it) => (
        <li key={it.code}>
          <span className="cell-sub">{it.label}</span>{' '}
          <Anchor component={Link} to={href('/plan', { focus: it.code })} size="sm">
            {it.name}
          </Anchor>
        </li>
      ))}
    </ol>
  );
}

function Tasks({ d }: { d: IndicatorResponse }) {
  const { m, format, num, krw } = useI18n();
  if (!d.tasks.length) return <Text>{m.indicator.noTasks}</Text>;
  const budget = d.tasks.reduce((a, t) => a + t.budgetAmount, 0);
  const executed = d.tasks.reduce((a, t) => a + t.executedAmount, 0);
  return (
    <TableFrame caption={format(m.indicator.tasksCaption, { name: d.indicator.name })} captionHidden minWidth={820}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.indicator.colTask}</Th>
          <Th>{m.indicator.colDepartment}</Th>
          <Th>{m.indicator.colSchedule}</Th>
          <Th width={140}>{m.indicator.colProgress}</Th>
          <Th>{m.indicator.colBudgetProgram}</Th>
          <Th num>{m.indicator.colBudget}</Th>
          <Th num>{m.indicator.colExecuted}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.tasks.map((t) => (
          <Table.Tr key={t.code}>
            <Table.Th scope="row" fw={500}>
              {t.name}
              {t.illustrative ? (
                <>
                  {' '}
                  <IllustrativeBadge />
                </>
              ) : null}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.department}</Table.Td>
            <Table.Td>
              {t.startDate || t.endDate ? (
                <>
                  <span className="nowrap">{t.startDate ?? ''} ~</span>{' '}
                  <span className="nowrap">{t.endDate ?? ''}</span>
                </>
              ) : (
                m.common.dash
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Progress
                  value={t.progress}
                  w={64}
                  size="md"
                  aria-label={format(m.indicator.progressLabel, { value: num(t.progress, 1) })}
                />
                <span className="num">{format(m.common.percent, { value: num(t.progress, 1) })}</span>
              </Group>
            </Table.Td>
            <Table.Td>
              {t.budgetProgramName || m.common.dash}
              {t.budgetProgramCode ? <span className="cell-sub"> ({t.budgetProgramCode})</span> : null}
            </Table.Td>
            <Table.Td className="num">{krw(t.budgetAmount)}</Table.Td>
            <Table.Td className="num">{krw(t.executedAmount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {d.tasks.length > 1 ? (
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5}>
              {m.common.total}
            </Table.Th>
            <Table.Td className="num">{krw(budget)}</Table.Td>
            <Table.Td className="num">{krw(executed)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      ) : null}
    </TableFrame>
  );
}

function Results({ d }: { d: IndicatorResponse }) {
  const { m, format, num, locale } = useI18n();
  const results = useMemo(() => sortResults(d.results), [d.results]);
  const chart = useMemo(() => {
    const categories = [...new Set(results.map((r) => r.period))].sort((a, b) => periodOrder(a) - periodOrder(b));
    const lead = d.indicator.leadDepartment;
    const departments = [...new Set(results.map((r) => r.department))].sort((a, b) =>
      a === lead ? -1 : b === lead ? 1 : a.localeCompare(b, 'ko'),
    );
    const series: ChartSeries[] = departments.map((dep) => ({
      name: dep,
      values: categories.map((c) => results.find((r) => r.department === dep && r.period === c)?.actual ?? null),
    }));
    return { categories, labels: categories.map((c) => periodLabel(c, m.periods)), series };
  }, [results, d.indicator.leadDepartment, m.periods]);

  if (!results.length) return <Text>{m.indicator.noResults}</Text>;
  const i = d.indicator;
  const hasValues = results.some((r) => r.actual !== null);
  // Several departments (a convergence indicator): the chart's table alternative is period ×
  // department, like the chart; the full list (status, evidence) folds away below it.
  const pivot = chart.series.length > 1;
  const detailTable = (
    <TableFrame
      caption={pivot ? m.indicator.resultsDetail : format(m.indicator.resultsCaption, { name: i.name })}
      captionHidden={pivot}
      minWidth={640}
    >
      <Table.Thead>
        <Table.Tr>
          <Th>{m.indicator.colPeriod}</Th>
          <Th>{m.indicator.colDepartment}</Th>
          <Th num>{m.indicator.colActual}</Th>
          <Th>{m.indicator.colStatus}</Th>
          <Th num>{m.indicator.colEvidence}</Th>
          <Th>{m.indicator.colComment}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.map((r) => (
          <Table.Tr key={`${r.period}-${r.department}`}>
            <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
              {periodLabel(r.period, m.periods)}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.department}</Table.Td>
            <Table.Td className="num">
              {num(r.actual)} {r.actual !== null ? <span className="cell-sub">{i.unit}</span> : null}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.resultStatus[r.status]}</Table.Td>
            <Table.Td className="num">{num(r.evidenceCount, 0)}</Table.Td>
            <Table.Td>
              {r.comment}
              {r.illustrative ? (
                <>
                  {' '}
                  <IllustrativeBadge />
                </>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
  return (
    <>
      {hasValues ? (
        <figure style={{ margin: 0 }}>
          <Suspense fallback={<Loading />}>
            <ResultsChart
              categories={chart.labels}
              series={chart.series}
              target={i.target}
              targetLabel={m.indicator.chartTarget}
              unit={i.unit}
              locale={locale}
              label={format(m.indicator.chartLabel, {
                name: i.name,
                target: i.target === null ? m.common.dash : `${num(i.target)} ${i.unit}`,
              })}
            />
          </Suspense>
          <figcaption className="visually-hidden">{m.indicator.chartTitle}</figcaption>
        </figure>
      ) : null}
      {pivot ? (
        <TableFrame caption={format(m.indicator.resultsCaption, { name: i.name })} minWidth={480}>
          <Table.Thead>
            <Table.Tr>
              <Th>{m.indicator.colDepartment}</Th>
              {chart.labels.map((label) => (
                <Th num key={label}>
                  {label}
                </Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chart.series.map((s) => (
              <Table.Tr key={s.name}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {s.name}
                </Table.Th>
                {s.values.map((v, ci) => (
                  <Table.Td className="num" key={ci}>
                    {num(v)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{m.indicator.target}</Table.Th>
              {chart.labels.map((label) => (
                <Table.Td className="num" key={label}>
                  {num(i.target)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </TableFrame>
      ) : null}
      {pivot ? (
        <details className="results-detail">
          <summary>{m.indicator.resultsDetail}</summary>
          {detailTable}
        </details>
      ) : (
        detailTable
      )}
    </>
  );
}

export default function IndicatorPage() {
  const { m, format } = useI18n();
  const code = decodeURIComponent(useParams().code ?? '');
  const { year } = useYear();
  const q = useIndicator(year, code);
  const d = q.data;
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  return (
    <Page
      title={d?.indicator.name ?? m.indicator.titleFallback}
      badges={
        d ? (
          <>
            {d.indicator.kind !== 'unique' ? (
              <span className={`kind-badge ${d.indicator.kind}`}>{m.kinds[d.indicator.kind]}</span>
            ) : null}
            <IllustrativeBadge show={d.indicator.illustrative} />
          </>
        ) : null
      }
      intro={d ? <GoalPath d={d} /> : undefined}
    >
      {notFound ? (
        <Text role="alert">{format(m.indicator.notFound, { code })}</Text>
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <IndicatorWork year={d.year} indicator={d.indicator} />
          <Section title={m.indicator.definition} id="definition">
            <Facts d={d} />
          </Section>
          <Section title={m.indicator.results} id="results">
            <Results d={d} />
          </Section>
          <IndicatorComments year={d.year} code={d.indicator.code} />
          <Section title={m.indicator.tasks} id="tasks">
            <Tasks d={d} />
          </Section>
        </>
      )}
    </Page>
  );
}
