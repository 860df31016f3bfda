/**
 * The results work of one indicator, shown on its page (/indicators/:code):
 * - IndicatorWork: for a user who may enter results (`result.enter`) in a department that reports
 *   this indicator (its lead, a participant, or any department for a common indicator), a link to the
 *   entry form of each period of the year; for approvers (`result.approve`, own departments) and
 *   verifiers (`result.verify`), links to the review page of the results waiting for them.
 * - IndicatorComments: the comments of each result the session may read (ResultComments, as on the
 *   review page), opened at once when there are few results, on request otherwise.
 * The server decides again on every action; these only decide what to offer.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useCalendar, useIndicatorResults, useResult, type ResultView } from '../../api/results';
import { useAbilities, useSession } from '../../api/session';
import type { IndicatorRow } from '../../api/types';
import { useHref } from '../../app/year';
import { Section } from '../../components/Page';
import { Loading, QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { periodOrder } from '../indicator-utils';
import { ResultComments, useEntryHref, usePeriodLabel } from './shared';

/** Comments are loaded for every result at once up to this many; beyond, each opens on request. */
const OPEN_AT_ONCE = 6;

/** The departments of the session's department grants (the scope of its own-department abilities). */
function useMyDepartments(): string[] {
  const s = useSession();
  return useMemo(
    () => [...new Set((s.data?.user?.roles ?? []).flatMap((r) => (r.department ? [r.department.name] : [])))],
    [s.data],
  );
}

const byPeriod = (a: ResultView, b: ResultView) =>
  periodOrder(a.period) - periodOrder(b.period) || a.department.name.localeCompare(b.department.name, 'ko');

export function IndicatorWork({ year, indicator }: { year: number; indicator: IndicatorRow }) {
  const { m, format } = useI18n();
  const t = m.work.indicatorWork;
  const { can } = useAbilities();
  const mine = useMyDepartments();
  const href = useHref();
  const entryHref = useEntryHref();
  const periodText = usePeriodLabel();
  const reporting =
    indicator.kind === 'common'
      ? mine
      : mine.filter((d) => d === indicator.leadDepartment || indicator.participants.includes(d));
  const enters = can('result.enter') && reporting.length > 0;
  const approves = can('result.approve');
  const verifies = can('result.verify');
  const calendar = useCalendar(enters ? year : undefined);
  const results = useIndicatorResults(year, indicator.code, enters || approves || verifies);
  if (!enters && !approves && !verifies) return null;

  const list = [...(results.data?.results ?? [])].sort(byPeriod);
  const periods = (calendar.data?.periods ?? []).filter((p) => p.frequency === indicator.frequency);
  const statusOf = (department: string, period: string) =>
    list.find((r) => r.department.name === department && r.period === period)?.statusLabel;
  const reviewLinks = (items: ResultView[]) =>
    items.length === 0 ? (
      <Text span c="dimmed">
        {m.work.none}
      </Text>
    ) : (
      items.map((r) => (
        <Anchor key={r.id} component={Link} underline="always" to={href(`/results/${encodeURIComponent(r.id)}`)}>
          {format(t.reviewLink, { period: periodText(r.period), department: r.department.name })}
        </Anchor>
      ))
    );

  return (
    <Section title={t.title} id="work">
      <Stack gap="sm" data-testid="indicator-work">
        {enters &&
          (calendar.isError ? (
            <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
          ) : !calendar.data ? (
            <Loading />
          ) : (
            reporting.map((department) => (
              <Group key={department} gap="sm" wrap="wrap">
                <Text fw={700}>{format(t.enterFor, { department })}</Text>
                {periods.map((p) => {
                  const status = statusOf(department, p.period);
                  const text = format(t.enterPeriod, { period: periodText(p.period) }) + (status ? ` (${status})` : '');
                  return (
                    <Button
                      key={p.period}
                      component={Link}
                      size="compact-sm"
                      to={entryHref(indicator.code, department, p.period)}
                      aria-label={`${department} ${text}`}
                    >
                      {text}
                    </Button>
                  );
                })}
              </Group>
            ))
          ))}
        {approves && (
          <Group gap="sm" wrap="wrap">
            <Text fw={700}>{t.toApprove}:</Text>
            {reviewLinks(list.filter((r) => r.status === 'submitted' && mine.includes(r.department.name)))}
          </Group>
        )}
        {verifies && (
          <Group gap="sm" wrap="wrap">
            <Text fw={700}>{t.toVerify}:</Text>
            {reviewLinks(list.filter((r) => r.status === 'approved'))}
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function CommentsOf({ id, context }: { id: string; context: string }) {
  const q = useResult(id);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  return <ResultComments d={q.data} context={context} />;
}

function ResultBlock({ r, open: initiallyOpen }: { r: ResultView; open: boolean }) {
  const { m, format } = useI18n();
  const t = m.work.indicatorWork;
  const href = useHref();
  const periodText = usePeriodLabel();
  const [open, setOpen] = useState(initiallyOpen);
  const context = `${periodText(r.period)} ${r.department.name}`;
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="result-comments" data-result={r.id}>
      <summary>
        {format(t.resultHeading, {
          period: periodText(r.period),
          department: r.department.name,
          status: r.statusLabel,
        })}
      </summary>
      <Stack gap="xs" mt="xs" ml="md" mb="sm">
        <Anchor component={Link} underline="always" to={href(`/results/${encodeURIComponent(r.id)}`)}>
          {format(t.reviewLink, { period: periodText(r.period), department: r.department.name })}
        </Anchor>
        {open && <CommentsOf id={r.id} context={context} />}
      </Stack>
    </details>
  );
}

export function IndicatorComments({ year, code }: { year: number; code: string }) {
  const { m } = useI18n();
  const t = m.work.indicatorWork;
  const { can } = useAbilities();
  const readable = can('result.read');
  const q = useIndicatorResults(year, code, readable);
  if (!readable) return null;
  const list = [...(q.data?.results ?? [])].sort(byPeriod);
  return (
    <Section title={t.commentsTitle} id="comments">
      <Text c="dimmed" size="sm" mb="xs">
        {t.commentsIntro}
      </Text>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <Text>{t.noResults}</Text>
      ) : (
        list.map((r) => <ResultBlock key={r.id} r={r} open={list.length <= OPEN_AT_ONCE} />)
      )}
    </Section>
  );
}
