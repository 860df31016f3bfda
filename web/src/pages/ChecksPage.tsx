/** 점검: the plan checks of the year, grouped by severity, each with its place in the plan. */
import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import { useChecks } from '../api/plans';
import type { PlanProblem } from '../api/types';
import { useHref, useYear } from '../app/year';
import { IllustrativeBadge } from '../components/Illustrative';
import { Page, Section } from '../components/Page';
import { Query } from '../components/QueryState';
import { TableFrame, Th } from '../components/TableFrame';
import { useI18n } from '../i18n';

const SEVERITIES = ['error', 'warning'] as const;

const GOAL_LISTS = new Set([
  'orgStrategicGoals',
  'orgPerformanceGoals',
  'deptStrategicGoals',
  'deptPerformanceGoals',
  'tasks',
]);

/** Where a problem's path points in the app: "indicators[I012].target" → the indicator page. */
export function linkForPath(path: string, href: (p: string, extra?: Record<string, string>) => string): string | null {
  const m = /^(\w+)\[([^\]]+)\]/.exec(path);
  if (!m) return null;
  const [, list, key] = m as unknown as [string, string, string];
  if (list === 'indicators') return href(`/indicators/${encodeURIComponent(key)}`);
  if (list === 'departments') return href(`/departments/${encodeURIComponent(key)}`);
  if (GOAL_LISTS.has(list)) return href('/plan', { focus: key });
  return null;
}

export default function ChecksPage() {
  const { m, format } = useI18n();
  const { year, plan } = useYear();
  const checks = useChecks(year);
  const href = useHref();
  return (
    <Page title={m.checks.title} intro={m.checks.intro} badges={plan?.illustrative ? <IllustrativeBadge /> : null}>
      <Query q={checks}>
        {(c) => (
          <>
            <Text fw={700} role="status">
              {format(m.checks.summary, { errors: c.errors, warnings: c.warnings })}
            </Text>
            {c.problems.length === 0 ? <Text>{m.checks.clean}</Text> : null}
            {SEVERITIES.map((sev) => {
              const list: PlanProblem[] = c.problems.filter((p) => p.severity === sev);
              if (!list.length) return null;
              const title = `${m.checks.severity[sev]} (${list.length})`;
              return (
                <Section key={sev} title={title} id={`sev-${sev}`}>
                  <TableFrame
                    caption={format(m.checks.groupCaption, { severity: m.checks.severity[sev], n: list.length })}
                    captionHidden
                    minWidth={720}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Th>{m.checks.colMessage}</Th>
                        <Th>{m.checks.colPath}</Th>
                        <Th>{m.checks.colCode}</Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((p, i) => (
                        <Table.Tr key={`${p.code}-${p.path}-${i}`}>
                          <Table.Th scope="row" fw={500}>
                            {p.message}
                          </Table.Th>
                          <Table.Td className="col-path">
                            {(() => {
                              const to = linkForPath(p.path, href);
                              const code = <code className="path">{p.path}</code>;
                              return to ? (
                                <Anchor component={Link} to={to}>
                                  {code}
                                </Anchor>
                              ) : (
                                code
                              );
                            })()}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <code className="path">{p.code}</code>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </TableFrame>
                </Section>
              );
            })}
          </>
        )}
      </Query>
    </Page>
  );
}
