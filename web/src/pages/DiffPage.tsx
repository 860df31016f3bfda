/**
 * 달라진 점: two years' plans compared (GET /plans/diff, computed by domain/plan-diff): the main
 * changes in sentences, the counts per level, common/convergence indicator changes, then per level
 * the items added, removed, renamed, re-coded and moved.
 */
import { Fragment, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Group, List, NativeSelect, Table, Text } from '@mantine/core';
import { useDiff } from '../api/plans';
import type { CountKey, DiffResponse } from '../api/types';
import { useYear } from '../app/year';
import { Page, Section } from '../components/Page';
import { Query } from '../components/QueryState';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';

type Diff = DiffResponse;
type LevelKey = keyof Diff['levels'];
const LEVELS: { key: LevelKey; count: CountKey }[] = [
  { key: 'orgStrategicGoals', count: 'orgStrategicGoals' },
  { key: 'orgPerformanceGoals', count: 'orgPerformanceGoals' },
  { key: 'deptStrategicGoals', count: 'deptStrategicGoals' },
  { key: 'deptPerformanceGoals', count: 'deptPerformanceGoals' },
  { key: 'indicators', count: 'indicators' },
  { key: 'tasks', count: 'tasks' },
];
const COUNT_ORDER: CountKey[] = [
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

function Delta({ n }: { n: number }) {
  const { num } = useI18n();
  if (n === 0) return <span>0</span>;
  return <span className={n > 0 ? 'delta-up' : 'delta-down'}>{`${n > 0 ? '+' : '−'}${num(Math.abs(n), 0)}`}</span>;
}

/** A small table in a disclosure: the heading says how many, the table lists them. */
function ItemTable({
  caption,
  head,
  rows,
  nowrap = [],
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  nowrap?: number[];
}) {
  if (!rows.length) return null;
  return (
    <TableFrame caption={`${caption} (${rows.length})`}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Th key={h}>{h}</Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <Table.Th scope="row" fw={500} key={j}>
                  {c}
                </Table.Th>
              ) : (
                <Table.Td key={j} style={nowrap.includes(j) ? { whiteSpace: 'nowrap' } : undefined}>
                  {c}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

function LevelChanges({ d, level }: { d: Diff; level: LevelKey }) {
  const { m } = useI18n();
  const l = d.levels[level];
  const field = (f: string) => (m.diff.fields as Record<string, string>)[f] ?? f;
  const kindChanged = level === 'indicators' ? d.levels.indicators.kindChanged : [];
  const total =
    l.added.length + l.removed.length + l.renamed.length + l.recoded.length + l.changed.length + kindChanged.length;
  const name = m.levels[level.replace(/s$/, '') as keyof typeof m.levels];
  return (
    <details className="diff-level" open={total > 0 && total <= 12}>
      <summary>
        <strong>{name}</strong>{' '}
        <span className="cell-sub">
          {total === 0
            ? m.diff.noChanges
            : (
                [
                  [m.diff.added, l.added.length],
                  [m.diff.removed, l.removed.length],
                  [m.diff.renamed, l.renamed.length],
                  [m.diff.recoded, l.recoded.length],
                  [m.diff.changed, l.changed.length],
                  [m.diff.kindChanged, kindChanged.length],
                ] as const
              )
                .filter(([, n]) => n > 0)
                .map(([label, n]) => `${label} ${n}`)
                .join(' · ')}
        </span>
      </summary>
      <div className="diff-level-body">
        <ItemTable
          caption={`${name} ${m.diff.added}`}
          head={[m.diff.colName, m.diff.colDepartment, m.diff.colCode]}
          nowrap={[1, 2]}
          rows={l.added.map((x) => [x.name, x.department ?? '', x.code])}
        />
        <ItemTable
          caption={`${name} ${m.diff.removed}`}
          head={[m.diff.colName, m.diff.colDepartment, m.diff.colCode]}
          nowrap={[1, 2]}
          rows={l.removed.map((x) => [x.name, x.department ?? '', x.code])}
        />
        <ItemTable
          caption={`${name} ${m.diff.renamed}`}
          head={[m.diff.colAfter, m.diff.colBefore, m.diff.colDepartment]}
          nowrap={[2]}
          rows={l.renamed.map((x) => [x.to, x.from, x.department ?? ''])}
        />
        <ItemTable
          caption={`${name} ${m.diff.recoded}`}
          head={[m.diff.colName, m.diff.colBefore, m.diff.colAfter]}
          nowrap={[1, 2]}
          rows={l.recoded.map((x) => [x.name, x.from, x.to])}
        />
        <ItemTable
          caption={`${name} ${m.diff.changed}`}
          head={[m.diff.colName, m.diff.colField, m.diff.colBefore, m.diff.colAfter]}
          rows={l.changed.map((x) => [x.name, field(x.field), x.from, x.to])}
        />
        <ItemTable
          caption={`${name} ${m.diff.kindChanged}`}
          head={[m.diff.colName, m.diff.colBefore, m.diff.colAfter]}
          rows={kindChanged.map((x) => [x.name, m.kinds[x.from], m.kinds[x.to]])}
        />
      </div>
    </details>
  );
}

function DiffView({ d }: { d: Diff }) {
  const { m, format, num } = useI18n();
  const dep = d.departments;
  const depRows = [
    ...dep.added.map((x) => [m.diff.added, x.name, '']),
    ...dep.removed.map((x) => [m.diff.removed, x.name, '']),
    ...dep.renamed.map((x) => [m.diff.renamed, x.to, x.from]),
    ...dep.evaluatedChanged.map((x) => [
      m.diff.evaluatedChanged,
      x.name,
      x.to ? m.diff.evaluatedYes : m.diff.evaluatedNo,
    ]),
  ];
  return (
    <>
      {d.highlights.length ? (
        <Section title={m.diff.highlights} id="highlights">
          <List spacing={4} size="sm">
            {d.highlights.map((h) => (
              <List.Item key={h}>{h}</List.Item>
            ))}
          </List>
        </Section>
      ) : null}

      <Section title={m.diff.counts} id="counts">
        <TableFrame caption={format(m.diff.countsCaption, { from: d.from.year, to: d.to.year })} captionHidden>
          <Table.Thead>
            <Table.Tr>
              <Th>{m.diff.colLevel}</Th>
              <Th num>{format(m.diff.colYear, { year: d.from.year })}</Th>
              <Th num>{format(m.diff.colYear, { year: d.to.year })}</Th>
              <Th num>{m.diff.colChange}</Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COUNT_ORDER.map((k) => {
              const c = d.counts[k];
              return (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{m.counts[k]}</Table.Th>
                  <Table.Td className="num">{num(c.from, 0)}</Table.Td>
                  <Table.Td className="num">{num(c.to, 0)}</Table.Td>
                  <Table.Td className="num">
                    <Delta n={c.change} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </TableFrame>
      </Section>

      {d.common.replaced.length || d.convergence.added.length || d.convergence.removed.length ? (
        <Section title={m.counts.convergenceIndicators} id="convergence">
          <Group align="flex-start" gap="md" wrap="wrap" className="diff-tables">
            <ItemTable
              caption={m.diff.commonReplaced}
              head={[m.diff.colAfter, m.diff.colBefore]}
              rows={d.common.replaced.map((r) => [r.to.name, r.from.name])}
            />
            <ItemTable
              caption={m.diff.convergenceAdded}
              head={[m.diff.colName, m.diff.colDepartment]}
              nowrap={[1]}
              rows={d.convergence.added.map((x) => [x.name, x.department ?? ''])}
            />
            <ItemTable
              caption={m.diff.convergenceRemoved}
              head={[m.diff.colName, m.diff.colDepartment]}
              nowrap={[1]}
              rows={d.convergence.removed.map((x) => [x.name, x.department ?? ''])}
            />
          </Group>
        </Section>
      ) : null}

      <Section title={m.diff.levels} id="levels">
        {LEVELS.map((l) => (
          <Fragment key={l.key}>
            <LevelChanges d={d} level={l.key} />
          </Fragment>
        ))}
      </Section>

      {depRows.length ? (
        <Section title={m.diff.departments} id="departments">
          <ItemTable caption={m.diff.departments} head={['', m.diff.colAfter, m.diff.colBefore]} rows={depRows} />
        </Section>
      ) : null}
    </>
  );
}

export default function DiffPage() {
  const { m, format } = useI18n();
  const { year, plans } = useYear();
  const [params, setParams] = useSearchParams();
  const years = [...plans.map((p) => p.year)].sort((a, b) => a - b);
  // Default: the chosen year against the year before it; for the first year, against the next one.
  const earlier = years.filter((y) => year !== undefined && y < year);
  const later = years.filter((y) => year !== undefined && y > year);
  const defaultFrom = earlier.length ? earlier[earlier.length - 1] : year;
  const defaultTo = earlier.length ? year : (later[0] ?? year);
  const from = Number(params.get('from')) || defaultFrom;
  const to = Number(params.get('to')) || defaultTo;
  const diff = useDiff(from, to);

  const set = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const options = years.map((y) => ({ value: String(y), label: format(m.diff.yearOption, { year: y }) }));

  return (
    <Page title={m.diff.title} intro={m.diff.intro}>
      {years.length < 2 ? (
        <Text>{m.diff.needTwo}</Text>
      ) : (
        <>
          <Group gap="sm" className="no-print">
            <NativeSelect
              label={m.diff.from}
              data={options}
              value={String(from ?? '')}
              onChange={(e) => set('from', e.currentTarget.value)}
              w={140}
            />
            <Text mt={24} aria-hidden="true">
              →
            </Text>
            <NativeSelect
              label={m.diff.to}
              data={options}
              value={String(to ?? '')}
              onChange={(e) => set('to', e.currentTarget.value)}
              w={140}
            />
          </Group>
          {from === to ? <Text role="alert">{m.diff.same}</Text> : <Query q={diff}>{(d) => <DiffView d={d} />}</Query>}
        </>
      )}
    </Page>
  );
}
