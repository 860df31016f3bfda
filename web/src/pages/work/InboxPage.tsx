/**
 * 할 일 (/inbox): for staff the results due, overdue and returned; for heads what waits for approval;
 * for the planner the verification queue and each department's completion rate this period. Every
 * item links to its entry page (/entry/:code) or review page (/results/:id).
 */
import { Anchor, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useInbox, type InboxItem, type ResultView } from '../../api/results';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { useEntryHref, usePeriodLabel } from './shared';

/** A completion rate (percent) as the catalog writes it, one decimal; none yet → the dash. */
function usePercent() {
  const { m, format, num } = useI18n();
  return (rate: number | null) => (rate === null ? m.common.dash : format(m.common.percent, { value: num(rate, 1) }));
}

function ItemTable({ caption, items }: { caption: string; items: InboxItem[] }) {
  const { m } = useI18n();
  const entryHref = useEntryHref();
  const periodText = usePeriodLabel();
  const w = m.work;
  if (items.length === 0) return <Text c="dimmed">{w.none}</Text>;
  return (
    <TableFrame caption={caption} captionHidden>
      <Table.Thead>
        <Table.Tr>
          <Th>{w.indicator}</Th>
          <Th>{w.department}</Th>
          <Th>{w.period}</Th>
          <Th>{w.deadline}</Th>
          <Th>{w.state}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.indicator.code}-${i.department.id}-${i.period}`}>
            <Table.Td>
              <Anchor underline="always" component={Link} to={entryHref(i.indicator.code, i.department.name, i.period)}>
                {i.indicator.code} {i.indicator.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{i.department.name}</Table.Td>
            <Table.Td>{periodText(i.period)}</Table.Td>
            <Table.Td>{i.deadline}</Table.Td>
            <Table.Td>{i.state}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

function ResultTable({ caption, items }: { caption: string; items: ResultView[] }) {
  const { m } = useI18n();
  const href = useHref();
  const periodText = usePeriodLabel();
  const w = m.work;
  if (items.length === 0) return <Text c="dimmed">{w.none}</Text>;
  return (
    <TableFrame caption={caption} captionHidden>
      <Table.Thead>
        <Table.Tr>
          <Th>{w.indicator}</Th>
          <Th>{w.department}</Th>
          <Th>{w.period}</Th>
          <Th num>{w.actual}</Th>
          <Th>{w.status}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor underline="always" component={Link} to={href(`/results/${encodeURIComponent(r.id)}`)}>
                {r.indicator.code} {r.indicator.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{r.department.name}</Table.Td>
            <Table.Td>{periodText(r.period)}</Table.Td>
            <Table.Td className="num">{r.actual ?? '—'}</Table.Td>
            <Table.Td>{r.statusLabel}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

export default function InboxPage() {
  const { m, format } = useI18n();
  const w = m.work;
  const { year } = useYear();
  const href = useHref();
  const periodText = usePeriodLabel();
  const pct = usePercent();
  const q = useInbox(year);
  return (
    <Page title={w.inboxTitle} intro={w.inboxIntro}>
      <Query q={q}>
        {(d) => (
          <Stack gap="lg">
            {d.staff && (
              <>
                <Section title={`${w.overdue} (${d.staff.overdue.total})`}>
                  <ItemTable caption={w.overdue} items={d.staff.overdue.items} />
                </Section>
                <Section title={`${w.returned} (${d.staff.returned.total})`}>
                  <ItemTable caption={w.returned} items={d.staff.returned.items} />
                </Section>
                <Section title={`${w.due} (${d.staff.due.total})`}>
                  <ItemTable caption={w.due} items={d.staff.due.items} />
                  <Group gap="md" mt="xs">
                    {[
                      ...new Set(
                        [...d.staff.due.items, ...d.staff.overdue.items].map(
                          (i) => `${i.department.name}\u0000${i.period}`,
                        ),
                      ),
                    ].map((k) => {
                      const [department, period] = k.split('\u0000') as [string, string];
                      return (
                        <Anchor key={k} component={Link} to={href('/entry', { department, period })}>
                          {format(w.bulkLink, { department, period: periodText(period) })}
                        </Anchor>
                      );
                    })}
                  </Group>
                </Section>
              </>
            )}
            {d.head && (
              <Section title={`${w.awaiting} (${d.head.awaitingApproval.total})`}>
                <ResultTable caption={w.awaiting} items={d.head.awaitingApproval.items} />
              </Section>
            )}
            {d.planner && (
              <>
                <Section title={`${w.queue} (${d.planner.verificationQueue.total})`}>
                  <ResultTable caption={w.queue} items={d.planner.verificationQueue.items} />
                </Section>
                <Section title={w.completion}>
                  <Text>{format(w.overall, { rate: pct(d.planner.overall.rate) })}</Text>
                  <TableFrame
                    caption={format(w.completionCaption, {
                      periods: d.planner.currentPeriods.map(periodText).join(', '),
                    })}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Th>{w.department}</Th>
                        <Th num>{w.expected}</Th>
                        <Th num>{w.submitted}</Th>
                        <Th num>{w.approved}</Th>
                        <Th num>{w.verified}</Th>
                        <Th width="30%">{w.rate}</Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.planner.completion.map((c) => (
                        <Table.Tr key={c.department.id}>
                          <Table.Td>{c.department.name}</Table.Td>
                          <Table.Td className="num">{c.expected}</Table.Td>
                          <Table.Td className="num">{c.submitted}</Table.Td>
                          <Table.Td className="num">{c.approved}</Table.Td>
                          <Table.Td className="num">{c.verified}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Progress
                                value={Math.min(100, c.rate ?? 0)}
                                style={{ flex: 1 }}
                                aria-label={`${c.department.name} ${w.rate}`}
                              />
                              <Text size="sm">{pct(c.rate)}</Text>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </TableFrame>
                </Section>
              </>
            )}
          </Stack>
        )}
      </Query>
    </Page>
  );
}
